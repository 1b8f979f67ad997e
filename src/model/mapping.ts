/**
 * Mappings: an earlier card's output feeding a later card's input. Okta stores them on the
 * source card: `pins[outputId][targetCardUuid] = [{input, transform}]`.
 */
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { CardId, FieldId } from './ids.ts';
import { availableSources } from './positions.ts';
import type { Json, RawField, RawFloData, RawMethod, RawPins, RawScope } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { scopeAt, updateScope } from './scope.ts';
import { typeProblem } from './wireTypes.ts';
import { isExpand } from './cardRoles.ts';
import { dropEdgesOf } from './orderings.ts';

/** One mapping, flattened. */
export interface Mapping {
  from: { card: CardId; output: FieldId };
  to: { card: CardId; input: FieldId };
  transform: Json;
}

/** Every mapping of a scope, in card order. */
export function mappingsOf(scope: RawScope): Mapping[] {
  const out: Mapping[] = [];
  for (const m of scope.methods) {
    for (const [output, targets] of Object.entries(m.pins)) {
      for (const [card, list] of Object.entries(targets)) {
        for (const t of list) {
          out.push({
            from: { card: m.uuid as CardId, output: output as FieldId },
            to: { card: card as CardId, input: t.input as FieldId },
            transform: t.transform,
          });
        }
      }
    }
  }
  return out;
}

/** The mapping feeding one input, if any. */
export function mappingInto(scope: RawScope, card: string, input: string): Mapping | undefined {
  return mappingsOf(scope).find((x) => x.to.card === card && x.to.input === input);
}

/** Rebuilds pins keeping only targets `keep` accepts; empty maps are removed. */
function filterPins(pins: RawPins, keep: (card: string, input: string) => boolean): RawPins {
  let changed = false;
  const out: RawPins = {};
  for (const [output, targets] of Object.entries(pins)) {
    const nextTargets: RawPins[string] = {};
    for (const [card, list] of Object.entries(targets)) {
      const kept = list.filter((t) => keep(card, t.input));
      if (kept.length !== list.length) changed = true;
      if (kept.length) nextTargets[card] = kept;
    }
    if (Object.keys(nextTargets).length) out[output] = nextTargets;
    else changed = true;
  }
  return changed ? out : pins;
}

/**
 * Sets new pins and updates the console's `_used` marker on outputs that gained their first
 * or lost their last mapping; other outputs are left exactly as they were.
 */
function markUsed(m: RawMethod, pins: RawPins): RawMethod {
  const outputs = m.node.model.outputs.data;
  let data: Record<string, RawField> | null = null;
  for (const [id, f] of Object.entries(outputs)) {
    const was = id in m.pins;
    const is = id in pins;
    if (was === is) continue;
    data ??= { ...outputs };
    if (is) data[id] = { ...f, _used: true };
    else {
      const { _used: _drop, ...rest } = f;
      data[id] = rest;
    }
  }
  if (!data) return { ...m, pins };
  const model = {
    ...m.node.model,
    inputs: mirrorUsed(m, data),
    outputs: { ...m.node.model.outputs, data },
  };
  return { ...m, pins, node: { ...m.node, model } };
}

/** Event cards whose inputs mirror their outputs; Okta marks `_used` on both sides. */
const MIRRORED_EVENTS = new Set(['callable', 'delegated', 'accept']);

function mirrorUsed(
  m: RawMethod,
  outputs: Record<string, RawField>,
): RawMethod['node']['model']['inputs'] {
  const inputs = m.node.model.inputs;
  if (m.node.model.mirrored !== true || !MIRRORED_EVENTS.has(m.node.key)) return inputs;
  const used = new Set(
    Object.values(outputs)
      .filter((f) => f._used === true)
      .map((f) => `${f.group ?? ''}/${f.key}`),
  );
  const data: Record<string, RawField> = {};
  for (const [id, f] of Object.entries(inputs.data)) {
    const is = used.has(`${f.group ?? ''}/${f.key}`);
    if (is === (f._used === true)) data[id] = f;
    else if (is) data[id] = { ...f, _used: true };
    else {
      const { _used: _drop, ...rest } = f;
      data[id] = rest;
    }
  }
  return { ...inputs, data };
}

/** Drops a card's pins into any of `cards`. */
export function dropPinsInto(m: RawMethod, cards: ReadonlySet<string>): RawMethod {
  const pins = filterPins(m.pins, (card) => !cards.has(card));
  return pins === m.pins ? m : markUsed(m, pins);
}

/** Drops a card's pins into one input of another card. */
export function dropPinsIntoInput(m: RawMethod, card: string, input: string): RawMethod {
  const pins = filterPins(m.pins, (c, i) => !(c === card && i === input));
  return pins === m.pins ? m : markUsed(m, pins);
}

/** Drops mappings whose source no longer runs before its target; counts them. */
export function pruneInvalidPins(scope: RawScope): { scope: RawScope; dropped: number } {
  let dropped = 0;
  const allowed = new Map<string, Set<string>>();
  const sourcesOf = (target: string): Set<string> => {
    let set = allowed.get(target);
    if (!set) {
      set = new Set(availableSources(scope, target));
      allowed.set(target, set);
    }
    return set;
  };
  const methods = scope.methods.map((m) => {
    const pins = filterPins(m.pins, (card) => {
      const target = scope.methods.find((x) => x.uuid === card);
      // Join cards collect values from inside branches; expand cards are hidden plumbing.
      if (
        !target ||
        target.node.key === 'join' ||
        target.node.key === 'expand' ||
        m.node.key === 'expand'
      )
        return true;
      const okay = sourcesOf(card).has(m.uuid);
      if (!okay) dropped++;
      return okay;
    });
    return pins === m.pins ? m : markUsed(m, pins);
  });
  return { scope: dropped ? { ...scope, methods } : scope, dropped };
}

/** Maps an earlier card's output into a later card's input (replacing its old mapping). */
export function mapField(
  data: RawFloData,
  mapping: Omit<Mapping, 'transform'> & { transform?: Json },
  path: ScopePath = [],
): Result<RawFloData> {
  const scope = scopeAt(data, path);
  if (!scope) return fail('MAP_E001', 'That part of the flow no longer exists — reload it.');
  const source = scope.methods.find((m) => m.uuid === mapping.from.card);
  const target = scope.methods.find((m) => m.uuid === mapping.to.card);
  if (!source || !target)
    return fail('MAP_E002', 'Both cards of a mapping must be in the same part of the flow.');
  const output = source.node.model.outputs.data[mapping.from.output];
  const input = target.node.model.inputs.data[mapping.to.input];
  if (!output)
    return fail('MAP_E003', `"${source.node.data.name}" has no output ${mapping.from.output}.`);
  if (!input)
    return fail('MAP_E004', `"${target.node.data.name}" has no input ${mapping.to.input}.`);
  if (!availableSources(scope, target.uuid).includes(source.uuid as CardId))
    return fail(
      'MAP_E005',
      `"${source.node.data.name}" does not run before "${target.node.data.name}", so its output cannot feed it — move the card or map an earlier one.`,
    );
  const proxy = input.value.proxy as { dynamic?: unknown } | false | null | undefined;
  if (proxy && typeof proxy === 'object' && proxy.dynamic === true)
    return fail(
      'MAP_E007',
      `"${input.key}" takes the current item of "${target.node.data.name}" — send the item to another input first.`,
    );
  const problem = typeProblem(output, input);
  if (problem) return fail('MAP_E020', problem);
  const r = pinInto(data, path, source.uuid, output.id, target.uuid, input.id, mapping.transform);
  return r.ok ? ok(releaseExpand(data, r.value, path, mapping.to)) : r;
}

/**
 * After the input `to` stopped reading a child field through a hidden expand card (re-mapped or
 * unmapped): drops that child's key/value pair (and one of Okta's self-loop edges) when nothing
 * reads it any more, and the expand card itself when it has no pair left — so a child tried and
 * left behind leaves nothing in the file. Other expand cards are left as they are.
 */
export function releaseExpand(
  before: RawFloData,
  after: RawFloData,
  path: ScopePath,
  to: { card: string; input: string },
): RawFloData {
  const old = scopeAt(before, path);
  const was = old ? mappingInto(old, to.card, to.input) : undefined;
  const scope = scopeAt(after, path);
  const expand = was && scope?.methods.find((m) => m.uuid === was.from.card);
  if (!scope || !was || !expand || !isExpand(expand)) return after;
  const value = was.from.output;
  const read = Object.values(expand.pins[value] ?? {}).some((list) => list.length > 0);
  if (read) return after;
  const outputs = expand.node.model.outputs.data;
  const group = outputs[value]?.group ?? null;
  const pair = (f: RawField) => f.id === value || (group !== null && f.group === group);
  const left = Object.values(outputs).filter((f) => !pair(f));
  const gone = !left.some((f) => f.key === 'value');
  return updateScope(after, path, (s) => {
    if (gone) {
      const cards = new Set([expand.uuid]);
      const methods = s.methods
        .filter((m) => m.uuid !== expand.uuid)
        .map((m) => {
          const pins = filterPins(m.pins, (card) => card !== expand.uuid);
          return pins === m.pins ? m : markUsed(m, pins);
        });
      return { ...s, methods, orderings: dropEdgesOf(s.orderings, cards) };
    }
    const data = Object.fromEntries(left.map((f) => [f.id, f]));
    const pins = Object.fromEntries(Object.entries(expand.pins).filter(([id]) => id in data));
    const kept: RawMethod = {
      ...expand,
      pins,
      node: {
        ...expand.node,
        model: {
          ...expand.node.model,
          outputs: { ...expand.node.model.outputs, data },
        },
      },
    };
    // One self-loop edge per extracted path, as Okta writes them: drop one.
    const loop = Object.entries(s.orderings).find(
      ([, [a, b]]) => a === expand.uuid && b === expand.uuid,
    )?.[0];
    const orderings = loop
      ? Object.fromEntries(Object.entries(s.orderings).filter(([id]) => id !== loop))
      : s.orderings;
    // The edge to the target goes when the expand card feeds it nothing else.
    const stillFeeds = Object.values(pins).some((t) => (t[to.card]?.length ?? 0) > 0);
    const edges = stillFeeds
      ? orderings
      : Object.fromEntries(
          Object.entries(orderings).filter(([, [a, b]]) => !(a === expand.uuid && b === to.card)),
        );
    return {
      ...s,
      methods: s.methods.map((m) => (m.uuid === expand.uuid ? kept : m)),
      orderings: edges,
    };
  });
}

/**
 * Pins `output` of `source` into `input` of `target` (replacing the input's old source),
 * without checking order or types: the caller has (hidden expand cards are not in the
 * visible sequence).
 */
export function pinInto(
  data: RawFloData,
  path: ScopePath,
  source: string,
  output: string,
  target: string,
  input: string,
  transform: Json = null,
): Result<RawFloData> {
  if (!scopeAt(data, path))
    return fail('MAP_E001', 'That part of the flow no longer exists — reload it.');
  return ok(
    updateScope(data, path, (s) => ({
      ...s,
      methods: s.methods.map((m) => {
        // One source per input: drop whatever fed this input before.
        const cleared = dropPinsIntoInput(m, target, input);
        let pins = cleared.pins;
        if (m.uuid === source) {
          const targets = pins[output] ?? {};
          const list = targets[target] ?? [];
          pins = {
            ...pins,
            [output]: { ...targets, [target]: [...list, { input, transform }] },
          };
        }
        return pins === cleared.pins ? cleared : markUsed(cleared, pins);
      }),
    })),
  );
}

/** Removes the mapping into one input. */
export function unmapField(
  data: RawFloData,
  to: Mapping['to'],
  path: ScopePath = [],
): Result<RawFloData> {
  const scope = scopeAt(data, path);
  if (!scope) return fail('MAP_E001', 'That part of the flow no longer exists — reload it.');
  if (!mappingInto(scope, to.card, to.input)) return fail('MAP_E006', 'That input is not mapped.');
  const after = updateScope(data, path, (s) => ({
    ...s,
    methods: s.methods.map((m) => {
      return dropPinsIntoInput(m, to.card, to.input);
    }),
  }));
  return ok(releaseExpand(data, after, path, to));
}

/** What moving a card's mappings onto another card kept and dropped (output names). */
export interface CarriedPins {
  card: RawMethod;
  kept: string[];
  dropped: string[];
}

const outputName = (f: RawField): string => f.metadata?.displayname?.trim() || f.key;

/**
 * Moves `from`'s mappings onto `to` (its replacement, e.g. a new event card), output by
 * output: a mapped output with the same key and group on `to` keeps its mappings, the others
 * are dropped. Says which, by output name.
 */
export function carryPins(from: RawMethod, to: RawMethod): CarriedPins {
  const kept: string[] = [];
  const dropped: string[] = [];
  const targets = Object.values(to.node.model.outputs.data);
  const pins: RawPins = {};
  for (const [outputId, byCard] of Object.entries(from.pins)) {
    if (Object.keys(byCard).length === 0) continue;
    const f = from.node.model.outputs.data[outputId];
    if (!f) continue;
    const g = targets.find((x) => x.key === f.key && (x.group ?? '') === (f.group ?? ''));
    if (g) {
      pins[g.id] = byCard;
      kept.push(outputName(f));
    } else dropped.push(outputName(f));
  }
  const card = Object.keys(pins).length ? markUsed({ ...to, pins: {} }, pins) : to;
  return { card, kept, dropped };
}
