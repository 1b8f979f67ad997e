/**
 * Pictures of a diff: per flow a drawing with added, changed and removed cards marked (a new
 * flow all added, a deleted one all removed), as SVG (one document) or Mermaid (one chart per
 * flow, for GitHub comments).
 */
import type { Drawing, Mark } from '../render/drawing.ts';
import { drawFlow } from '../render/drawing.ts';
import { svgDocument } from '../render/svg.ts';
import { compareFlow } from './compare.ts';
import type { PackPair } from './packDiff.ts';
import type { FlowDiff, PackDiff } from './types.ts';

/** One flow's picture in a review. */
export interface FlowPicture {
  flow: FlowDiff;
  title: string;
  subtitle: string;
  drawing: Drawing;
}

const marked = (d: Drawing, mark: Mark): Drawing => ({
  ...d,
  nodes: d.nodes.map((n) => ({ ...n, mark })),
});

const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

/** Pictures of the flows of a diff; unchanged flows only when `unchanged` is set. */
export function diffPictures(
  pair: PackPair,
  diff: PackDiff,
  opts: { unchanged?: boolean } = {},
): FlowPicture[] {
  const out: FlowPicture[] = [];
  for (const f of diff.flows) {
    const a = f.oldId !== null ? pair.before.flows[f.oldId] : undefined;
    const b = f.newId !== null ? pair.after.flows[f.newId] : undefined;
    let drawing: Drawing | null = null;
    if (f.status === 'added' && b) drawing = marked(drawFlow(b.data, pair.newSide.names), 'added');
    else if (f.status === 'removed' && a)
      drawing = marked(drawFlow(a.data, pair.oldSide.names), 'removed');
    else if (f.status === 'changed' && a && b)
      drawing = compareFlow(a.data, b.data, {
        flowName: b.name,
        old: pair.oldSide,
        new: pair.newSide,
      }).drawing;
    else if (f.status === 'unchanged' && b && opts.unchanged)
      drawing = drawFlow(b.data, pair.newSide.names);
    if (!drawing) continue;
    const subtitle =
      f.status === 'changed'
        ? `changed · ${plural(f.changes.length, 'change')}`
        : f.status === 'unchanged'
          ? 'unchanged'
          : `${f.status}`;
    out.push({ flow: f, title: f.flow.name, subtitle, drawing });
  }
  return out;
}

/** All pictures in one SVG document with a legend of the marks. */
export function diffSvg(pictures: readonly FlowPicture[]): string {
  if (pictures.length === 0) {
    const empty = { nodes: [], edges: [], width: 0, height: 0 };
    return svgDocument([{ title: 'No changes', subtitle: '', drawing: empty }]);
  }
  return svgDocument(
    pictures.map((p) => ({ title: p.title, subtitle: p.subtitle, drawing: p.drawing })),
    { legend: true },
  );
}
