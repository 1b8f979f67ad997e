/**
 * Pairs the cards of two versions of a flow: by uuid first (same card kind), then the rest by
 * unversioned address and position in the sequence, preferring equal titles, so re-created
 * cards (new uuids, same content) are not reported as removed and added.
 */
import { unversioned } from '../../model/address.ts';
import type { RawFloData, RawScope } from '../../model/raw.ts';
import { forEachScope, scopeAt } from '../../model/scope.ts';
import { sequenceOf } from '../../model/sequence.ts';
import type { CardEntry } from '../render/lanes.ts';
import { visibleCards } from '../render/lanes.ts';

/** Old card uuid → new card uuid, for the cards present in both versions. */
export type CardMatch = ReadonlyMap<string, string>;

/** Matches the visible cards of two versions of a flow. */
export function matchCards(
  oldCards: readonly CardEntry[],
  newCards: readonly CardEntry[],
): CardMatch {
  const match = new Map<string, string>();
  const taken = new Set<string>();
  const newById = new Map(newCards.map((c) => [c.id, c]));
  for (const o of oldCards) {
    const n = newById.get(o.id);
    if (n && unversioned(n.m.address) === unversioned(o.m.address)) {
      match.set(o.id, n.id);
      taken.add(n.id);
    }
  }
  const groups = new Map<string, { old: CardEntry[]; new: CardEntry[] }>();
  const group = (c: CardEntry) => {
    const key = unversioned(c.m.address);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { old: [], new: [] }));
    return g;
  };
  for (const o of oldCards) if (!match.has(o.id)) group(o).old.push(o);
  for (const n of newCards) if (!taken.has(n.id)) group(n).new.push(n);
  for (const g of groups.values()) {
    const free = [...g.new];
    const pair = (o: CardEntry, n: CardEntry) => {
      match.set(o.id, n.id);
      free.splice(free.indexOf(n), 1);
    };
    const rest: CardEntry[] = [];
    for (const o of g.old) {
      const same = free.find((n) => n.m.node.data.name === o.m.node.data.name);
      if (same) pair(o, same);
      else rest.push(o);
    }
    for (const o of rest) {
      const n = free[0];
      if (n) pair(o, n);
    }
  }
  return match;
}

/**
 * Side-independent names for every card of a flow, hidden ones included: a matched card is
 * `c:<new uuid>`, an unmatched old one `old:<uuid>`; an inline flow's event, an If/Else's
 * Join and branch heads are named after their container, so mappings from or into them compare
 * across versions.
 */
export function identities(
  data: RawFloData,
  side: 'old' | 'new',
  match: CardMatch,
): { ids: Map<string, string>; owner: Map<string, string> } {
  const ids = new Map<string, string>();
  /** Hidden card → the visible card it belongs to. */
  const owner = new Map<string, string>();
  for (const c of visibleCards(data))
    ids.set(
      c.id,
      side === 'new' ? `c:${c.id}` : match.has(c.id) ? `c:${match.get(c.id)}` : `old:${c.id}`,
    );
  const of = (id: string): string => ids.get(id) ?? `${side}:${id}`;
  forEachScope(data, (scope: RawScope, path) => {
    const seq = sequenceOf(scope);
    const step = path[path.length - 1];
    if (step && seq.event !== null && !ids.has(seq.event)) {
      const parent = scopeAt(data, path.slice(0, -1));
      const container = parent?.methods.find((m) => m.uuid === step.card);
      const slot =
        step.slot.kind === 'error'
          ? 'error'
          : (container?.node.model.inputs.data[step.slot.field]?.group ?? '');
      ids.set(seq.event, `ev:${of(step.card)}:${slot}`);
      owner.set(seq.event, step.card);
    }
    const visit = (steps: typeof seq.steps): void => {
      for (const s of steps) {
        if (s.type !== 'ifElse') continue;
        if (s.join !== null) {
          ids.set(s.join, `join:${of(s.id)}`);
          owner.set(s.join, s.id);
        }
        for (const b of s.branches) {
          ids.set(b.head, `head:${of(s.id)}:${b.value}`);
          owner.set(b.head, s.id);
          visit(b.steps);
        }
      }
    };
    visit(seq.steps);
  });
  return { ids, owner };
}
