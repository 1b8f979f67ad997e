/** The open flow's lint findings, recomputed as the draft changes. */
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { queries } from '../../client/api.ts';
import { calledFlows, signaturesOf } from '../../model/helperCalls.ts';
import type { Finding } from '../../model/lint/lint.ts';
import { lintFlow } from '../../model/lint/lint.ts';
import { useEditor } from '../flow/editorContext.ts';
import { useTree } from '../workspace/useTree.ts';

/** Findings of the draft in the context of the workspace (and the helpers it calls). */
export function useLint(): Finding[] {
  const flow = useEditor((s) => s.flow);
  const index = useTree();
  const connections = useQuery(queries.connections()).data;
  const called = useMemo(() => {
    const known = new Set<string>(index.tree.flows.map((f) => f.id));
    return calledFlows(flow.data).filter((id) => known.has(id) && id !== flow.id);
  }, [flow.data, flow.id, index]);
  const helperFlows = useQueries({
    queries: called.map((id) => queries.flow(id)),
    combine: (rs) => rs.map((r) => r.data).filter((d) => d !== undefined),
  });
  const helpers = useMemo(
    () => signaturesOf(helperFlows.map((d) => ({ id: d.id, data: d.content }))),
    [helperFlows],
  );
  return useMemo(() => {
    const flows = index.tree.flows.map((f) =>
      f.id === flow.id
        ? { id: f.id, name: flow.name, folderId: flow.folderId, active: flow.active, kind: f.kind }
        : { id: f.id, name: f.name, folderId: f.folderId, active: f.active, kind: f.kind },
    );
    const depth = flow.folderId ? index.depth(flow.folderId) : undefined;
    const configs =
      connections === undefined ? undefined : Object.fromEntries(connections.map((c) => [c.id, c]));
    const ctx = configs === undefined ? { flows, helpers } : { flows, helpers, configs };
    return lintFlow(flow, depth === undefined ? ctx : { ...ctx, folderDepth: depth });
  }, [flow, index, helpers, connections]);
}
