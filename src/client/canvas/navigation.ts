/** Keyboard movement between cards: along execution order, and between lanes. */
import type { Selection } from '../editorStore.ts';
import type { CardId } from '../../model/ids.ts';
import type { RawFloData } from '../../model/raw.ts';
import type { CardView, Layout, LayoutNode } from '../../export/layout/layout.ts';
import { layoutFlow } from '../../export/layout/layout.ts';
import { useUi } from '../uiStore.ts';

/** Where to move. */
export type Direction = 'next' | 'previous' | 'up' | 'down';

const cache = new WeakMap<RawFloData, { views: CardViews | undefined; layout: Layout }>();

/** Cards the canvas shows collapsed or fully expanded. */
export type CardViews = ReadonlyMap<string, CardView>;

/** The layout of a flow's content, cached per content object (and card views). */
export function layoutOf(data: RawFloData, views?: CardViews): Layout {
  const hit = cache.get(data);
  if (hit && hit.views === views) return hit.layout;
  const layout = layoutFlow(data, views);
  cache.set(data, { views, layout });
  return layout;
}

const isCard = (n: LayoutNode): boolean => n.kind === 'card' || n.kind === 'note';

/** The card to select after moving from `from` in `direction`, or null at an edge. */
export function navigate(
  data: RawFloData,
  from: Selection | null,
  direction: Direction,
): Selection | null {
  const cards = layoutOf(data, useUi.getState().cardViews).nodes.filter(isCard);
  const pick = (n: LayoutNode | undefined): Selection | null =>
    n?.card ? { card: n.card, path: n.path } : null;
  const current = from ? cards.find((n) => n.id === from.card) : undefined;
  if (!current) return pick(cards[0]);
  if (direction === 'next') return pick(cards.find((n) => n.order === current.order + 1));
  if (direction === 'previous') return pick(cards.find((n) => n.order === current.order - 1));
  const below = direction === 'down';
  let best: LayoutNode | undefined;
  let bestScore = Infinity;
  for (const n of cards) {
    const dy = n.y - current.y;
    if (below ? dy <= 0 : dy >= 0) continue;
    const score = Math.abs(dy) * 4 + Math.abs(n.x - current.x);
    if (score < bestScore) {
      bestScore = score;
      best = n;
    }
  }
  return pick(best);
}

/** Ids of cards in execution order, for "card n of m" and tests. */
export const cardOrder = (data: RawFloData): CardId[] =>
  layoutOf(data, useUi.getState().cardViews)
    .nodes.filter(isCard)
    .map((n) => n.card)
    .filter((c): c is CardId => c !== null);
