/** The card the inspector edits, resolved from the selection. */
import type { CardId } from '../../model/ids.ts';
import type { RawFloData, RawMethod, RawScope } from '../../model/raw.ts';
import type { ScopePath } from '../../model/scope.ts';
import { cardIn, scopeAt } from '../../model/scope.ts';

/** A card with the flow and scope it lives in. */
export interface CardAt {
  data: RawFloData;
  path: ScopePath;
  scope: RawScope;
  m: RawMethod;
  card: CardId;
}

/** Resolves a card in a flow; null when it is no longer there. */
export function resolveCard(data: RawFloData, path: ScopePath, card: CardId): CardAt | null {
  const scope = scopeAt(data, path);
  const m = scope && cardIn(scope, card);
  return scope && m ? { data, path, scope, m, card } : null;
}

/** A stable string for a scope path (React keys). */
export const pathKey = (path: ScopePath): string =>
  path.map((s) => `${s.card}:${s.slot.kind === 'error' ? 'error' : s.slot.field}`).join('/');
