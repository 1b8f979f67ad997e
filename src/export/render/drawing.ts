/**
 * A drawing: the shared layout's nodes with what each card shows and, for reviews, how it
 * changed. The SVG and Mermaid renderers draw this; the diff adds marks and removed cards.
 */
import type { RawFloData, RawMethod, RawScope } from '../../model/raw.ts';
import { forEachScope } from '../../model/scope.ts';
import type { EdgeKind, Layout, LayoutNode } from '../layout/layout.ts';
import { layoutFlow, withoutPlaceholder } from '../layout/layout.ts';
import type { CardFace } from './faces.ts';
import { faceOf } from './faces.ts';
import type { Names } from './names.ts';
import type { Source } from './sources.ts';
import { flowSources } from './sources.ts';

/** How a node changed in a review; plain renders use `unchanged`. */
export type Mark = 'added' | 'changed' | 'removed' | 'unchanged';

/** A node to draw. `face` is set for cards and notes. */
export interface DrawNode {
  id: string;
  kind: LayoutNode['kind'];
  x: number;
  y: number;
  width: number;
  height: number;
  label: string | null;
  order: number;
  face: CardFace | null;
  mark: Mark;
}

/** An edge to draw; `ghost` ties a removed card to the place it had. */
export interface DrawEdge {
  id: string;
  kind: EdgeKind | 'ghost';
  from: string;
  to: string;
}

/** Nodes and edges in canvas pixels. */
export interface Drawing {
  nodes: DrawNode[];
  edges: DrawEdge[];
  width: number;
  height: number;
}

/** Every card of a flow (inline flows included) with the scope it lives in. */
export function cardsWithScopes(data: RawFloData): Map<string, { m: RawMethod; scope: RawScope }> {
  const out = new Map<string, { m: RawMethod; scope: RawScope }>();
  forEachScope(data, (scope) => {
    for (const m of scope.methods) out.set(m.uuid, { m, scope });
  });
  return out;
}

/** Turns a layout into drawing nodes, with faces for its cards and notes. */
export function toDrawNodes(layout: Layout, data: RawFloData, names: Names): DrawNode[] {
  const cards = cardsWithScopes(data);
  const sources = flowSources(data);
  return layout.nodes.map((n) => {
    const hit = n.kind === 'card' || n.kind === 'note' ? cards.get(n.id) : undefined;
    return {
      id: n.id,
      kind: n.kind,
      x: n.x,
      y: n.y,
      width: n.width,
      height: n.height,
      label: n.label,
      order: n.order,
      face: hit ? faceOf(hit.m, sources.get(hit.scope) ?? new Map<string, Source>(), names) : null,
      mark: 'unchanged',
    };
  });
}

/** Lays out and describes a flow for drawing. */
export function drawFlow(data: RawFloData, names: Names): Drawing {
  const layout = withoutPlaceholder(layoutFlow(data));
  return {
    nodes: toDrawNodes(layout, data, names),
    edges: layout.edges.map((e) => ({ ...e })),
    width: layout.width,
    height: layout.height,
  };
}
