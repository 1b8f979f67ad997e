/** Small pure helpers over a scope's `orderings` edges. */
import type { IdSource } from './ids.ts';
import { freshId } from './ids.ts';
import type { RawScope } from './raw.ts';

/** Edge map type. */
export type Orderings = RawScope['orderings'];

/** The id of the edge from → to, if any. */
export function edgeId(orderings: Orderings, from: string, to: string): string | undefined {
  for (const [id, [a, b]] of Object.entries(orderings)) if (a === from && b === to) return id;
  return undefined;
}

/** Adds an edge with a fresh id (unique among the scope's edges). */
export function addEdge(orderings: Orderings, from: string, to: string, ids: IdSource): Orderings {
  const id = freshId(new Set(Object.keys(orderings)), () => ids.short());
  return { ...orderings, [id]: [from, to] };
}

/** Drops every edge touching any of `cards`. */
export function dropEdgesOf(orderings: Orderings, cards: ReadonlySet<string>): Orderings {
  return Object.fromEntries(
    Object.entries(orderings).filter(([, [a, b]]) => !cards.has(a) && !cards.has(b)),
  );
}
