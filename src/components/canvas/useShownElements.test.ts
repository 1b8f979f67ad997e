import type { Edge, Node } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { edgesBetween, nodesNear } from './useShownElements.ts';

const node = (id: string, x: number, extra: Partial<Node> = {}): Node => ({
  id,
  position: { x, y: 0 },
  width: 100,
  height: 50,
  data: {},
  ...extra,
});
const edge = (source: string, target: string): Edge => ({
  id: `${source}-${target}`,
  source,
  target,
});
const near = { left: 0, top: -100, right: 1000, bottom: 100 };

describe('the elements a long flow hands React Flow', () => {
  it('keeps the nodes overlapping the area near the view, partly inside included', () => {
    const nodes = [
      node('a', -150),
      node('b', -50),
      node('c', 500),
      node('d', 1000),
      node('e', 5000),
    ];
    expect(nodesNear(nodes, near, null).map((n) => n.id)).toEqual(['b', 'c']);
  });

  it('keeps the selected card wherever it is, so its focus and Inspector stay', () => {
    const nodes = [node('a', 5000), node('b', 6000, { selected: true }), node('c', 500)];
    expect(nodesNear(nodes, near, 'a').map((n) => n.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps only the edges whose two ends are shown', () => {
    const shown = [node('a', 0), node('b', 200)];
    const edges = [edge('a', 'b'), edge('b', 'c'), edge('c', 'd')];
    expect(edgesBetween(edges, shown).map((e) => e.id)).toEqual(['a-b']);
  });

  it('returns the very edge objects it keeps, so React Flow re-adopts none of them', () => {
    const edges = [edge('a', 'b')];
    expect(edgesBetween(edges, [node('a', 0), node('b', 200)])[0]).toBe(edges[0]);
  });
});
