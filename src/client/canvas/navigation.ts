/** Keyboard movement between cards: along execution order, and between lanes. */
import type { Selection } from '../editorStore.ts';
import type { CardId } from '../../model/ids.ts';
import type { RawFloData } from '../../model/raw.ts';
import type { Layout, LayoutNode } from '../../export/layout/layout.ts';
import { layoutFlow } from '../../export/layout/layout.ts';

/** Where to move. */
export type Direction = 'next' | 'previous' | 'up' | 'down';

const cache = new WeakMap<RawFloData, Layout>();

/** The layout of a flow's content, cached per content object. */
export function layoutOf(data: RawFloData): Layout {
  let l = cache.get(data);
  if (!l) {
    l = layoutFlow(data);
    cache.set(data, l);
  }
  return l;
}

const isCard = (n: LayoutNode): boolean => n.kind === 'card' || n.kind === 'note';

/** The card to select after moving from `from` in `direction`, or null at an edge. */
export function navigate(
  data: RawFloData,
  from: Selection | null,
  direction: Direction,
): Selection | null {
  const cards = layoutOf(data).nodes.filter(isCard);
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
  layoutOf(data)
    .nodes.filter(isCard)
    .map((n) => n.card)
    .filter((c): c is CardId => c !== null);
