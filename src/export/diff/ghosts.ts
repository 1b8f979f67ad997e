/**
 * Places removed cards ("ghosts") in the new flow's picture near where they were: beside the
 * card they followed (or at their old spot in their lane), moved down until they overlap
 * nothing. A removed If/Else or container keeps its branches and arms around it.
 */
import type { RawFloData } from '../../model/raw.ts';
import { forEachScope } from '../../model/scope.ts';
import { sequenceOf } from '../../model/sequence.ts';
import { GEOMETRY, layoutFlow } from '../layout/layout.ts';
import type { DrawEdge, DrawNode } from '../render/drawing.ts';
import { toDrawNodes } from '../render/drawing.ts';
import type { CardEntry, Lane } from '../render/lanes.ts';
import type { Names } from '../render/names.ts';
import type { CardMatch } from './match.ts';

/** If/Else card of each Join (merge node) and branch head, so merges and pills follow their If. */
export function structuralOwners(data: RawFloData): Map<string, string> {
  const out = new Map<string, string>();
  forEachScope(data, (scope) => {
    const visit = (steps: ReturnType<typeof sequenceOf>['steps']): void => {
      for (const s of steps) {
        if (s.type !== 'ifElse') continue;
        out.set(s.join ?? `${s.id}:merge`, s.id);
        for (const b of s.branches) {
          out.set(b.head, s.id);
          visit(b.steps);
        }
      }
    };
    visit(sequenceOf(scope).steps);
  });
  return out;
}

/** Removed cards drawn in the new flow's picture, and their edges. */
export interface Ghosts {
  nodes: DrawNode[];
  edges: DrawEdge[];
}

/** The id a removed card's node takes, distinct from every node of the new layout. */
export const ghostId = (id: string): string => `removed:${id}`;

const ownerOf = (lane: Lane): string | null =>
  lane.kind === 'branch' || lane.kind === 'arm' ? lane.owner : null;

type Box = { x: number; y: number; width: number; height: number };
const hits = (a: Box, b: Box, pad: number): boolean =>
  a.x < b.x + b.width + pad &&
  b.x < a.x + a.width + pad &&
  a.y < b.y + b.height + pad &&
  b.y < a.y + a.height + pad;

/** Ghost nodes for `removed` old cards, placed around the `placed` nodes of the new picture. */
export function placeGhosts(
  oldData: RawFloData,
  oldCards: readonly CardEntry[],
  removed: ReadonlySet<string>,
  match: CardMatch,
  placed: readonly DrawNode[],
  names: Names,
): Ghosts {
  if (removed.size === 0) return { nodes: [], edges: [] };
  const layout = layoutFlow(oldData);
  const oldNodes = toDrawNodes(layout, oldData, names);
  const oldById = new Map(oldNodes.map((n) => [n.id, n]));
  const entries = new Map(oldCards.map((c) => [c.id, c]));
  const newById = new Map(placed.map((n) => [n.id, n]));
  // Each old node belongs to the card whose block it is drawn in (pills and merges to their
  // If/Else, arms to their container, inner cards to their outermost removed owner).
  const blockOf = new Map<string, string>();
  const top = (id: string): string => {
    let cur = id;
    for (;;) {
      const o = ownerOf(entries.get(cur)?.lane ?? { kind: 'main' });
      if (o === null || !removed.has(o)) return cur;
      cur = o;
    }
  };
  for (const id of removed) blockOf.set(id, top(id));
  for (const e of layout.edges)
    if ((e.kind === 'branch' || e.kind === 'inline') && blockOf.has(e.from))
      blockOf.set(e.to, blockOf.get(e.from) ?? e.from);
  for (const [node, ifCard] of structuralOwners(oldData)) {
    const block = blockOf.get(ifCard);
    if (block !== undefined) blockOf.set(node, block);
  }
  const taken: Box[] = [...placed];
  const nodes: DrawNode[] = [];
  const edges: DrawEdge[] = [];
  const ghostOf = new Map<string, DrawNode>();
  const g = GEOMETRY;
  let bottom = Math.max(0, ...placed.map((n) => n.y + n.height));
  for (const c of oldCards) {
    if (!removed.has(c.id) || blockOf.get(c.id) !== c.id) continue;
    const self = oldById.get(c.id);
    if (!self) continue;
    const block = oldNodes.filter((n) => blockOf.get(n.id) === c.id);
    const minX = Math.min(...block.map((n) => n.x));
    const minY = Math.min(...block.map((n) => n.y));
    const box = {
      width: Math.max(...block.map((n) => n.x + n.width)) - minX,
      height: Math.max(...block.map((n) => n.y + n.height)) - minY,
    };
    // Anchor: the card it followed (in the new picture, or its ghost), else its lane's owner.
    let anchorNew: DrawNode | undefined;
    let anchorOld: DrawNode | undefined;
    let mode: 'prev' | 'ghost' | 'owner' | null = null;
    const owner = ownerOf(c.lane);
    if (c.prev !== null) {
      anchorOld = oldById.get(c.prev);
      anchorNew = newById.get(match.get(c.prev) ?? '');
      if (anchorNew) mode = 'prev';
      else if ((anchorNew = ghostOf.get(c.prev))) mode = 'ghost';
    }
    if (mode === null && owner !== null) {
      anchorOld = oldById.get(owner);
      anchorNew = newById.get(match.get(owner) ?? '');
      if (anchorNew) mode = 'owner';
    }
    let x = minX;
    let y = bottom + g.gapY;
    if (mode !== null && anchorNew && anchorOld) {
      const rx = self.x - anchorOld.x;
      // After a card: hanging below it, just right of its middle, where the edge drops.
      x =
        (mode === 'prev' ? anchorNew.x + anchorNew.width / 2 + 24 : anchorNew.x + rx) +
        (minX - self.x);
      y =
        mode === 'prev'
          ? anchorNew.y + anchorNew.height + g.gapY
          : anchorNew.y + (self.y - anchorOld.y) + (minY - self.y);
    }
    const fits = (yy: number) => !taken.some((t) => hits({ x, y: yy, ...box }, t, 12));
    while (!fits(y)) y += 12;
    const dx = x - minX;
    const dy = y - minY;
    taken.push({ x, y, ...box });
    bottom = Math.max(bottom, y + box.height);
    for (const n of block) {
      const ghost: DrawNode = {
        ...n,
        id: ghostId(n.id),
        x: n.x + dx,
        y: n.y + dy,
        mark: 'removed',
      };
      nodes.push(ghost);
      ghostOf.set(n.id, ghost);
    }
    const inBlock = new Set(block.map((n) => n.id));
    for (const e of layout.edges)
      if (inBlock.has(e.from) && inBlock.has(e.to))
        edges.push({ id: ghostId(e.id), kind: e.kind, from: ghostId(e.from), to: ghostId(e.to) });
    if (anchorNew)
      edges.push({
        id: ghostId(`${anchorNew.id}->${c.id}`),
        kind: 'ghost',
        from: anchorNew.id,
        to: ghostId(c.id),
      });
  }
  return { nodes, edges };
}
