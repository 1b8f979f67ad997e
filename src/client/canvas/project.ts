/**
 * The canvas is a projection of the model: one function turns the shared layout into React
 * Flow nodes and edges. Node objects are cached per id and reused while nothing they show
 * changed, because React Flow re-adopts every node whose object changed.
 */
import type { Edge, Node } from '@xyflow/react';
import type { Mapping } from '../../model/mapping.ts';
import type { ScopePath } from '../../model/scope.ts';
import { samePath } from '../../model/scope.ts';
import type { CardSummary } from '../../model/summary.ts';
import type { CardView, Layout, LayoutNode } from '../../export/layout/layout.ts';
import { cardRows } from '../../export/layout/layout.ts';
import { colorOf } from '../../export/render/palette.ts';

/** What a card node shows. */
export interface CardData extends Record<string, unknown> {
  summary: CardSummary;
  order: number;
  total: number;
  band: string;
  ink: string;
  path: ScopePath;
  /** The placeholder event of a flow without an event: shows "Add event". */
  eventSlot: boolean;
  /** Collapsed or fully expanded (null: the default rows). */
  view: CardView | null;
}

/** What a pill (branch head, inline-flow lane) shows. */
export interface PillData extends Record<string, unknown> {
  label: string;
}

/** Node kinds on the canvas. */
export type CanvasNode =
  | Node<CardData, 'card' | 'note'>
  | Node<PillData, 'branch' | 'arm'>
  | Node<Record<string, never>, 'merge' | 'marker'>;

/** The accessible name of a card: "Okta – Read User, card 2 of 4". */
export const cardLabel = (s: CardSummary, order: number, total: number): string =>
  s.role === 'note'
    ? `${s.note?.title ? `Note “${s.note.title}”` : 'Note'}, card ${order} of ${total}`
    : `${s.app} – ${s.title}, card ${order} of ${total}`;

/** Shallow equality of node data; scope paths compare by content (layout rebuilds them). */
const same = (a: Record<string, unknown>, b: Record<string, unknown>): boolean => {
  for (const k in a) {
    if (a[k] === b[k]) continue;
    if (k === 'path' && samePath(a[k] as ScopePath, b[k] as ScopePath)) continue;
    return false;
  }
  for (const k in b) if (!(k in a)) return false;
  return true;
};

/** Creates a projector with its own node cache (one per canvas). */
export function createProjector(): (
  layout: Layout,
  selected: string | null,
  eventSlot: string | null,
  views?: ReadonlyMap<string, CardView>,
) => CanvasNode[] {
  let cache = new Map<string, CanvasNode>();
  return (layout, selected, eventSlot, views) => {
    const next = new Map<string, CanvasNode>();
    const total = layout.cardCount;
    const nodes = layout.nodes.map((n) => {
      const node = build(n, total, selected, eventSlot, views?.get(n.id) ?? null);
      const old = cache.get(n.id);
      const reuse =
        old !== undefined &&
        old.type === node.type &&
        old.position.x === node.position.x &&
        old.position.y === node.position.y &&
        old.width === node.width &&
        old.height === node.height &&
        old.selected === node.selected &&
        same(old.data, node.data);
      const kept = reuse ? old : node;
      next.set(n.id, kept);
      return kept;
    });
    cache = next;
    return nodes;
  };
}

function build(
  n: LayoutNode,
  total: number,
  selected: string | null,
  eventSlot: string | null,
  view: CardView | null,
): CanvasNode {
  const base = {
    id: n.id,
    position: { x: n.x, y: n.y },
    width: n.width,
    height: n.height,
    selected: n.id === selected,
  };
  if ((n.kind === 'card' || n.kind === 'note') && n.summary) {
    const color = colorOf(n.summary.app);
    const data: CardData = {
      summary: n.summary,
      order: n.order,
      total,
      band: color.band,
      ink: color.text,
      path: n.path,
      eventSlot: n.id === eventSlot,
      view,
    };
    return {
      ...base,
      type: n.kind,
      data,
      draggable: n.id !== eventSlot && n.order > (eventSlot ? 0 : 1),
      ariaLabel: n.id === eventSlot ? 'No event yet' : cardLabel(n.summary, n.order, total),
    };
  }
  if (n.kind === 'branch' || n.kind === 'arm') {
    return {
      ...base,
      type: n.kind,
      data: { label: n.label ?? '' },
      draggable: false,
      selectable: false,
      focusable: false,
      ariaLabel: n.kind === 'branch' ? `${n.label ?? ''} branch` : `${n.label ?? ''} lane`,
    };
  }
  return {
    ...base,
    type: 'merge',
    data: {},
    draggable: false,
    selectable: false,
    focusable: false,
  };
}

/** Sequence edges of the layout, plus mapping lines for the selected card (or all of them). */
export function projectEdges(
  layout: Layout,
  mappings: readonly Mapping[],
  selected: string | null,
  views?: ReadonlyMap<string, CardView>,
  all = false,
): Edge[] {
  const edges: Edge[] = layout.edges.map((e) => ({
    id: e.id,
    source: e.from,
    target: e.to,
    type: 'smoothstep',
    className: `edge-${e.kind}`,
    focusable: false,
    selectable: false,
    ...(e.kind === 'inline' ? { sourceHandle: 'below' } : {}),
  }));
  if (mappings.length === 0 || (!all && selected === null)) return edges;
  // Lines run from the output pill to the input row when both are shown on their cards.
  const shown = new Map<string, { inputs: Set<string>; outputs: Set<string> }>();
  const summaries = new Map<string, CardSummary>();
  for (const n of layout.nodes) {
    if (n.kind !== 'card' || !n.summary) continue;
    summaries.set(n.id, n.summary);
    const r = cardRows(n.summary, views?.get(n.id));
    shown.set(n.id, {
      inputs: new Set(r.collapsed ? [] : n.summary.fields.slice(0, r.fields).map((f) => f.id)),
      outputs: new Set(r.collapsed ? [] : n.summary.outputs.slice(0, r.outputs).map((o) => o.id)),
    });
  }
  for (const m of mappings) {
    if (!all && m.from.card !== selected && m.to.card !== selected) continue;
    const from = shown.get(m.from.card);
    const to = shown.get(m.to.card);
    if (!from || !to) continue;
    edges.push({
      id: `map:${m.from.card}/${m.from.output}->${m.to.card}/${m.to.input}`,
      source: m.from.card,
      target: m.to.card,
      sourceHandle: from.outputs.has(m.from.output) ? `out:${m.from.output}` : 'map-out',
      targetHandle: to.inputs.has(m.to.input) ? `in:${m.to.input}` : 'map-in',
      type: 'default',
      className: 'edge-mapping',
      data: { input: m.to.input },
      ariaLabel: mappingLabel(summaries, m),
      focusable: true,
      selectable: false,
    });
  }
  return edges;
}

/**
 * The accessible name of a mapping line: "Read User › Email to Send Email › To" (the source
 * as the input shows it, so a child field reads "Group › Profile › Name").
 */
export function mappingLabel(summaries: ReadonlyMap<string, CardSummary>, m: Mapping): string {
  const target = summaries.get(m.to.card);
  const field = target?.fields.find((f) => f.id === m.to.input);
  const from = summaries.get(m.from.card);
  const output = from?.outputs.find((o) => o.id === m.from.output)?.label;
  const source = field?.mapped
    ? field.text.split(' · ').join(' › ')
    : `${from?.title ?? 'an earlier card'}${output ? ` › ${output}` : ''}`;
  return `${source} to ${target?.title ?? 'a card'} › ${field?.label ?? 'an input'}`;
}
