/**
 * Moving a card one step earlier or later in its own lane (the main chain or one If/Else
 * branch) — the keyboard's and the command palette's "move", since positions on the canvas
 * always come from the deterministic layout. A move that would cut a mapping is refused, with
 * the mappings it would cut named, rather than dropping them silently.
 */
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { CardId, IdSource } from './ids.ts';
import { moveCard } from './insert.ts';
import { mappingsOf } from './mapping.ts';
import type { InsertAt } from './positions.ts';
import { placementOf } from './positions.ts';
import type { RawFloData, RawScope } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { scopeAt } from './scope.ts';
import { sourcesOf, summarizeCached } from './summary.ts';

/** Which way a card moves along its lane. */
export type Shift = 'earlier' | 'later';

const nameOf = (scope: RawScope, card: string): string =>
  scope.methods.find((m) => m.uuid === card)?.node.data.name ?? card;

/**
 * Where a card lands when it moves one step `shift` in its lane: after the step before the
 * one it passes, or at the start of its branch. Refused at either end of the lane, and for
 * the event card (it always comes first).
 *
 * @example shiftTarget(data, readUser, [], 'later') // → { kind: 'after', card: sendEmail }
 */
export function shiftTarget(
  data: RawFloData,
  card: CardId,
  path: ScopePath,
  shift: Shift,
): Result<InsertAt> {
  const scope = scopeAt(data, path);
  if (!scope) return fail('EDIT_E006', 'That part of the flow no longer exists — reload it.');
  const place = placementOf(scope, card);
  if (!place) return fail('EDIT_E003', `Card ${card} is not in this flow's sequence.`);
  const name = nameOf(scope, card);
  const lane = place.branch ? 'its branch' : 'the flow';
  const { list, index } = place;
  if (!place.branch && index === 0) return fail('EDIT_E008', 'The event card always comes first.');
  if (shift === 'later') {
    const next = list[index + 1];
    if (!next)
      return fail(
        'EDIT_E010',
        `“${name}” is already the last card of ${lane} — drag it to move it elsewhere.`,
      );
    return ok({ kind: 'after', card: next.id, path });
  }
  const before = list[index - 2];
  if (index >= 2 && before) return ok({ kind: 'after', card: before.id, path });
  if (place.branch && index === 1)
    return ok({ kind: 'branchStart', head: place.branch.branch.head, path });
  return fail(
    'EDIT_E010',
    place.branch
      ? `“${name}” is already the first card of its branch — drag it to move it elsewhere.`
      : `“${name}” is already the first card after the event.`,
  );
}

/**
 * Moves a card one step earlier or later in its lane. Refuses (EDIT_E011) a move after which
 * a mapping's source would no longer run before its target, naming each such mapping.
 */
export function shiftCard(
  data: RawFloData,
  card: CardId,
  path: ScopePath,
  shift: Shift,
  ids?: IdSource,
): Result<RawFloData> {
  const at = shiftTarget(data, card, path, shift);
  if (!at.ok) return at;
  const moved = moveCard(data, card, at.value, ids);
  if (!moved.ok) return moved;
  if (moved.value.dropped === 0) return ok(moved.value.data);
  const scope = scopeAt(data, path);
  const after = scopeAt(moved.value.data, path);
  if (!scope || !after) return fail('EDIT_E006', 'That part of the flow no longer exists.');
  const key = (m: { to: { card: string; input: string }; from: { card: string } }) =>
    `${m.from.card}>${m.to.card}/${m.to.input}`;
  const kept = new Set(mappingsOf(after).map(key));
  const sources = sourcesOf(scope);
  const lost = mappingsOf(scope)
    .filter((m) => !kept.has(key(m)))
    .map((m) => {
      const target = scope.methods.find((x) => x.uuid === m.to.card);
      const line =
        target && summarizeCached(target, sources).fields.find((x) => x.id === m.to.input);
      const input = line ? line.label : m.to.input;
      const source = (sources.get(`${m.to.card}/${m.to.input}`) ?? '').replace(' · ', ' › ');
      return `${nameOf(scope, m.to.card)} › ${input}${source ? ` (from ${source})` : ''}`;
    });
  const name = nameOf(scope, card);
  return fail(
    'EDIT_E011',
    `Moving “${name}” ${shift} would cut ${lost.length === 1 ? 'the mapping' : `${lost.length} mappings`} ${lost.join(', ')}: the source would no longer run before it. Unmap ${lost.length === 1 ? 'it' : 'them'} first, or drag the card.`,
  );
}
