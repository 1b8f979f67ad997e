/** SVG for one drawing node: a card, a note, a branch pill, an inline-flow arm or a merge. */
import { GEOMETRY } from '../layout/layout.ts';
import type { DrawNode } from './drawing.ts';
import { escapeXml } from './escape.ts';
import { colorOf, MARK_COLORS } from './palette.ts';
import { fitText, textWidth, wrapText } from './textWidth.ts';

const PAD = 10;
const BAND = 20;
const INK = '#111827';
const MUTED = '#64748b';
const MAPPED = '#1d4ed8';

const n = (v: number): string => String(Math.round(v * 10) / 10);

const text = (x: number, y: number, s: string, attrs = ''): string =>
  `<text x="${n(x)}" y="${n(y)}"${attrs}>${escapeXml(s)}</text>`;

/** A rounded rectangle with the mark's outline. */
function frame(node: DrawNode, fill: string, stroke: string, rx: number): string {
  const m = node.mark === 'unchanged' ? null : MARK_COLORS[node.mark];
  const dash = node.mark === 'removed' ? ' stroke-dasharray="6 4"' : '';
  return `<rect width="${n(node.width)}" height="${n(node.height)}" rx="${rx}" fill="${fill}" stroke="${m?.stroke ?? stroke}" stroke-width="${m ? 3 : 1}"${dash}/>`;
}

/** The ADDED / CHANGED / REMOVED tag at a card's top right corner. */
function badge(node: DrawNode): string {
  if (node.mark === 'unchanged') return '';
  const m = MARK_COLORS[node.mark];
  const w = textWidth(m.label, 10, true) + 12;
  // Left of the order number in the header band.
  const x = node.width - w - 44;
  return (
    `<rect x="${n(x)}" y="-9" width="${n(w)}" height="16" rx="8" fill="${m.stroke}"/>` +
    text(x + 6, 3, m.label, ' font-size="10" font-weight="bold" fill="#ffffff"')
  );
}

/** Strips the Markdown syntax that would only be noise in a one-paragraph preview. */
export function plainNote(md: string): string {
  return md
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/^\s{0,3}(#{1,6}|[-*+]|>)\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function card(node: DrawNode): string {
  const face = node.face;
  if (!face) return '';
  const color = colorOf(face.app);
  const w = node.width;
  const inner = w - 2 * PAD;
  const parts = [
    frame(node, '#ffffff', '#cbd5e1', 8),
    `<path d="M0,8a8,8 0 0 1 8,-8h${n(w - 16)}a8,8 0 0 1 8,8v${BAND - 8}h${-w}z" fill="${color.band}"/>`,
    text(
      PAD,
      14,
      fitText(face.app, inner - 40, 11, true),
      ` font-size="11" font-weight="bold" fill="${color.text}"`,
    ),
    text(w - PAD, 14, `#${node.order}`, ` font-size="11" fill="${color.text}" text-anchor="end"`),
    text(
      PAD,
      40,
      fitText(face.title, inner, 14, true),
      ` font-size="14" font-weight="bold" fill="${INK}"`,
    ),
  ];
  const g = GEOMETRY;
  const lines: { label: string; value: string; fill: string }[] = face.rows
    .slice(0, g.maxRows)
    .map((r) => ({
      label: r.label,
      value: r.mapped ? `← ${r.text}` : r.text,
      fill: r.mapped ? MAPPED : INK,
    }));
  const more = face.rows.length - g.maxRows;
  if (more > 0) lines.push({ label: `+${more} more`, value: '', fill: MUTED });
  if (face.calls !== null) lines.push({ label: 'Calls', value: `→ ${face.calls}`, fill: MAPPED });
  lines.forEach((line, i) => {
    const y = g.headerHeight + i * g.rowHeight + 14;
    const label = fitText(line.label, line.value === '' ? inner : inner * 0.45, 12);
    const lw = textWidth(label, 12) + 8;
    const value = fitText(line.value, inner - lw, 12);
    parts.push(
      `<text x="${PAD}" y="${n(y)}" font-size="12"><tspan fill="${MUTED}">${escapeXml(label)}</tspan>` +
        (value === ''
          ? ''
          : `<tspan x="${n(PAD + lw)}" fill="${line.fill}">${escapeXml(value)}</tspan>`) +
        '</text>',
    );
  });
  parts.push(badge(node));
  return parts.join('');
}

function note(node: DrawNode): string {
  const face = node.face;
  if (!face) return '';
  const inner = node.width - 2 * PAD;
  const title = face.note?.title || face.title;
  const lines = Math.round(
    (node.height - (GEOMETRY.headerHeight - 14) - GEOMETRY.padding) / GEOMETRY.rowHeight,
  );
  const body = wrapText(plainNote(face.note?.markdown ?? ''), inner, 12, Math.max(1, lines));
  return [
    frame(node, '#fef9c3', '#eab308', 4),
    text(
      PAD,
      24,
      fitText(`✎ ${title}`, inner, 13, true),
      ` font-size="13" font-weight="bold" fill="#713f12"`,
    ),
    ...body.map((l, i) =>
      text(PAD, 38 + i * GEOMETRY.rowHeight + 14, l, ' font-size="12" fill="#422006"'),
    ),
    badge(node),
  ].join('');
}

function pill(node: DrawNode): string {
  const label = node.label ?? '';
  const [fill, ink] =
    node.kind === 'arm'
      ? ['#e0e7ff', '#3730a3']
      : label === 'True'
        ? ['#dcfce7', '#166534']
        : ['#fee2e2', '#991b1b'];
  return (
    frame(node, fill, ink, node.height / 2) +
    text(
      node.width / 2,
      node.height / 2 + 4,
      fitText(label, node.width - 8, 12, true),
      ` font-size="12" font-weight="bold" fill="${ink}" text-anchor="middle"`,
    )
  );
}

function merge(node: DrawNode): string {
  const r = node.width / 2;
  const stroke = node.mark === 'unchanged' ? '#94a3b8' : MARK_COLORS[node.mark].stroke;
  return `<circle cx="${n(r)}" cy="${n(r)}" r="${n(r)}" fill="#e2e8f0" stroke="${stroke}" stroke-width="2"/>`;
}

/** The SVG group of one node, translated to its position. */
export function nodeSvg(node: DrawNode): string {
  const body =
    node.kind === 'card'
      ? card(node)
      : node.kind === 'note'
        ? note(node)
        : node.kind === 'merge'
          ? merge(node)
          : pill(node);
  const title = node.face ? `<title>${escapeXml(node.face.title)}</title>` : '';
  const opacity = node.mark === 'removed' ? ' opacity="0.6"' : '';
  return `<g transform="translate(${n(node.x)},${n(node.y)})"${opacity}>${title}${body}</g>`;
}
