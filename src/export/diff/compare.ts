/**
 * Compare two versions of one flow, for the app's "Compare" view and for review pictures:
 * the new flow's layout with every node marked added, changed or unchanged, the removed cards
 * as ghost nodes placed where they were, and the flow's changes as data and as sentences.
 */
import type { RawFloData } from '../../model/raw.ts';
import type { Layout } from '../layout/layout.ts';
import { layoutFlow, withoutPlaceholder } from '../layout/layout.ts';
import type { Drawing, DrawNode, Mark } from '../render/drawing.ts';
import { toDrawNodes } from '../render/drawing.ts';
import type { DiffContext, Side } from './context.ts';
import { BARE_SIDE } from './context.ts';
import { diffFlowContent } from './flowDiff.ts';
import { placeGhosts, structuralOwners } from './ghosts.ts';
import { dataSettings } from './settings.ts';
import type { Change } from './types.ts';
import { changeLine } from './words.ts';

/** Options of `compareFlow`. */
export interface CompareOptions {
  /** The flow's name, used in the sentences (default "this flow"). */
  flowName?: string;
  /** Names and identities of each version's file (helper flows, tables, connections). */
  old?: Side;
  new?: Side;
}

/** Two versions of a flow compared. */
export interface FlowComparison {
  /** The new version's layout, exactly as the canvas lays it out (same node ids). */
  layout: Layout;
  /** Mark of every node of `layout`, by node id. */
  marks: Record<string, Exclude<Mark, 'removed'>>;
  /** Removed cards (and their branches) placed where they were; ids are `removed:<uuid>`. */
  ghosts: DrawNode[];
  /** Everything to draw: the marked nodes, the ghosts, and all edges. */
  drawing: Drawing;
  /** The changes as data (stable shape) and as sentences, in flow order. */
  changes: Change[];
  lines: string[];
}

/** Compares an old and a new version of a flow's content. */
export function compareFlow(
  oldData: RawFloData,
  newData: RawFloData,
  opts: CompareOptions = {},
): FlowComparison {
  const flow = { id: newData.uuid, name: opts.flowName ?? 'this flow' };
  const ctx: DiffContext = { flow, old: opts.old ?? BARE_SIDE, new: opts.new ?? BARE_SIDE };
  const diff = diffFlowContent(oldData, newData, ctx);
  const changes = [...dataSettings(oldData, newData, flow), ...diff.changes];
  const layout = withoutPlaceholder(layoutFlow(newData));
  const owners = structuralOwners(newData);
  const markOf = (id: string): Exclude<Mark, 'removed'> =>
    diff.added.has(id) ? 'added' : diff.changed.has(id) ? 'changed' : 'unchanged';
  const marks: Record<string, Exclude<Mark, 'removed'>> = {};
  for (const n of layout.nodes) {
    if (n.kind === 'card' || n.kind === 'note') marks[n.id] = markOf(n.id);
    else {
      const owner = n.kind === 'arm' ? n.card : (owners.get(n.id) ?? null);
      marks[n.id] = owner !== null && diff.added.has(owner) ? 'added' : 'unchanged';
    }
  }
  const nodes = toDrawNodes(layout, newData, ctx.new.names).map((n) => ({
    ...n,
    mark: marks[n.id] ?? 'unchanged',
  }));
  const ghosts = placeGhosts(
    oldData,
    diff.oldCards,
    diff.removed,
    diff.match,
    nodes,
    ctx.old.names,
  );
  const all = [...nodes, ...ghosts.nodes];
  return {
    layout,
    marks,
    ghosts: ghosts.nodes,
    drawing: {
      nodes: all,
      edges: [...layout.edges, ...ghosts.edges],
      width: Math.max(layout.width, ...all.map((n) => n.x + n.width)),
      height: Math.max(layout.height, ...all.map((n) => n.y + n.height)),
    },
    changes,
    lines: changes.map(changeLine),
  };
}
