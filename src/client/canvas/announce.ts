/**
 * What the canvas's live region says after an edit: derived from the change itself (the draft
 * before and after), so inserting, moving, deleting, mapping and unmapping read the same
 * whether they came from the keyboard, the command palette, a "+" popover or a drag — and an
 * undo or redo is read as the change it makes.
 */
import type { Layout } from '../../export/layout/layout.ts';
import { mappingsOf } from '../../model/mapping.ts';
import type { RawFloData } from '../../model/raw.ts';
import { forEachScope } from '../../model/scope.ts';

/** One side of a change: the draft's content and its layout. */
export interface Snapshot {
  data: RawFloData;
  layout: Layout;
}

interface Indexed {
  /** Visible cards in execution order. */
  order: string[];
  titles: Map<string, string>;
  /** Mapped inputs, `card/input` → `sourceCard/output`. */
  maps: Map<string, string>;
  /** Words for a mapped input: its source ("Read User › Email") and itself ("Send Email › To"). */
  words: Map<string, { source: string; target: string }>;
}

const index = ({ data, layout }: Snapshot): Indexed => {
  const order: string[] = [];
  const titles = new Map<string, string>();
  const words = new Map<string, { source: string; target: string }>();
  const cards = layout.nodes
    .filter((n) => (n.kind === 'card' || n.kind === 'note') && n.card !== null && n.order > 0)
    .sort((a, b) => a.order - b.order);
  for (const n of cards) {
    const s = n.summary;
    const title = s?.role === 'note' ? 'Note' : (s?.title ?? 'Card');
    order.push(n.id);
    titles.set(n.id, title);
    for (const f of s?.fields ?? [])
      if (f.mapped)
        words.set(`${n.id}/${f.id}`, {
          source: f.text.split(' · ').join(' › '),
          target: `${title} › ${f.label}`,
        });
  }
  const maps = new Map<string, string>();
  forEachScope(data, (scope) => {
    for (const m of mappingsOf(scope))
      maps.set(`${m.to.card}/${m.to.input}`, `${m.from.card}/${m.from.output}`);
  });
  return { order, titles, maps, words };
};

const without = (list: readonly string[], id: string): string[] => list.filter((x) => x !== id);
const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The card that moved between two orders of the same cards (the focused one when it did). */
function movedCard(
  before: readonly string[],
  after: readonly string[],
  focus: string | null,
): string | null {
  if (sameList(before, after)) return null;
  if (focus !== null && before.indexOf(focus) !== after.indexOf(focus) && after.includes(focus))
    return focus;
  return after.find((id) => sameList(without(before, id), without(after, id))) ?? after[0] ?? null;
}

const cards = (n: number): string => `${n} card${n === 1 ? '' : 's'}`;

/**
 * The sentence for a change of the draft, or null when nothing a listener needs changed (a
 * typed value, a renamed flow). `focus` is the selected card: the one a move is about.
 *
 * @example describeChange(before, after, null) // → "Read User added, card 3 of 5"
 */
export function describeChange(
  before: Snapshot,
  after: Snapshot,
  focus: string | null = null,
): string | null {
  if (before.data === after.data) return null;
  const a = index(before);
  const b = index(after);
  const total = b.order.length;
  const placeOf = (id: string): string => `card ${b.order.indexOf(id) + 1} of ${total}`;
  const parts: string[] = [];
  const added = b.order.filter((id) => !a.titles.has(id));
  const removed = a.order.filter((id) => !b.titles.has(id));
  const first = added[0];
  if (first !== undefined) {
    const more = added.length > 1 ? ` and ${cards(added.length - 1)} more` : '';
    parts.push(`${b.titles.get(first) ?? 'Card'}${more} added, ${placeOf(first)}`);
  }
  const gone = removed[0];
  if (gone !== undefined) {
    const what = removed.length > 1 ? `${cards(removed.length)}` : (a.titles.get(gone) ?? 'Card');
    parts.push(`${what} deleted, ${cards(total)} left`);
  }
  if (first === undefined && gone === undefined) {
    const moved = movedCard(a.order, b.order, focus);
    if (moved !== null) parts.push(`${b.titles.get(moved) ?? 'Card'} moved to ${placeOf(moved)}`);
  }
  // Mappings between cards that stay: a card's own arrival or removal says enough.
  const stays = (key: string): boolean => {
    const card = key.slice(0, key.indexOf('/'));
    return a.titles.has(card) && b.titles.has(card);
  };
  for (const [key, from] of b.maps) {
    const w = b.words.get(key);
    if (a.maps.get(key) === from || !w || !stays(key)) continue;
    parts.push(`${w.source} mapped to ${w.target}`);
  }
  const deleted = new Set(removed);
  for (const [key, from] of a.maps) {
    const w = a.words.get(key);
    // An input whose source card was deleted: the deletion was said.
    if (b.maps.has(key) || !w || !stays(key) || deleted.has(from.slice(0, from.indexOf('/'))))
      continue;
    parts.push(`${w.source} unmapped from ${w.target}`);
  }
  return parts.length ? parts.join('. ') : null;
}
