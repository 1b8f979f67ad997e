/**
 * Copy, paste and duplicate. A copy carries whole steps (an If/Else with its branches) from
 * one lane. Pasting gives every card, edge and inline flow a new id; a mapping between copied
 * cards comes along, a mapping from a card that was not copied is kept when that same card
 * runs before the paste position — or, from the event card, when the flow pasted into starts
 * with the same event (it then reads that flow's event) — and otherwise dropped and named for
 * a notice.
 */
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { CardId, IdSource } from './ids.ts';
import { freshId, randomIds } from './ids.ts';
import { cardsOfStep, pasteAt } from './insert.ts';
import { availableSources, exitOf, placementOf } from './positions.ts';
import type { InsertAt } from './positions.ts';
import { parseAddress } from './address.ts';
import { viewField } from './cards.ts';
import type { Json, RawFloData, RawMethod, RawPinTarget, RawScope } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { allCardIds, forEachScope, isInlineFlo, scopeAt, updateScope } from './scope.ts';
import { sequenceOf } from './sequence.ts';

/** A mapping into a copied card from a card that was not copied. */
export interface OutsideMapping {
  source: string;
  address: string;
  output: string;
  target: string;
  pin: RawPinTarget;
  /** The source is the lane's event card: another flow's same event can stand in for it. */
  fromEvent: boolean;
  /** The output's key, which names it across flows (its id differs in each). */
  outputKey: string;
  /** The mapping in words, for saying which ones a paste lost. */
  text: string;
}

/** What a copy holds. */
export interface Clip {
  cards: RawMethod[];
  /** Edges among the copied cards, including the chain between copied steps. */
  edges: [string, string][];
  entry: string;
  exit: string;
  /** Top-level chain members (step entries and If/Else joins). */
  members: string[];
  outside: OutsideMapping[];
  titles: string[];
}

/** Copies cards of one lane (given by uuid, in any order) with everything they hold. */
export function copyCards(
  data: RawFloData,
  cards: readonly string[],
  path: ScopePath = [],
): Result<Clip> {
  const scope = scopeAt(data, path);
  if (!scope) return fail('CLIP_E001', 'That part of the flow no longer exists — reload it.');
  const event = sequenceOf(scope).event;
  const places = cards.filter((c) => c !== event).map((c) => ({ c, p: placementOf(scope, c) }));
  const first = places[0]?.p;
  if (!first)
    return fail('CLIP_E002', 'Select one or more cards to copy (the event card cannot be copied).');
  if (places.some(({ p }) => !p || p.list !== first.list))
    return fail('CLIP_E003', 'Copy cards from one lane at a time (not across branches).');
  const steps = places
    .map(({ p }) => p?.index ?? 0)
    .sort((a, b) => a - b)
    .map((i) => first.list[i])
    .filter((s) => s !== undefined);
  const ids = new Set(steps.flatMap(cardsOfStep));
  const copied = scope.methods.filter((m) => ids.has(m.uuid));
  const edges: [string, string][] = Object.values(scope.orderings).filter(
    ([a, b]) => ids.has(a) && ids.has(b) && a !== b,
  );
  const members: string[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (!step) continue;
    members.push(step.id);
    const exit = exitOf(step);
    if (exit && exit !== step.id) members.push(exit);
    const next = steps[i + 1];
    // Copied steps are chained in order even when they were not adjacent.
    if (next && exit) {
      edges.push([exit, next.id]);
    }
  }
  const outside: OutsideMapping[] = [];
  for (const m of scope.methods) {
    if (ids.has(m.uuid)) continue;
    for (const [output, targets] of Object.entries(m.pins))
      for (const [target, list] of Object.entries(targets))
        if (ids.has(target))
          for (const pin of list) {
            const out = m.node.model.outputs.data[output];
            const into = copied.find((c) => c.uuid === target);
            const input = into?.node.model.inputs.data[pin.input];
            const text = `${input ? viewField(input).label : pin.input} of ${into?.node.data.name ?? target} ← ${m.node.data.name} · ${out ? viewField(out).label : output}`;
            outside.push({
              source: m.uuid,
              address: m.address,
              output,
              target,
              pin,
              fromEvent: m.uuid === event,
              outputKey: out?.key ?? '',
              text,
            });
          }
  }
  const cleaned = copied.map((m) => {
    const pins = Object.fromEntries(
      Object.entries(m.pins)
        .map(
          ([out, targets]) =>
            [out, Object.fromEntries(Object.entries(targets).filter(([t]) => ids.has(t)))] as const,
        )
        .filter(([, targets]) => Object.keys(targets).length > 0),
    );
    return { ...m, pins };
  });
  const lastStep = steps[steps.length - 1];
  return ok({
    cards: cleaned,
    edges,
    entry: steps[0]?.id ?? '',
    exit: (lastStep && exitOf(lastStep)) ?? '',
    members,
    outside,
    titles: steps.map((s) => copied.find((m) => m.uuid === s.id)?.node.data.name ?? ''),
  });
}

/** Replaces every string equal to a key of `map`, in keys and values. */
function rewrite<T>(value: T, map: ReadonlyMap<string, string>): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return map.get(v) ?? v;
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[map.get(k) ?? k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

/** New ids for every card (inline flows included), edge and inline flow of a clip. */
function reidentify(
  clip: Clip,
  taken: Set<string>,
  ids: IdSource,
): { clip: Clip; map: Map<string, string> } {
  const map = new Map<string, string>();
  const card = (id: string): void => {
    if (map.has(id)) return;
    const next = freshId(taken, () => ids.short());
    taken.add(next);
    map.set(id, next);
  };
  for (const m of clip.cards) {
    card(m.uuid);
    for (const f of Object.values(m.node.model.inputs.data)) {
      if (isInlineFlo(f.value.data)) {
        forEachScope(f.value.data, (s) => {
          for (const x of s.methods) card(x.uuid);
          for (const e of Object.keys(s.orderings)) map.set(e, ids.short());
        });
      }
    }
    const err = m.node.model.policy.error.flo;
    if (isInlineFlo(err))
      forEachScope(err, (s) => {
        for (const x of s.methods) card(x.uuid);
        for (const e of Object.keys(s.orderings)) map.set(e, ids.short());
      });
  }
  for (const m of clip.cards) {
    const visit = (v: Json | undefined): void => {
      if (isInlineFlo(v)) {
        map.set(v.id, ids.uuid());
        if (v.uuid !== v.id) map.set(v.uuid, ids.uuid());
        for (const x of v.methods)
          for (const f of Object.values(x.node.model.inputs.data)) visit(f.value.data);
      }
    };
    for (const f of Object.values(m.node.model.inputs.data)) visit(f.value.data);
    visit(m.node.model.policy.error.flo);
  }
  return {
    clip: {
      ...clip,
      cards: rewrite(clip.cards, map),
      edges: clip.edges.map(([a, b]) => [map.get(a) ?? a, map.get(b) ?? b]),
      entry: map.get(clip.entry) ?? clip.entry,
      exit: map.get(clip.exit) ?? clip.exit,
      members: clip.members.map((x) => map.get(x) ?? x),
    },
    map,
  };
}

/** What a paste did. */
export interface Pasted {
  data: RawFloData;
  /** The new uuids of the pasted steps' first cards, in order. */
  cards: CardId[];
  /** Mappings that could not come along (their source was not copied). */
  dropped: number;
  /** Those mappings in words ("id of Deactivate User ← Read User · ID"). */
  lost: string[];
}

/** A card's address without its version: the same card in any version. */
const sansVersion = (address: string): string => {
  const a = parseAddress(address);
  return a ? `${a.namespace}:${a.app}:${a.key}` : address;
};

/**
 * Where an outside mapping's source is in the pasted-into lane: the same card (same flow), or
 * for a mapping from the event card, the lane's own event when it is the same event and has
 * an output of the same key. Null when neither runs before the pasted card.
 */
function sourceIn(
  scope: RawScope,
  o: OutsideMapping,
  target: string,
): { card: string; output: string } | null {
  const before = availableSources(scope, target);
  const same = scope.methods.find((m) => m.uuid === o.source && m.address === o.address);
  if (same?.node.model.outputs.data[o.output] && before.includes(o.source as CardId))
    return { card: o.source, output: o.output };
  if (!o.fromEvent || o.outputKey === '') return null;
  const event = scope.methods.find((m) => m.uuid === sequenceOf(scope).event);
  if (!event || sansVersion(event.address) !== sansVersion(o.address)) return null;
  const output = Object.values(event.node.model.outputs.data).find((f) => f.key === o.outputKey);
  return output && before.includes(event.uuid as CardId)
    ? { card: event.uuid, output: output.id }
    : null;
}

/** Pastes a clip at a position (in this flow or another one). */
export function pasteClip(
  data: RawFloData,
  at: InsertAt,
  clip: Clip,
  ids: IdSource = randomIds,
): Result<Pasted> {
  const { clip: fresh, map } = reidentify(clip, allCardIds(data), ids);
  const placed = pasteAt(data, at, fresh, ids);
  if (!placed.ok) return placed;
  let next = placed.value;
  const path = at.path ?? [];
  const scope = scopeAt(next, path);
  const lost: string[] = [];
  for (const o of clip.outside) {
    const target = map.get(o.target) ?? o.target;
    const from = scope ? sourceIn(scope, o, target) : null;
    if (!from) {
      lost.push(o.text);
      continue;
    }
    next = restorePin(next, path, from, o.pin, target);
  }
  const heads = new Set(fresh.members);
  return ok({
    data: next,
    cards: fresh.cards
      .filter((m) => heads.has(m.uuid) && !m.node.key.endsWith('join'))
      .map((m) => m.uuid as CardId),
    dropped: lost.length,
    lost,
  });
}

function restorePin(
  data: RawFloData,
  path: ScopePath,
  from: { card: string; output: string },
  pin: RawPinTarget,
  target: string,
): RawFloData {
  return updateScope(data, path, (s) => ({
    ...s,
    methods: s.methods.map((m) => {
      if (m.uuid !== from.card) return m;
      const targets = m.pins[from.output] ?? {};
      const list = targets[target] ?? [];
      return { ...m, pins: { ...m.pins, [from.output]: { ...targets, [target]: [...list, pin] } } };
    }),
  }));
}

/** Duplicates a card (an If/Else with its branches) right after itself, keeping its mappings. */
export function duplicateCard(
  data: RawFloData,
  card: CardId,
  path: ScopePath = [],
  ids: IdSource = randomIds,
): Result<Pasted> {
  const clip = copyCards(data, [card], path);
  if (!clip.ok) return clip;
  return pasteClip(data, { kind: 'after', card, path }, clip.value, ids);
}
