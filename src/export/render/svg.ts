/**
 * Flows as SVG, with the canvas's layout: hand-written markup, no DOM, deterministic output.
 * Several flows stack into one document, each under its name.
 */
import type { Flow, Workspace } from '../../model/workspace.ts';
import { FLOW_KIND_LABELS, flowKind } from '../../model/flows.ts';
import type { Drawing, DrawNode } from './drawing.ts';
import { drawFlow } from './drawing.ts';
import { escapeXml } from './escape.ts';
import type { Names } from './names.ts';
import { namesOf, NO_NAMES } from './names.ts';
import { MARK_COLORS } from './palette.ts';
import { ARROW_DEFS, edgeSvg } from './svgEdges.ts';
import { nodeSvg } from './svgNodes.ts';
import { textWidth } from './textWidth.ts';

/** One flow's picture under a heading. */
export interface SvgSection {
  title: string;
  subtitle: string;
  drawing: Drawing;
}

const MARGIN = 24;
const HEADER = 64;
const FONT = 'DejaVu Sans, Verdana, Arial, sans-serif';

/** Draws the nodes and edges of a drawing (edges first, so cards cover their ends). */
export function drawingSvg(drawing: Drawing): string {
  const byId = new Map<string, DrawNode>(drawing.nodes.map((x) => [x.id, x]));
  return drawing.edges.map((e) => edgeSvg(e, byId)).join('') + drawing.nodes.map(nodeSvg).join('');
}

function legend(x: number, y: number): string {
  let cx = x;
  const parts: string[] = [];
  for (const mark of ['added', 'changed', 'removed'] as const) {
    const m = MARK_COLORS[mark];
    const dash = mark === 'removed' ? ' stroke-dasharray="4 2"' : '';
    parts.push(
      `<rect x="${cx}" y="${y - 10}" width="14" height="12" rx="3" fill="${m.fill}" stroke="${m.stroke}" stroke-width="2"${dash}/>`,
      `<text x="${cx + 20}" y="${y}" font-size="12" fill="#334155">${mark}</text>`,
    );
    cx += 34 + textWidth(mark, 12);
  }
  return parts.join('');
}

/** An SVG document with the sections stacked top to bottom; `legend` adds the mark colours. */
export function svgDocument(
  sections: readonly SvgSection[],
  opts: { legend?: boolean } = {},
): string {
  const top = opts.legend ? 28 : 0;
  let width = 320;
  let y = MARGIN + top;
  const body: string[] = [];
  for (const s of sections) {
    width = Math.max(
      width,
      s.drawing.width + 2 * MARGIN,
      textWidth(s.title, 18, true) + 2 * MARGIN,
      textWidth(s.subtitle, 12) + 2 * MARGIN,
    );
    body.push(
      `<text x="${MARGIN}" y="${y + 22}" font-size="18" font-weight="bold" fill="#0f172a">${escapeXml(s.title)}</text>`,
      `<text x="${MARGIN}" y="${y + 42}" font-size="12" fill="#475569">${escapeXml(s.subtitle)}</text>`,
      `<g transform="translate(${MARGIN},${y + HEADER})">${drawingSvg(s.drawing)}</g>`,
    );
    y += HEADER + s.drawing.height + MARGIN * 2;
  }
  const w = Math.ceil(width);
  const h = Math.ceil(y - MARGIN);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="${FONT}">` +
    `<defs>${ARROW_DEFS}</defs>` +
    `<rect width="${w}" height="${h}" fill="#f8fafc"/>` +
    (opts.legend ? legend(MARGIN, MARGIN + 12) : '') +
    body.join('') +
    '</svg>\n'
  );
}

const plural = (k: number, word: string): string => `${k} ${word}${k === 1 ? '' : 's'}`;

/** The line under a flow's name: kind, card count, folder. */
export function flowSubtitle(flow: Flow, ws: Workspace | null, cards: number): string {
  const folder = flow.folderId && ws ? ws.folders[flow.folderId]?.name : undefined;
  return [
    FLOW_KIND_LABELS[flowKind(flow.data)],
    plural(cards, 'card'),
    ...(folder !== undefined ? [`folder “${folder}”`] : []),
  ].join(' · ');
}

/** One flow as an SVG document. */
export function renderFlowSvg(flow: Flow, ws: Workspace | null, names?: Names): string {
  const drawing = drawFlow(flow.data, names ?? (ws ? namesOf(ws) : NO_NAMES));
  const cards = drawing.nodes.filter((x) => x.face !== null).length;
  return svgDocument([{ title: flow.name, subtitle: flowSubtitle(flow, ws, cards), drawing }]);
}
