/**
 * The changes between two flopacks: flows matched by id, then by name; per flow its settings
 * and content. Either side may be missing (a file added or removed in a pull request).
 */
import { FLOW_KIND_LABELS, flowKind } from '../../model/flows.ts';
import type { Flow, Workspace } from '../../model/workspace.ts';
import { visibleCards } from '../render/lanes.ts';
import type { DiffContext, Side } from './context.ts';
import { sideOf } from './context.ts';
import { diffFlowContent } from './flowDiff.ts';
import { flowSettings } from './settings.ts';
import type { Change, FlowDiff, PackDiff } from './types.ts';

/** Old flow id → new flow id for flows present in both files. */
export function matchFlows(oldWs: Workspace, newWs: Workspace): Map<string, string> {
  const match = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of Object.keys(oldWs.flows))
    if (newWs.flows[id]) {
      match.set(id, id);
      taken.add(id);
    }
  const free = Object.values(newWs.flows).filter((f) => !taken.has(f.id));
  for (const f of Object.values(oldWs.flows)) {
    if (match.has(f.id)) continue;
    const same = free.find((n) => n.name === f.name);
    if (same) {
      match.set(f.id, same.id);
      free.splice(free.indexOf(same), 1);
    }
  }
  return match;
}

const kindOf = (f: Flow): string => FLOW_KIND_LABELS[flowKind(f.data)];

const EMPTY: Workspace = { folders: {}, flows: {}, tables: {}, configs: {}, origin: null };

/** Both files of a comparison with their flows matched; null stands for a missing file. */
export interface PackPair {
  before: Workspace;
  after: Workspace;
  match: Map<string, string>;
  oldSide: Side;
  newSide: Side;
}

/** Matches the flows of two files and prepares their lookups. */
export function pairOf(oldWs: Workspace | null, newWs: Workspace | null): PackPair {
  const before = oldWs ?? EMPTY;
  const after = newWs ?? EMPTY;
  const match = matchFlows(before, after);
  return {
    before,
    after,
    match,
    oldSide: sideOf(before, (id) => (match.has(id) ? `f:${match.get(id)}` : `old:${id}`)),
    newSide: sideOf(after, (id) => `f:${id}`),
  };
}

/** Compares two flopacks read into workspaces; null stands for a missing file. */
export function diffWorkspaces(oldWs: Workspace | null, newWs: Workspace | null): PackDiff {
  return diffPair(pairOf(oldWs, newWs));
}

/** Compares a prepared pair of files. */
export function diffPair(pair: PackPair): PackDiff {
  const { before, after, match, oldSide, newSide } = pair;
  const back = new Map([...match].map(([o, n]) => [n, o]));
  const flows: FlowDiff[] = [];
  for (const b of Object.values(after.flows)) {
    const flow = { id: b.id, name: b.name };
    const a = before.flows[back.get(b.id) ?? ''];
    if (!a) {
      const cards = visibleCards(b.data).length;
      const changes: Change[] = [{ kind: 'flowAdded', flow, flowKind: kindOf(b), cards }];
      flows.push({ flow, status: 'added', oldId: null, newId: b.id, changes });
      continue;
    }
    const ctx: DiffContext = { flow, old: oldSide, new: newSide };
    const changes = [
      ...flowSettings(a, b, before, after, flow),
      ...diffFlowContent(a.data, b.data, ctx).changes,
    ];
    flows.push({
      flow,
      status: changes.length ? 'changed' : 'unchanged',
      oldId: a.id,
      newId: b.id,
      changes,
    });
  }
  for (const a of Object.values(before.flows)) {
    if (match.has(a.id)) continue;
    const flow = { id: a.id, name: a.name };
    const cards = visibleCards(a.data).length;
    const changes: Change[] = [{ kind: 'flowRemoved', flow, flowKind: kindOf(a), cards }];
    flows.push({ flow, status: 'removed', oldId: a.id, newId: null, changes });
  }
  const count = (s: FlowDiff['status']) => flows.filter((f) => f.status === s).length;
  const total = flows.reduce((n, f) => n + f.changes.length, 0);
  return {
    format: 'flopack-diff',
    version: 1,
    identical: total === 0,
    summary: {
      flowsAdded: count('added'),
      flowsRemoved: count('removed'),
      flowsChanged: count('changed'),
      flowsUnchanged: count('unchanged'),
      changes: total,
    },
    flows,
  };
}
