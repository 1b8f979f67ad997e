/**
 * Searching the card catalog as an admin types: every word must appear in the card's title,
 * app, category or description; cards whose title is the query come first, then titles that
 * start with it, then titles holding every word, then the rest — so "for each" puts
 * "For Each" above "For Each - Ignore Errors", and "get" puts "Get" above "Get Multiple".
 */
import type { CatalogCard } from './catalog.ts';

/** A parsed query: the whole text and its words, lower-cased. */
export interface CardQuery {
  text: string;
  words: string[];
}

export function cardQuery(query: string): CardQuery {
  const text = query.trim().toLowerCase().replace(/\s+/g, ' ');
  return { text, words: text.split(' ').filter(Boolean) };
}

/** How well a card matches (0 best), or null when it does not match at all. */
export function cardMatch(card: CatalogCard, q: CardQuery): number | null {
  if (q.words.length === 0) return 3;
  const title = card.title.toLowerCase();
  const hay = `${title} ${card.appLabel} ${card.category} ${card.description ?? ''}`.toLowerCase();
  if (!q.words.every((w) => hay.includes(w))) return null;
  if (title === q.text) return 0;
  if (title.startsWith(q.text)) return 1;
  if (q.words.every((w) => title.includes(w))) return 2;
  return 3;
}

/** Orders matched cards: better match, then more used, then shorter and alphabetical title. */
export function compareCards(
  a: { card: CatalogCard; score: number },
  b: { card: CatalogCard; score: number },
): number {
  return (
    a.score - b.score ||
    b.card.popularity - a.card.popularity ||
    a.card.title.length - b.card.title.length ||
    a.card.title.localeCompare(b.card.title)
  );
}
