/** The open flow's lint findings, recomputed as the draft changes. */
import { useMemo } from 'react';
import type { Finding } from '../../model/lint/lint.ts';
import { lintFlow } from '../../model/lint/lint.ts';
import { useEditor } from '../flow/editorContext.ts';
import { useTree } from '../workspace/useTree.ts';

/** Findings of the draft in the context of the workspace. */
export function useLint(): Finding[] {
  const flow = useEditor((s) => s.flow);
  const index = useTree();
  return useMemo(() => {
    const flows = index.tree.flows.map((f) =>
      f.id === flow.id
        ? { id: f.id, name: flow.name, folderId: flow.folderId, active: flow.active, kind: f.kind }
        : { id: f.id, name: f.name, folderId: f.folderId, active: f.active, kind: f.kind },
    );
    const depth = flow.folderId ? index.depth(flow.folderId) : undefined;
    return lintFlow(flow, depth === undefined ? { flows } : { flows, folderDepth: depth });
  }, [flow, index]);
}
