/**
 * Inserting, removing and moving cards in a flow's sequence. Each operation returns new
 * flow content and keeps orderings, branches, joins and pins consistent the way Okta's
 * console writes them (see the format notes on orderings and If/Else).
 */
import { isCallable, isDelegated, isEventCard, isExpand, isIfElse, isNoop } from './cardRoles.ts';
import type { Catalog } from './catalog.ts';
import { createCard } from './catalog.ts';
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { CardId, IdSource } from './ids.ts';
import { randomIds } from './ids.ts';
import { addEdge, dropEdgesOf, edgeId } from './orderings.ts';
import type { InsertAt } from './positions.ts';
import { branchOf, exitOf, placementOf } from './positions.ts';
import type { RawFloData, RawMethod, RawScope } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { allCardIds, scopeAt, updateScope } from './scope.ts';
import type { Step } from './sequence.ts';
import { flatten, sequenceOf } from './sequence.ts';
import { dropPinsInto, pruneInvalidPins } from './mapping.ts';

/** What an insertion needs besides the card: the catalog for If/Else noops and Join. */
export interface InsertContext {
  catalog: Catalog;
  ids?: IdSource;
}

/** The result of inserting: the new content and the uuid of the inserted card. */
export interface Inserted {
  data: RawFloData;
  card: CardId;
}

const NOOP = 'root:kernel:control:noop';
const JOIN = 'root:kernel:control:join';

/** Where the new card hooks in: its predecessor and the joins it must report to. */
interface Anchor {
  pred: string;
  joins: string[];
}

function anchorOf(scope: RawScope, at: InsertAt): Result<Anchor> {
  const seq = sequenceOf(scope);
  const joinsOf = (enclosing: { join: CardId | null }[]): string[] =>
    enclosing.map((e) => e.join).filter((j): j is CardId => j !== null);
  if (at.kind === 'end') {
    const last = seq.steps[seq.steps.length - 1];
    const pred = last ? exitOf(last) : null;
    if (!pred)
      return fail('EDIT_E001', 'This flow has no event card to add after — add an event first.');
    return ok({ pred, joins: [] });
  }
  if (at.kind === 'branchStart') {
    const b = branchOf(scope, at.head);
    if (!b) return fail('EDIT_E002', `Card ${at.head} does not start an If/Else branch.`);
    return ok({ pred: at.head, joins: joinsOf([...b.enclosing, b.ifElse]) });
  }
  const place = placementOf(scope, at.card);
  if (!place) return fail('EDIT_E003', `Card ${at.card} is not in this flow's sequence.`);
  const step = place.list[place.index];
  const pred = step ? exitOf(step) : null;
  if (!pred) return fail('EDIT_E004', 'This If/Else has no Join card, so nothing can follow it.');
  return ok({ pred, joins: joinsOf(place.enclosing) });
}

/** The piece a new card brings: itself, plus noop heads and a Join for an If/Else. */
function pieceFor(card: RawMethod, taken: Set<string>, ctx: InsertContext): Piece {
  if (!isIfElse(card))
    return { cards: [card], edges: [], entry: card.uuid, exit: card.uuid, members: [card.uuid] };
  const ids = ctx.ids ?? randomIds;
  const make = (id: string): RawMethod => {
    const m = createCard(ctx.catalog, id, taken, ids);
    taken.add(m.uuid);
    return m;
  };
  const yes = make(NOOP);
  const no = make(NOOP);
  const join = make(JOIN);
  const withBranches: RawMethod = { ...card, branches: { [yes.uuid]: true, [no.uuid]: false } };
  return {
    cards: [withBranches, yes, no, join],
    edges: [
      [yes.uuid, join.uuid],
      [no.uuid, join.uuid],
    ],
    entry: card.uuid,
    exit: join.uuid,
    members: [card.uuid, join.uuid],
  };
}

/**
 * Inserts a card (made with `createCard`) at a position. An If/Else gets two empty branches
 * and a Join. Event cards are refused here: use `setEvent`.
 */
export function insertCard(
  data: RawFloData,
  at: InsertAt,
  card: RawMethod,
  ctx: InsertContext,
): Result<Inserted> {
  if (isEventCard(card))
    return fail(
      'EDIT_E005',
      `"${card.node.data.name}" is an event card — set it as the flow's event instead.`,
    );
  const path = at.path ?? [];
  const scope = scopeAt(data, path);
  if (!scope) return fail('EDIT_E006', 'That part of the flow no longer exists — reload it.');
  const taken = allCardIds(data);
  if (taken.has(card.uuid))
    return fail('EDIT_E007', `A card with id ${card.uuid} is already in this flow.`);
  taken.add(card.uuid);
  const anchor = anchorOf(scope, at);
  if (!anchor.ok) return anchor;
  const ids = ctx.ids ?? randomIds;
  const piece = pieceFor(card, taken, ctx);
  const next = updateScope(data, path, (s) => splice(s, anchor.value, piece, ids));
  return ok({ data: next, card: card.uuid as CardId });
}

/** A piece of sequence to splice in: its cards, the edges among them, its ends. */
export interface Piece {
  /** Cards to add to the scope's methods (empty when they are already there). */
  cards: RawMethod[];
  /** Edges among the piece's own cards. */
  edges: [string, string][];
  entry: string;
  exit: string;
  /** Chain members that must report to an enclosing branch's Join. */
  members: string[];
}

/** Splices a piece after the anchor: pred → entry … exit → old successor, plus branch edges. */
function splice(s: RawScope, anchor: Anchor, piece: Piece, ids: IdSource): RawScope {
  const { pred, joins } = anchor;
  const succ = sequenceOf(s).next.get(pred);
  let orderings = { ...s.orderings };
  const chain = succ !== undefined ? edgeId(orderings, pred, succ) : undefined;
  if (chain !== undefined) orderings[chain] = [pred, piece.entry];
  else orderings = addEdge(orderings, pred, piece.entry, ids);
  for (const [a, b] of piece.edges) orderings = addEdge(orderings, a, b, ids);
  const join = joins[joins.length - 1];
  if (join !== undefined)
    for (const m of piece.members) orderings = addEdge(orderings, m, join, ids);
  if (succ !== undefined) orderings = addEdge(orderings, piece.exit, succ, ids);
  const at = s.methods.findIndex((m) => m.uuid === pred);
  const methods = [...s.methods];
  methods.splice(at < 0 ? methods.length : at + 1, 0, ...piece.cards);
  return { ...s, methods, orderings };
}

/** Every card a step occupies: an If/Else with its heads, branch cards and Join. */
export function cardsOfStep(step: Step): string[] {
  if (step.type === 'card') return [step.id];
  const out: string[] = [step.id];
  if (step.join) out.push(step.join);
  for (const b of step.branches) {
    out.push(b.head);
    for (const s of b.steps) out.push(...cardsOfStep(s));
  }
  return out;
}

/** Hidden expand cards hanging off any of `cards` (transitively). */
function expandsOf(s: RawScope, cards: Set<string>): Set<string> {
  const byId = new Map(s.methods.map((m) => [m.uuid, m]));
  const out = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [a, b] of Object.values(s.orderings)) {
      const target = byId.get(b);
      if (target && isExpand(target) && !out.has(b) && (cards.has(a) || out.has(a))) {
        out.add(b);
        grew = true;
      }
    }
  }
  return out;
}

/** Unhooks a step from the chain: its predecessor links to its successor. */
function unlink(s: RawScope, step: Step, removed: Set<string>): RawScope {
  const seq = sequenceOf(s);
  const first = step.id;
  const last = exitOf(step) ?? step.id;
  const pred = seq.prev.get(first);
  const succ = seq.next.get(last);
  const inEdge = pred !== undefined ? edgeId(s.orderings, pred, first) : undefined;
  const orderings = dropEdgesOf(s.orderings, removed);
  // The edge into the removed step now bridges to its successor, keeping its id.
  if (inEdge !== undefined && pred !== undefined && succ !== undefined)
    orderings[inEdge] = [pred, succ];
  return { ...s, orderings };
}

/** Removes a card and its mappings. Removing an If/Else removes both its branches. */
export function removeCard(
  data: RawFloData,
  card: CardId,
  path: ScopePath = [],
): Result<RawFloData> {
  const scope = scopeAt(data, path);
  if (!scope) return fail('EDIT_E006', 'That part of the flow no longer exists — reload it.');
  const place = placementOf(scope, card);
  const step = place?.list[place.index];
  if (!step) return fail('EDIT_E003', `Card ${card} is not in this flow's sequence.`);
  const m = scope.methods.find((x) => x.uuid === card);
  if (
    m &&
    (sequenceOf(scope).event === card || isDelegated(m) || (isCallable(m) && path.length === 0))
  )
    return fail('EDIT_E008', 'The event card cannot be removed — change the event instead.');
  const removed = new Set(cardsOfStep(step));
  for (const e of expandsOf(scope, removed)) removed.add(e);
  return ok(
    updateScope(data, path, (s) => {
      const unlinked = unlink(s, step, removed);
      const methods = unlinked.methods
        .filter((x) => !removed.has(x.uuid))
        .map((x) => dropPinsInto(x, removed));
      return { ...unlinked, methods };
    }),
  );
}

/** Splices a prepared piece (pasted cards) in at a position. */
export function pasteAt(
  data: RawFloData,
  at: InsertAt,
  piece: Piece,
  ids: IdSource = randomIds,
): Result<RawFloData> {
  const path = at.path ?? [];
  const scope = scopeAt(data, path);
  if (!scope) return fail('EDIT_E006', 'That part of the flow no longer exists — reload it.');
  const anchor = anchorOf(scope, at);
  if (!anchor.ok) return anchor;
  return ok(updateScope(data, path, (s) => splice(s, anchor.value, piece, ids)));
}

/**
 * Moves a card (an If/Else with its branches) to another position of the same scope.
 * Mappings whose source no longer runs before their target are dropped and returned.
 */
export function moveCard(
  data: RawFloData,
  card: CardId,
  to: InsertAt,
  ids: IdSource = randomIds,
): Result<{ data: RawFloData; dropped: number }> {
  const path = to.path ?? [];
  const scope = scopeAt(data, path);
  if (!scope) return fail('EDIT_E006', 'That part of the flow no longer exists — reload it.');
  const place = placementOf(scope, card);
  const step = place?.list[place.index];
  if (!step) return fail('EDIT_E003', `Card ${card} is not in this flow's sequence.`);
  if (sequenceOf(scope).event === card)
    return fail('EDIT_E008', 'The event card always comes first.');
  const moving = new Set(cardsOfStep(step));
  const targetCard = to.kind === 'after' ? to.card : to.kind === 'branchStart' ? to.head : null;
  if (targetCard !== null && moving.has(targetCard))
    return fail('EDIT_E009', 'A card cannot move into its own branches.');
  if (to.kind === 'after' && to.card === card) return ok({ data, dropped: 0 });
  // Detach, keeping the cards and their edges inside the step.
  const detached = unlinkKeepInner(scope, step, moving);
  const anchor = anchorOf(detached, to);
  if (!anchor.ok) return anchor;
  const exit = exitOf(step) ?? step.id;
  // The step's cards leave the methods list and come back at the new place.
  const moved = detached.methods.filter((m) => moving.has(m.uuid));
  const rest = { ...detached, methods: detached.methods.filter((m) => !moving.has(m.uuid)) };
  const members = exit === step.id ? [step.id] : [step.id, exit];
  const relinked = splice(
    rest,
    anchor.value,
    { cards: moved, edges: [], entry: step.id, exit, members },
    ids,
  );
  const pruned = pruneInvalidPins(relinked);
  return ok({ data: updateScope(data, path, () => pruned.scope), dropped: pruned.dropped });
}

/** Detaches a step but keeps its own inner edges (branches, joins) intact. */
function unlinkKeepInner(s: RawScope, step: Step, moving: Set<string>): RawScope {
  const seq = sequenceOf(s);
  const first = step.id;
  const last = exitOf(step) ?? step.id;
  const pred = seq.prev.get(first);
  const succ = seq.next.get(last);
  const byId = new Map(s.methods.map((m) => [m.uuid, m]));
  const auxiliary = (id: string): boolean => {
    const m = byId.get(id);
    return m !== undefined && isExpand(m);
  };
  const orderings: RawScope['orderings'] = {};
  for (const [id, [a, b]] of Object.entries(s.orderings)) {
    if (a === pred && b === first) {
      if (succ !== undefined) orderings[id] = [pred, succ];
      continue;
    }
    const touches = moving.has(a) || moving.has(b);
    const inner = moving.has(a) && moving.has(b);
    // Keep edges inside the step and edges of hidden expand cards; drop chain and
    // membership edges that tie the step to its old place.
    if (touches && !inner && !auxiliary(a) && !auxiliary(b)) continue;
    orderings[id] = [a, b];
  }
  return { ...s, orderings };
}

/** The visible cards of a scope in execution order (branch cards depth first). */
export function cardsInOrder(scope: RawScope): RawMethod[] {
  const byId = new Map(scope.methods.map((m) => [m.uuid, m]));
  return flatten(sequenceOf(scope).steps)
    .map((id) => byId.get(id))
    .filter((m): m is RawMethod => m !== undefined && !isNoop(m));
}
