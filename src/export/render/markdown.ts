/**
 * Flows as Markdown for GitHub: per flow a Mermaid picture and a table of every card's inputs
 * and where each comes from; a whole flopack as one section per flow with helper calls linked.
 * Every name and value from the file is escaped (see escape.ts).
 */
import { FLOW_KIND_LABELS, flowKind } from '../../model/flows.ts';
import { scheduleSummary } from '../../model/schedule.ts';
import type { Flow, Workspace } from '../../model/workspace.ts';
import { refsOf } from '../flopack/refs.ts';
import { drawFlow } from './drawing.ts';
import { escapeCell, escapeMarkdown, slug } from './escape.ts';
import type { CardFace } from './faces.ts';
import { faceOf } from './faces.ts';
import { laneText, visibleCards } from './lanes.ts';
import { drawingMermaid, mermaidBlock } from './mermaid.ts';
import type { Names } from './names.ts';
import { namesOf } from './names.ts';
import type { Source } from './sources.ts';
import { flowSources } from './sources.ts';
import { plainNote } from './svgNodes.ts';

/** Unique anchors (`flow-<slug>`) for flows, in the order given. */
export function anchorsOf(flows: readonly Flow[], prefix = 'flow'): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const f of flows) {
    const base = `${prefix}-${slug(f.name)}`;
    let a = base;
    for (let i = 2; taken.has(a); i++) a = `${base}-${i}`;
    taken.add(a);
    out.set(f.id, a);
  }
  return out;
}

/** Context for linking helper flows within one Markdown document. */
export interface LinkContext {
  names: Names;
  anchors: ReadonlyMap<string, string>;
}

/** A link to a flow's section, or its escaped name when it has none. */
export function flowLink(ctx: LinkContext, id: string): string {
  const name = escapeMarkdown(ctx.names.flow(id) ?? `${id} (not in this file)`);
  const anchor = ctx.anchors.get(id);
  return anchor ? `[${name}](#${anchor})` : name;
}

const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

/** The facts line under a flow's heading. */
export function flowFacts(flow: Flow, ws: Workspace | null, cards: number): string {
  const d = flow.data;
  const folder = flow.folderId && ws ? ws.folders[flow.folderId]?.name : undefined;
  const facts = [
    FLOW_KIND_LABELS[flowKind(d)],
    ...(d.scheduled ? [escapeMarkdown(scheduleSummary(d) ?? '')] : []),
    plural(cards, 'card'),
    ...(folder !== undefined ? [`folder “${escapeMarkdown(folder)}”`] : []),
    `save all data: ${d.log ? 'on' : 'off'}`,
    ...(d.security_level ? [`security: ${escapeMarkdown(d.security_level)}`] : []),
  ];
  return facts.join(' · ');
}

function cardCell(face: CardFace, where: string | null): string {
  const name =
    face.role === 'note'
      ? `✎ **${escapeMarkdown(face.note?.title || face.title)}**`
      : `**${escapeMarkdown(face.title)}** · ${escapeMarkdown(face.app)}`;
  return where ? `${name}<br>↳ ${escapeMarkdown(where)}` : name;
}

/** The table of a flow's cards: one row per input that is set or mapped. */
export function cardTable(flow: Flow, ctx: LinkContext): string {
  const entries = visibleCards(flow.data);
  const sources = flowSources(flow.data);
  const titles = new Map(entries.map((e) => [e.id, e.m.node.data.name]));
  const rows = ['| # | Card | Input | Value or source |', '|---|---|---|---|'];
  for (const e of entries) {
    const face = faceOf(e.m, sources.get(e.scope) ?? new Map<string, Source>(), ctx.names, 200);
    const where = laneText(e.lane, (id) => titles.get(id) ?? id);
    const first = `| ${e.order} | ${cardCell(face, where)} |`;
    const lines: string[] = face.rows.map(
      (r) => `${escapeCell(r.label)} | ${r.mapped ? '← ' : ''}${escapeCell(r.text)}`,
    );
    if (face.callsId !== null) lines.push(`Calls | ${flowLink(ctx, face.callsId)}`);
    if (face.note) lines.push(`Note | ${escapeCell(plainNote(face.note.markdown))}`);
    if (lines.length === 0) lines.push('— | —');
    lines.forEach((l, i) => rows.push(`${i === 0 ? first : '| | |'} ${l} |`));
  }
  return rows.join('\n');
}

/** Options of the Markdown renderers. */
export interface MarkdownOptions {
  /** Heading level of a flow's section (default 2). */
  level?: number;
}

/** One flow's section: heading, facts, description, links, Mermaid picture, card table. */
export function flowSection(
  flow: Flow,
  ws: Workspace | null,
  ctx: LinkContext,
  opts: MarkdownOptions = {},
): string {
  const h = '#'.repeat(opts.level ?? 2);
  const drawing = drawFlow(flow.data, ctx.names);
  const cards = drawing.nodes.filter((n) => n.face !== null).length;
  const anchor = ctx.anchors.get(flow.id);
  const parts = [
    `${anchor ? `<a id="${anchor}" name="${anchor}"></a>\n\n` : ''}${h} ${escapeMarkdown(flow.name)}`,
    `*${flowFacts(flow, ws, cards)}*`,
  ];
  if (flow.description.trim() !== '')
    parts.push(`> ${escapeMarkdown(flow.description, { lineStart: true })}`);
  const calls = [...refsOf(flow.data).flows];
  if (calls.length) parts.push(`Calls: ${calls.map((id) => flowLink(ctx, id)).join(', ')}`);
  if (ws) {
    const callers = Object.values(ws.flows).filter((f) => refsOf(f.data).flows.has(flow.id));
    if (callers.length)
      parts.push(`Called by: ${callers.map((f) => flowLink(ctx, f.id)).join(', ')}`);
  }
  const chart = drawingMermaid(drawing, { colors: 'app' });
  parts.push(
    chart.tooLarge
      ? `*The picture is left out: this flow has ${chart.tooLarge}. Render it as SVG or PNG with \`flopack render --format svg\`.*`
      : mermaidBlock(chart),
  );
  parts.push(cardTable(flow, ctx));
  return parts.join('\n\n');
}

/** A whole flopack (or the chosen flows) as one Markdown document. */
export function renderPackMarkdown(
  ws: Workspace,
  opts: { title: string; flows?: readonly Flow[] },
): string {
  const flows = opts.flows ?? Object.values(ws.flows);
  const ctx: LinkContext = { names: namesOf(ws), anchors: anchorsOf(flows) };
  const o = ws.origin;
  const head = [
    `# ${escapeMarkdown(opts.title)}`,
    [
      o ? `Flopack ${escapeMarkdown(o.version)}, exported ${escapeMarkdown(o.created)}` : null,
      plural(Object.keys(ws.folders).length, 'folder'),
      plural(Object.keys(ws.flows).length, 'flow'),
    ]
      .filter((x) => x !== null)
      .join(' · '),
    flows.map((f) => `- ${flowLink(ctx, f.id)} — ${FLOW_KIND_LABELS[flowKind(f.data)]}`).join('\n'),
  ];
  return `${[...head, ...flows.map((f) => flowSection(f, ws, ctx))].join('\n\n')}\n`;
}
