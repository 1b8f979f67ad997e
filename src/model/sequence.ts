/**
 * The visible order of a scope, derived from `orderings` (a flopack has no coordinates).
 * Ignoring self-loops, edges into Join cards and edges touching hidden expand cards, every
 * card has at most one successor: the flow is a linked list from the event card. An If/Else
 * card has no successor; its branches start at noop heads and the chain resumes after the
 * Join card they all feed.
 */
import { isEventCard, isExpand, isIfElse, isJoin, isNoop } from './cardRoles.ts';
import type { CardId } from './ids.ts';
import type { RawMethod, RawScope } from './raw.ts';

/** An ordinary card in the sequence (including notes and inline-flow containers). */
export interface CardStep {
  type: 'card';
  id: CardId;
}

/** One arm of an If/Else: its noop head and the cards after it. */
export interface Branch {
  head: CardId;
  value: boolean;
  steps: Step[];
}

/** An If/Else with its two branches; `join` is where they meet (null if none was found). */
export interface IfElseStep {
  type: 'ifElse';
  id: CardId;
  join: CardId | null;
  branches: Branch[];
}

/** A position in the visible sequence. */
export type Step = CardStep | IfElseStep;

/** A scope's derived structure. */
export interface Sequence {
  /** The event card: no predecessor and not a branch head. */
  event: CardId | null;
  /** The steps in execution order, starting with the event card. */
  steps: Step[];
  /** Visible cards not reachable from the event (kept, shown apart). */
  loose: CardId[];
  /** Hidden helper cards (expand, join). */
  hidden: CardId[];
  /** Successor of each card in the main chain or a branch. */
  next: ReadonlyMap<string, string>;
  /** Predecessor of each card in the main chain or a branch. */
  prev: ReadonlyMap<string, string>;
  /** Branch heads: noop uuid → the If/Else card that owns it. */
  headOwner: ReadonlyMap<string, string>;
}

const cache = new WeakMap<RawScope, Sequence>();

/** Derives (and caches per scope object) the visible sequence of a scope. */
export function sequenceOf(scope: RawScope): Sequence {
  let seq = cache.get(scope);
  if (!seq) {
    seq = derive(scope);
    cache.set(scope, seq);
  }
  return seq;
}

function derive(scope: RawScope): Sequence {
  const byId = new Map<string, RawMethod>(scope.methods.map((m) => [m.uuid, m]));
  const next = new Map<string, string>();
  const prev = new Map<string, string>();
  const joinsOf = new Map<string, string[]>();
  const hasIncoming = new Set<string>();
  for (const [from, to] of Object.values(scope.orderings)) {
    if (from === to) continue;
    hasIncoming.add(to);
    const a = byId.get(from);
    const b = byId.get(to);
    if (!a || !b) continue;
    if (isJoin(b)) {
      const list = joinsOf.get(from) ?? [];
      list.push(to);
      joinsOf.set(from, list);
    } else if (!isExpand(a) && !isExpand(b) && !next.has(from) && !prev.has(to)) {
      next.set(from, to);
      prev.set(to, from);
    }
  }
  const headOwner = new Map<string, string>();
  for (const m of scope.methods) {
    if (isIfElse(m)) for (const head of Object.keys(m.branches)) headOwner.set(head, m.uuid);
  }
  const hidden = scope.methods.filter((m) => isExpand(m) || isJoin(m)).map((m) => m.uuid as CardId);
  const starts = scope.methods.filter(
    (m) => !hasIncoming.has(m.uuid) && !headOwner.has(m.uuid) && !isExpand(m) && !isJoin(m),
  );
  // A well-formed scope has one start; mid-edit there may be more, and the event wins.
  const eventCard = starts.find((m) => isEventCard(m) || isNoop(m)) ?? starts[0];
  const placed = new Set<string>();

  const joinOf = (ifCard: RawMethod): string | null => {
    const heads = Object.keys(ifCard.branches);
    const own = new Set(joinsOf.get(ifCard.uuid) ?? []);
    let common: string[] | null = null;
    for (const head of heads) {
      const js = joinsOf.get(head) ?? [];
      common = common === null ? js : common.filter((j) => js.includes(j));
    }
    const candidates = common ?? [];
    return candidates.find((j) => !own.has(j)) ?? candidates[0] ?? null;
  };

  const walk = (start: string | undefined): Step[] => {
    const steps: Step[] = [];
    let cur = start;
    while (cur !== undefined && !placed.has(cur)) {
      const m = byId.get(cur);
      if (!m) break;
      placed.add(cur);
      if (isIfElse(m)) {
        const branches: Branch[] = Object.entries(m.branches)
          .sort(([, a], [, b]) => Number(b) - Number(a))
          .map(([head, value]) => {
            placed.add(head);
            return { head: head as CardId, value, steps: walk(next.get(head)) };
          });
        const join = joinOf(m);
        steps.push({ type: 'ifElse', id: m.uuid as CardId, join: join as CardId | null, branches });
        if (join) placed.add(join);
        cur = join ? next.get(join) : undefined;
      } else {
        steps.push({ type: 'card', id: m.uuid as CardId });
        cur = next.get(cur);
      }
    }
    return steps;
  };

  const steps = walk(eventCard?.uuid);
  const loose = scope.methods
    .filter((m) => !placed.has(m.uuid) && !isExpand(m) && !isJoin(m))
    .map((m) => m.uuid as CardId);
  return {
    event: (eventCard?.uuid ?? null) as CardId | null,
    steps,
    loose,
    hidden,
    next,
    prev,
    headOwner,
  };
}

/** The steps flattened in execution order (branches depth first), If/Else cards included. */
export function flatten(steps: readonly Step[]): CardId[] {
  const out: CardId[] = [];
  const visit = (list: readonly Step[]): void => {
    for (const s of list) {
      out.push(s.id);
      if (s.type === 'ifElse') for (const b of s.branches) visit(b.steps);
    }
  };
  visit(steps);
  return out;
}

/**
 * The id of a scope's placeholder event: the hidden `control:noop` card Okta's console gives a
 * flow saved without an event. It stays in the file but is no card the user placed, so lists,
 * counts and diffs leave it out.
 */
export function placeholderEventOf(scope: RawScope): string | null {
  const id = sequenceOf(scope).event;
  const m = id === null ? undefined : scope.methods.find((x) => x.uuid === id);
  return m && isNoop(m) ? m.uuid : null;
}
