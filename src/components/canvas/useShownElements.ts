/**
 * What the canvas hands React Flow: for a long flow only the nodes near the view and the
 * edges between them (React Flow walks every node and edge it holds on each store update, so a
 * drag frame costs what is near, not what is in the flow), plus the card being dragged at the
 * pointer and the drop marker.
 */
import type { Edge, Node } from '@xyflow/react';
import { useMemo } from 'react';
import type { Gap } from './gaps.ts';
import type { NearView } from './useNearView.ts';

const MARKER_SIZE = 18;

interface Options {
  nodes: Node[];
  /** The "+" and end-of-flow nodes. */
  extras: Node[];
  edges: Edge[];
  near: NearView['near'];
  selected: string | null;
  drag: { id: string; x: number; y: number } | null;
  marker: Gap | null;
}

type Area = NonNullable<NearView['near']>;

/** The nodes within `near`, and the selected one wherever it is. */
export function nodesNear(nodes: Node[], near: Area, selected: string | null): Node[] {
  return nodes.filter(
    (n) =>
      n.selected === true ||
      n.id === selected ||
      (n.position.x < near.right &&
        n.position.x + (n.width ?? 0) > near.left &&
        n.position.y < near.bottom &&
        n.position.y + (n.height ?? 0) > near.top),
  );
}

/** The edges with both ends among `nodes` (React Flow draws no other). */
export function edgesBetween(edges: Edge[], nodes: readonly Node[]): Edge[] {
  const ids = new Set(nodes.map((n) => n.id));
  return edges.filter((e) => ids.has(e.source) && ids.has(e.target));
}

/** The nodes and edges to show; identity-stable while the view, drag and marker stay. */
export function useShownElements({ nodes, extras, edges, near, selected, drag, marker }: Options): {
  nodes: Node[];
  edges: Edge[];
} {
  const nearNodes = useMemo(() => {
    const out: Node[] = extras.length ? [...nodes, ...extras] : nodes;
    return near ? nodesNear(out, near, selected) : out;
  }, [nodes, extras, near, selected]);
  const nearEdges = useMemo(
    () => (near ? edgesBetween(edges, nearNodes) : edges),
    [edges, near, nearNodes],
  );
  const shown = useMemo(() => {
    let out = nearNodes;
    if (drag)
      out = out.map((n) => (n.id === drag.id ? { ...n, position: { x: drag.x, y: drag.y } } : n));
    if (marker)
      out = [
        ...out,
        {
          id: '__marker',
          type: 'marker',
          position: { x: marker.x - MARKER_SIZE / 2, y: marker.y - MARKER_SIZE / 2 },
          width: MARKER_SIZE,
          height: MARKER_SIZE,
          data: {},
          draggable: false,
          selectable: false,
          focusable: false,
        },
      ];
    return out;
  }, [nearNodes, drag, marker]);
  return { nodes: shown, edges: nearEdges };
}
