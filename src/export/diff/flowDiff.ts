/**
 * The changes inside one flow: cards added, removed, moved and changed, inputs and mappings,
 * in the order of the new flow (removed cards where they were). Pure; compares model views,
 * never raw JSON, so id noise and key order produce no change.
 */
import { isNote } from '../../model/cardRoles.ts';
import { noteText } from '../../model/cards.ts';
import type { RawFloData } from '../../model/raw.ts';
import { summarize } from '../../model/summary.ts';
import type { CardEntry, Lane } from '../render/lanes.ts';
import { laneText, visibleCards } from '../render/lanes.ts';
import type { Source } from '../render/sources.ts';
import { flowSources } from '../render/sources.ts';
import { cardChanges } from './cardChanges.ts';
import type { DiffContext } from './context.ts';
import type { CardMatch } from './match.ts';
import { identities, matchCards } from './match.ts';
import { mappingFacts } from './mappings.ts';
import { lcsKeep } from './moves.ts';
import type { CardRef, Change, Place } from './types.ts';

/** The changes of a flow's content and which cards they touch. */
export interface FlowContentDiff {
  changes: Change[];
  match: CardMatch;
  oldCards: CardEntry[];
  newCards: CardEntry[];
  /** New uuids of added cards (inner cards of added containers included). */
  added: Set<string>;
  /** Old uuids of removed cards (inner cards included). */
  removed: Set<string>;
  /** New uuids of cards present in both versions that changed in any way. */
  changed: Set<string>;
}

/** A card's reference in change data. */
export function cardRef(e: CardEntry): CardRef {
  const note = isNote(e.m);
  return {
    id: e.id,
    title: shownTitle(e.m),
    app: summarize(e.m, new Map()).app,
    note,
  };
}

const ownerOf = (lane: Lane): string | null =>
  lane.kind === 'branch' || lane.kind === 'arm' ? lane.owner : null;

/** The title a card shows: a note's own title, else the card's name. */
const shownTitle = (m: CardEntry['m']): string =>
  (isNote(m) ? noteText(m).title : '') || m.node.data.name;

function placeOf(e: CardEntry, byId: ReadonlyMap<string, CardEntry>): Place {
  const title = (id: string): string => {
    const m = byId.get(id)?.m;
    return m ? shownTitle(m) : id;
  };
  return { after: e.prev === null ? null : title(e.prev), lane: laneText(e.lane, title) };
}

/** The outermost card in `set` that `e` is nested in (itself when its owner is not). */
function topOf(
  e: CardEntry,
  set: ReadonlySet<string>,
  byId: ReadonlyMap<string, CardEntry>,
): string {
  let cur = e;
  for (;;) {
    const o = ownerOf(cur.lane);
    const owner = o !== null && set.has(o) ? byId.get(o) : undefined;
    if (!owner) return cur.id;
    cur = owner;
  }
}

const sourcesFor = (data: RawFloData) => {
  const all = flowSources(data);
  return (e: CardEntry): Map<string, Source> => all.get(e.scope) ?? new Map<string, Source>();
};

/** Compares two versions of a flow's content. */
export function diffFlowContent(
  oldData: RawFloData,
  newData: RawFloData,
  ctx: DiffContext,
): FlowContentDiff {
  const flow = ctx.flow;
  const oldCards = visibleCards(oldData);
  const newCards = visibleCards(newData);
  const oldById = new Map(oldCards.map((c) => [c.id, c]));
  const newById = new Map(newCards.map((c) => [c.id, c]));
  const match = matchCards(oldCards, newCards);
  const back = new Map([...match].map(([o, n]) => [n, o]));
  const idsOld = identities(oldData, 'old', match);
  const idsNew = identities(newData, 'new', match);
  const oldSources = sourcesFor(oldData);
  const newSources = sourcesFor(newData);

  const keyed: { key: number; change: Change }[] = [];
  const push = (key: number, change: Change) => keyed.push({ key, change });
  const added = new Set(newCards.filter((c) => !back.has(c.id)).map((c) => c.id));
  const removed = new Set(oldCards.filter((c) => !match.has(c.id)).map((c) => c.id));
  const changed = new Set<string>();

  // Added cards: one change per outermost added card, counting what it brings inside it.
  for (const c of newCards) {
    if (!added.has(c.id) || topOf(c, added, newById) !== c.id) continue;
    const inner = newCards.filter(
      (x) => x !== c && added.has(x.id) && topOf(x, added, newById) === c.id,
    ).length;
    push(c.order, { kind: 'cardAdded', flow, card: cardRef(c), place: placeOf(c, newById), inner });
  }
  // Removed cards, placed after the card they followed (in the new order).
  const anchorKey = (c: CardEntry): number => {
    for (const id of [c.prev, ownerOf(c.lane)]) {
      const n = id === null ? undefined : match.get(id);
      const at = n === undefined ? undefined : newById.get(n);
      if (at) return at.order + 0.5;
    }
    return c.order / 1000;
  };
  for (const c of oldCards) {
    if (!removed.has(c.id) || topOf(c, removed, oldById) !== c.id) continue;
    const inner = oldCards.filter(
      (x) => x !== c && removed.has(x.id) && topOf(x, removed, oldById) === c.id,
    ).length;
    push(anchorKey(c), {
      kind: 'cardRemoved',
      flow,
      card: cardRef(c),
      place: placeOf(c, oldById),
      inner,
    });
  }
  // Moves: outside the longest common order, or in another lane.
  const keep = lcsKeep(
    oldCards.filter((c) => match.has(c.id)).map((c) => match.get(c.id) ?? ''),
    newCards.filter((c) => back.has(c.id)).map((c) => c.id),
  );
  const laneKey = (lane: Lane, ids: ReadonlyMap<string, string>): string =>
    lane.kind === 'branch'
      ? `b:${ids.get(lane.owner)}:${lane.value}`
      : lane.kind === 'arm'
        ? `a:${ids.get(lane.owner)}:${lane.index}`
        : lane.kind;
  const moved = new Set<string>();
  for (const c of newCards) {
    const o = oldById.get(back.get(c.id) ?? '');
    if (!o) continue;
    if (keep.has(c.id) && laneKey(o.lane, idsOld.ids) === laneKey(c.lane, idsNew.ids)) continue;
    moved.add(c.id);
  }
  for (const c of newCards) {
    const o = oldById.get(back.get(c.id) ?? '');
    if (!o) continue;
    const card = cardRef(c);
    const owner = ownerOf(c.lane);
    if (moved.has(c.id) && !(owner !== null && moved.has(owner))) {
      push(c.order, {
        kind: 'cardMoved',
        flow,
        card,
        from: placeOf(o, oldById),
        to: placeOf(c, newById),
      });
      changed.add(c.id);
    }
    const own = cardChanges(
      { entry: o, sources: oldSources(o) },
      { entry: c, sources: newSources(c) },
      card,
      ctx,
    );
    for (const x of own) push(c.order, x);
    if (own.length) changed.add(c.id);
  }
  // Mappings between cards present in both versions.
  const newIds = new Set(idsNew.ids.values());
  const common = new Set([...idsOld.ids.values()].filter((v) => newIds.has(v)));
  const visibleOf = (id: string, owner: ReadonlyMap<string, string>): string => owner.get(id) ?? id;
  const factsOld = mappingFacts(oldData, idsOld.ids);
  const factsNew = mappingFacts(newData, idsNew.ids);
  const keysOld = new Set(factsOld.map((f) => f.key));
  const keysNew = new Set(factsNew.map((f) => f.key));
  for (const f of factsNew) {
    if (keysOld.has(f.key) || !common.has(f.fromId) || !common.has(f.toId)) continue;
    const c = newById.get(visibleOf(f.to, idsNew.owner));
    if (!c) continue;
    changed.add(c.id);
    push(c.order + 0.25, { kind: 'mappingAdded', flow, card: cardRef(c), mapping: f.ref });
  }
  for (const f of factsOld) {
    if (keysNew.has(f.key) || !common.has(f.fromId) || !common.has(f.toId)) continue;
    const o = oldById.get(visibleOf(f.to, idsOld.owner));
    const c = o ? newById.get(match.get(o.id) ?? '') : undefined;
    if (!c) continue;
    changed.add(c.id);
    push(c.order + 0.25, { kind: 'mappingRemoved', flow, card: cardRef(c), mapping: f.ref });
  }
  keyed.sort((a, b) => a.key - b.key);
  return {
    changes: keyed.map((k) => k.change),
    match,
    oldCards,
    newCards,
    added,
    removed,
    changed,
  };
}
