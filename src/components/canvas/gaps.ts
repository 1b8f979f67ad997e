/** Insertion points on the canvas: the gap right of every node that takes a card after it. */
import type { InsertAt } from '../../model/positions.ts';
import type { Layout } from '../../export/layout/layout.ts';
import { GEOMETRY } from '../../export/layout/layout.ts';

/** A place a card can be dropped. */
export interface Gap {
  x: number;
  y: number;
  at: InsertAt;
  /** The node the gap follows. */
  after: string;
}

/** The gaps of a layout. */
export function gapsOf(layout: Layout): Gap[] {
  return layout.nodes
    .filter((n) => n.after !== null)
    .map((n) => ({
      x: n.x + n.width + GEOMETRY.gapX / 2,
      y: n.y + Math.min(n.height, 60) / 2,
      at: n.after as InsertAt,
      after: n.id,
    }));
}

/** The nearest gap to a point within `radius`, skipping gaps next to `exclude` nodes. */
export function nearestGap(
  gaps: readonly Gap[],
  x: number,
  y: number,
  radius = 160,
  exclude?: ReadonlySet<string>,
): Gap | null {
  let best: Gap | null = null;
  let bestD = radius * radius;
  for (const g of gaps) {
    if (exclude?.has(g.after)) continue;
    const d = (g.x - x) ** 2 + (g.y - y) ** 2;
    if (d < bestD) {
      bestD = d;
      best = g;
    }
  }
  return best;
}
