/**
 * Left-to-right layout of a flow, shared by the canvas and the rendered reviews, so a flow
 * looks the same in the browser, in SVG and in a pull request. Flopacks carry no positions;
 * a flow's structure is a chain with If/Else lanes that rejoin and inline flows nested in
 * container cards, so a deterministic structural layout is exact and linear in card count.
 */
import { isNote } from '../../model/cardRoles.ts';
import type { CardId } from '../../model/ids.ts';
import type { RawFloData, RawMethod, RawScope } from '../../model/raw.ts';
import type { InsertAt } from '../../model/positions.ts';
import type { ScopePath } from '../../model/scope.ts';
import { inlineFlows } from '../../model/scope.ts';
import type { Step } from '../../model/sequence.ts';
import { placeholderEventOf, sequenceOf } from '../../model/sequence.ts';
import type { CardSummary } from '../../model/summary.ts';
import type { OuterSources } from '../../model/summary.ts';
import { armLabel, sourcesOf, summarizeCached } from '../../model/summary.ts';

/** Geometry, in canvas pixels. */
export const GEOMETRY = {
  cardWidth: 264,
  headerHeight: 52,
  rowHeight: 22,
  maxRows: 8,
  maxOutputs: 6,
  padding: 10,
  gapX: 56,
  gapY: 36,
  pillWidth: 64,
  pillHeight: 26,
  mergeSize: 14,
  armIndent: 28,
} as const;

/** What a layout node stands for. */
export type NodeKind = 'card' | 'note' | 'branch' | 'merge' | 'arm';

/** A positioned node. `id` is unique in the flow (card uuids are). */
export interface LayoutNode {
  id: string;
  kind: NodeKind;
  /** The card this node shows (the noop head for a branch pill, the Join for a merge). */
  card: CardId | null;
  /** The scope the card lives in ([] for the flow itself). */
  path: ScopePath;
  x: number;
  y: number;
  width: number;
  height: number;
  /** For cards and notes. */
  summary: CardSummary | null;
  /** "True"/"False" for branch pills, the arm name for inline-flow lanes. */
  label: string | null;
  /**
   * For cards: position in execution order (1-based) among the flow's visible cards; 0 for the
   * hidden placeholder event of a flow without an event.
   */
  order: number;
  /**
   * Where a card dropped just right of this node is inserted; null where nothing can go
   * (right of an If/Else card the branches start, and their pills take insertions).
   */
  after: InsertAt | null;
}

/** How two nodes connect. */
export type EdgeKind = 'next' | 'branch' | 'merge' | 'inline';

/** A connection between two nodes. */
export interface LayoutEdge {
  id: string;
  kind: EdgeKind;
  from: string;
  to: string;
}

/** A laid-out flow. */
export interface Layout {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  width: number;
  height: number;
  /** Visible cards (cards and notes) in execution order. */
  cardCount: number;
}

/** How a card is shown: its default rows, collapsed to one line, or every row. */
export type CardView = 'collapsed' | 'full';

/** The rows a card shows: inputs, "+N more", "calls", the current item, outputs — each one row high. */
export interface CardRows {
  fields: number;
  moreFields: number;
  calls: boolean;
  outputs: number;
  moreOutputs: number;
  /** Collapsed: one summary line instead of rows. */
  collapsed: boolean;
}

/** The rows of a card in a view (default: capped at `maxRows` inputs, `maxOutputs` outputs). */
export function cardRows(summary: CardSummary, view?: CardView): CardRows {
  const g = GEOMETRY;
  const full = view === 'full';
  const fields = full ? summary.fields.length : Math.min(summary.fields.length, g.maxRows);
  const outputs = full ? summary.outputs.length : Math.min(summary.outputs.length, g.maxOutputs);
  return {
    fields,
    moreFields: summary.fields.length - fields,
    calls: summary.calls !== null,
    outputs,
    moreOutputs: summary.outputs.length - outputs,
    collapsed: view === 'collapsed',
  };
}

/** A card's height: header plus one row per shown input and output (rows × row height). */
export function cardHeight(summary: CardSummary, view?: CardView): number {
  const g = GEOMETRY;
  if (summary.role === 'note') {
    const lines = Math.min(4, Math.max(1, Math.ceil((summary.note?.markdown.length ?? 0) / 34)));
    return g.headerHeight - 14 + lines * g.rowHeight + g.padding;
  }
  const r = cardRows(summary, view);
  if (r.collapsed) return g.headerHeight + g.rowHeight + g.padding;
  const rows =
    r.fields +
    (r.moreFields > 0 ? 1 : 0) +
    (r.calls ? 1 : 0) +
    (summary.item ? 1 : 0) +
    r.outputs +
    (r.moreOutputs > 0 ? 1 : 0);
  return g.headerHeight + rows * g.rowHeight + (rows ? g.padding : 0);
}

interface Block {
  width: number;
  height: number;
  /** Node ids where the block is entered and left. */
  entry: string;
  exit: string;
}

/** Lays out a flow's content; `views` collapse or fully expand cards (the canvas's choice). */
export function layoutFlow(data: RawFloData, views?: ReadonlyMap<string, CardView>): Layout {
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  let order = 0;
  // Okta's hidden Noop event of a flow without one: laid out (the canvas's "Add event" slot)
  // but not numbered or counted, as it is no card the user placed.
  const placeholder = placeholderEventOf(data);
  const g = GEOMETRY;
  const edge = (kind: EdgeKind, from: string, to: string): void => {
    edges.push({ id: `${from}->${to}`, kind, from, to });
  };

  const layoutScope = (
    scope: RawScope,
    path: ScopePath,
    x: number,
    y: number,
    skipEvent: boolean,
    outer?: OuterSources,
  ): Block | null => {
    const byId = new Map(scope.methods.map((m) => [m.uuid, m]));
    const sources = sourcesOf(scope, outer);
    const seq = sequenceOf(scope);
    const steps = skipEvent ? seq.steps.slice(1) : seq.steps;
    const chain = layoutSteps(steps, byId, sources, path, x, y);
    const loose = seq.loose
      .map((id) => byId.get(id))
      .filter((m): m is RawMethod => m !== undefined);
    if (loose.length === 0) return chain;
    // Cards the sequence does not reach stay visible, in a row of their own.
    let lx = x;
    const ly = y + (chain?.height ?? 0) + g.gapY;
    let h = 0;
    for (const m of loose) {
      const b = placeCard(m, sources, path, lx, ly);
      lx += b.width + g.gapX;
      h = Math.max(h, b.height);
    }
    const width = Math.max(chain?.width ?? 0, lx - x - g.gapX);
    const first = loose[0]?.uuid ?? '';
    return chain
      ? { ...chain, width, height: ly - y + h }
      : { width, height: ly - y + h, entry: first, exit: first };
  };

  const placeCard = (
    m: RawMethod,
    sources: Map<string, string>,
    path: ScopePath,
    x: number,
    y: number,
  ): Block => {
    const summary = summarizeCached(m, sources);
    const height = cardHeight(summary, views?.get(m.uuid));
    const counted = m.uuid !== placeholder;
    if (counted) order++;
    nodes.push({
      id: m.uuid,
      kind: isNote(m) ? 'note' : 'card',
      card: m.uuid as CardId,
      path,
      x,
      y,
      width: g.cardWidth,
      height,
      summary,
      label: null,
      order: counted ? order : 0,
      after: summary.role === 'ifElse' ? null : { kind: 'after', card: m.uuid as CardId, path },
    });
    let width: number = g.cardWidth;
    let bottom = y + height;
    // Inline flows (If/ElseIf arms, If Error branches, event wrappers) nest below the card.
    for (const entry of inlineFlows(m)) {
      const ay = bottom + g.gapY;
      const ax = x + g.armIndent;
      const armId = `${m.uuid}:${entry.slot.kind === 'error' ? 'error' : entry.slot.field}`;
      const innerPath: ScopePath = [...path, { card: m.uuid as CardId, slot: entry.slot }];
      const innerEvent = sequenceOf(entry.flo).event;
      nodes.push({
        id: armId,
        kind: 'arm',
        card: m.uuid as CardId,
        path,
        x: ax,
        y: ay,
        width: g.pillWidth + 16,
        height: g.pillHeight,
        summary: null,
        label: armLabel(m, entry.group, entry.slot.kind),
        order: 0,
        after: innerEvent ? { kind: 'after', card: innerEvent, path: innerPath } : null,
      });
      edge('inline', m.uuid, armId);
      const inner = layoutScope(entry.flo, innerPath, ax + g.pillWidth + 16 + g.gapX, ay, true, {
        container: m,
        sources,
      });
      if (inner) edge('next', armId, inner.entry);
      const armWidth = g.armIndent + g.pillWidth + 16 + (inner ? g.gapX + inner.width : 0);
      width = Math.max(width, armWidth);
      bottom = ay + Math.max(g.pillHeight, inner?.height ?? 0);
    }
    return { width, height: bottom - y, entry: m.uuid, exit: m.uuid };
  };

  const layoutSteps = (
    steps: readonly Step[],
    byId: Map<string, RawMethod>,
    sources: Map<string, string>,
    path: ScopePath,
    x0: number,
    y: number,
  ): Block | null => {
    let x = x0;
    let height = 0;
    let first: string | null = null;
    let prevExit: string | null = null;
    for (const step of steps) {
      const m = byId.get(step.id);
      if (!m) continue;
      let block: Block;
      if (step.type === 'card') block = placeCard(m, sources, path, x, y);
      else {
        const head = placeCard(m, sources, path, x, y);
        const bx = x + g.cardWidth + g.gapX;
        let by = y;
        const lanes: { exit: string; width: number }[] = [];
        for (const branch of step.branches) {
          nodes.push({
            id: branch.head,
            kind: 'branch',
            card: branch.head,
            path,
            x: bx,
            y: by + 12,
            width: g.pillWidth,
            height: g.pillHeight,
            summary: null,
            label: branch.value ? 'True' : 'False',
            order: 0,
            after: { kind: 'branchStart', head: branch.head, path },
          });
          edge('branch', m.uuid, branch.head);
          const inner = layoutSteps(
            branch.steps,
            byId,
            sources,
            path,
            bx + g.pillWidth + g.gapX,
            by,
          );
          if (inner) edge('next', branch.head, inner.entry);
          lanes.push({
            exit: inner?.exit ?? branch.head,
            width: g.pillWidth + (inner ? g.gapX + inner.width : 0),
          });
          by += Math.max(g.pillHeight + 24, inner?.height ?? 0) + g.gapY;
        }
        const mergeX = bx + Math.max(...lanes.map((l) => l.width), 0) + g.gapX;
        const mergeId = step.join ?? `${m.uuid}:merge`;
        nodes.push({
          id: mergeId,
          kind: 'merge',
          card: step.join,
          path,
          x: mergeX,
          y: y + 12 + (g.pillHeight - g.mergeSize) / 2,
          width: g.mergeSize,
          height: g.mergeSize,
          summary: null,
          label: null,
          order: 0,
          after: { kind: 'after', card: m.uuid as CardId, path },
        });
        for (const lane of lanes) edge('merge', lane.exit, mergeId);
        block = {
          width: mergeX + g.mergeSize - x,
          height: Math.max(head.height, by - g.gapY - y),
          entry: m.uuid,
          exit: mergeId,
        };
      }
      if (prevExit) edge('next', prevExit, block.entry);
      first ??= block.entry;
      prevExit = block.exit;
      x += block.width + g.gapX;
      height = Math.max(height, block.height);
    }
    if (first === null || prevExit === null) return null;
    return { width: x - x0 - g.gapX, height, entry: first, exit: prevExit };
  };

  const root = layoutScope(data, [], 0, 0, false);
  return {
    nodes,
    edges,
    width: root?.width ?? 0,
    height: Math.max(root?.height ?? 0, ...nodes.map((n) => n.y + n.height)),
    cardCount: order,
  };
}

/**
 * The layout without the hidden placeholder event of a flow that has none (the canvas keeps
 * it as its "Add event" slot; pictures and Compare draw only the cards the user placed).
 */
export function withoutPlaceholder(layout: Layout): Layout {
  const hidden = new Set(
    layout.nodes.filter((n) => n.kind === 'card' && n.order === 0).map((n) => n.id),
  );
  if (hidden.size === 0) return layout;
  return {
    ...layout,
    nodes: layout.nodes.filter((n) => !hidden.has(n.id)),
    edges: layout.edges.filter((e) => !hidden.has(e.from) && !hidden.has(e.to)),
  };
}
