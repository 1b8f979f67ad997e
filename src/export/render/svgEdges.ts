/** SVG for the edges of a drawing: sequence arrows, branch lanes, inline arms, removed cards. */
import type { DrawEdge, DrawNode } from './drawing.ts';
import { MARK_COLORS } from './palette.ts';

const n = (v: number): string => String(Math.round(v * 10) / 10);

/** Arrowhead markers; resvg ignores `auto-start-reverse`, so only `auto` is used. */
export const ARROW_DEFS =
  '<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z" fill="#64748b"/></marker>' +
  `<marker id="arrow-removed" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z" fill="${MARK_COLORS.removed.stroke}"/></marker>`;

/** The height on a node where edges attach: the card header's middle, or the node's middle. */
const attachY = (node: DrawNode): number =>
  node.kind === 'card' || node.kind === 'note'
    ? node.y + Math.min(26, node.height / 2)
    : node.y + node.height / 2;

function curve(x1: number, y1: number, x2: number, y2: number): string {
  if (Math.abs(y1 - y2) < 0.5) return `M${n(x1)},${n(y1)}H${n(x2)}`;
  const dx = Math.max(16, Math.abs(x2 - x1) / 2);
  return `M${n(x1)},${n(y1)}C${n(x1 + dx)},${n(y1)} ${n(x2 - dx)},${n(y2)} ${n(x2)},${n(y2)}`;
}

/** The path of one edge, or '' when an end is missing. */
export function edgeSvg(edge: DrawEdge, byId: ReadonlyMap<string, DrawNode>): string {
  const a = byId.get(edge.from);
  const b = byId.get(edge.to);
  if (!a || !b) return '';
  if (edge.kind === 'inline') {
    const x = a.x + 14;
    const y = b.y + b.height / 2;
    return `<path d="M${n(x)},${n(a.y + a.height)}V${n(y)}H${n(b.x)}" fill="none" stroke="#6366f1" stroke-width="1.5" stroke-dasharray="4 3" marker-end="url(#arrow)"/>`;
  }
  if (edge.kind === 'ghost' && b.x > a.x + a.width / 2 + 8 && b.y > a.y + a.height) {
    // A removed card hangs below the card it followed: drop from that card, then across.
    const x = a.x + a.width / 2;
    return `<path d="M${n(x)},${n(a.y + a.height)}V${n(attachY(b))}H${n(b.x)}" fill="none" stroke="${MARK_COLORS.removed.stroke}" stroke-width="1.5" stroke-dasharray="6 4" marker-end="url(#arrow-removed)"/>`;
  }
  const x1 = a.x + a.width;
  const y1 = attachY(a);
  const y2 = attachY(b);
  // Lanes rejoin through the free column before the merge point, not across other lanes' cards.
  const d =
    edge.kind === 'merge' && Math.abs(y1 - y2) >= 0.5
      ? `M${n(x1)},${n(y1)}H${n(b.x - 20)}V${n(y2)}H${n(b.x)}`
      : curve(x1, y1, b.x, y2);
  if (edge.kind === 'ghost' || b.mark === 'removed')
    return `<path d="${d}" fill="none" stroke="${MARK_COLORS.removed.stroke}" stroke-width="1.5" stroke-dasharray="6 4" marker-end="url(#arrow-removed)"/>`;
  return `<path d="${d}" fill="none" stroke="#64748b" stroke-width="1.5" marker-end="url(#arrow)"/>`;
}
