/**
 * Calling a helper flow (Call Flow, Call Flow Async, For Each, Map, Filter, Reduce, Repeat):
 * choosing the helper sets the card's `flo` input and gives the card one field per helper
 * input, matched by key as Okta matches them. On list cards one helper input takes the
 * current item (a "dynamic" proxy: the one it went to before, else the first whose type fits
 * the list's items, else the first) and the others take the same value on every iteration.
 */
import { defaultData } from './oktaTypes.ts';
import { isCallable } from './cardRoles.ts';
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import { eventInputs } from './eventInputs.ts';
import { itemRoute, itemType, setItemRoute, takesItems, typeAtPath } from './helperItem.ts';
import type { CardId, IdSource } from './ids.ts';
import { freshId, randomIds } from './ids.ts';
import { dropPinsIntoInput } from './mapping.ts';
import type { Json, RawField, RawFloData, RawMethod, RawScope } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { forEachScope, scopeAt, updateScope } from './scope.ts';
import { sequenceOf } from './sequence.ts';

/** A helper flow's interface: its inputs (by key) and what its Return cards give back. */
export interface HelperSignature {
  id: string;
  /** `used`: the helper maps the input somewhere (a caller that passes nothing breaks it). */
  inputs: {
    key: string;
    type: string;
    collection: boolean;
    used?: boolean;
    /** The structured type the helper declares for the input, if any (list callers copy it). */
    structure?: Json;
  }[];
  outputs: { key: string; type: string; collection: boolean }[];
}

const LIST_CALLERS = new Set(['each', 'asyncEach', 'map', 'filter', 'reduce', 'times']);
const CALL_CARDS = new Set(['spawn', 'run']);

/** True for cards that run a helper flow by id. */
export const callsHelper = (m: RawMethod): boolean =>
  m.address.startsWith('root:kernel:') &&
  (LIST_CALLERS.has(m.node.key) || CALL_CARDS.has(m.node.key));

/** Reads a helper flow's signature from its content. */
export function helperSignature(id: string, data: RawFloData): Result<HelperSignature> {
  const event = data.methods.find((m) => m.uuid === sequenceOf(data).event);
  if (!event || !isCallable(event))
    return fail('HELPER_E001', 'That flow is not a helper flow (its event is not Helper Flow).');
  const inputs = eventInputs(data).map((i) => {
    const declared = event.node.model.inputs.data[i.input]?.value.type;
    return {
      key: i.key,
      type: i.type,
      collection: i.collection,
      used: i.output !== null && Object.keys(event.pins[i.output] ?? {}).length > 0,
      ...(declared !== undefined && declared !== null && typeof declared === 'object'
        ? { structure: declared }
        : {}),
    };
  });
  const outputs: HelperSignature['outputs'] = [];
  for (const m of data.methods) {
    if (m.node.key !== 'return' || !m.address.startsWith('root:kernel:control:')) continue;
    for (const f of Object.values(m.node.model.inputs.data)) {
      if (outputs.some((o) => o.key === f.key)) continue;
      outputs.push({
        key: f.key,
        type: typeof f.value.type === 'string' ? f.value.type : 'object',
        collection: f.value.collection,
      });
    }
  }
  return ok({ id, inputs, outputs });
}

/**
 * A caller field as Okta writes one: on list cards a fixed-value proxy with the helper's own
 * (structured) type, on Call Flow a transient field typed Text, Number… or Object; never a
 * `ref`, and the type's empty value (`""`, `0`, `{}`, `[]`) until something is typed or mapped.
 */
function callerField(
  m: RawMethod,
  id: string,
  input: HelperSignature['inputs'][number],
  index: number,
): RawField {
  const list = LIST_CALLERS.has(m.node.key);
  const { key, collection } = input;
  const type: Json = list ? (input.structure ?? input.type) : input.type;
  return {
    id,
    group: null,
    key,
    value: {
      error: false,
      proxy: list ? { dynamic: false, path: null, dest: { key, group: null } } : false,
      check: false,
      type,
      collection,
      data: defaultData(type, collection),
      available: [],
    },
    required: false,
    ref: false,
    metadata: list ? { index, custom: true } : { index, custom: true, transient: true },
    flags: 'd',
  };
}

/** Points a calling card at a helper flow and gives it the helper's inputs (and outputs). */
export function setCalledFlow(
  data: RawFloData,
  card: CardId,
  helper: HelperSignature,
  path: ScopePath = [],
  ids: IdSource = randomIds,
): Result<RawFloData> {
  const scope = scopeAt(data, path);
  const m = scope?.methods.find((x) => x.uuid === card);
  if (!scope || !m) return fail('CARD_E002', `Card ${card} is not in this flow — reload it.`);
  if (!callsHelper(m))
    return fail('HELPER_E002', `"${m.node.data.name}" does not call a helper flow.`);
  const ins = m.node.model.inputs.data;
  const flo = Object.values(ins).find((f) => f.key === 'flo' && f.value.type === 'flo');
  if (!flo) return fail('HELPER_E003', `"${m.node.data.name}" has no helper flow input.`);
  const wanted = new Set(helper.inputs.map((i) => i.key));
  const removed = Object.values(ins).filter(
    (f) => f.metadata.custom === true && !wanted.has(f.key),
  );
  const inputs: Record<string, RawField> = {};
  for (const [id, f] of Object.entries(ins)) {
    if (removed.includes(f)) continue;
    inputs[id] = id === flo.id ? { ...f, value: { ...f.value, data: helper.id } } : f;
  }
  const taken = new Set([...Object.keys(ins), ...Object.keys(m.node.model.outputs.data)]);
  let index = 1 + Math.max(-1, ...Object.values(inputs).map((f) => f.metadata.index ?? -1));
  const before = itemRoute(m);
  const itemKey =
    before && wanted.has(before.key) ? before.key : defaultItemInput(scope, m, helper);
  helper.inputs.forEach((h) => {
    if (Object.values(inputs).some((f) => f.key === h.key && f.metadata.custom === true)) return;
    const id = freshId(taken, () => ids.short());
    taken.add(id);
    inputs[id] = callerField(m, id, h, index++);
  });
  let outputs = m.node.model.outputs.data;
  let pins = m.pins;
  if (CALL_CARDS.has(m.node.key) && m.node.key === 'spawn') {
    const keep = new Set(helper.outputs.map((o) => o.key));
    const next: Record<string, RawField> = {};
    for (const [id, f] of Object.entries(outputs)) if (keep.has(f.key)) next[id] = f;
    let oi = 0;
    for (const o of helper.outputs) {
      if (Object.values(next).some((f) => f.key === o.key)) continue;
      const id = freshId(taken, () => ids.short());
      taken.add(id);
      next[id] = {
        id,
        group: null,
        key: o.key,
        value: {
          error: false,
          type: o.type,
          collection: o.collection,
          data: defaultData(o.type, o.collection),
          available: [],
        },
        ref: o.collection,
        metadata: { index: oi++, custom: true },
      };
    }
    pins = Object.fromEntries(Object.entries(pins).filter(([out]) => out in next));
    outputs = next;
  }
  const model = {
    ...m.node.model,
    inputs: { ...m.node.model.inputs, data: inputs },
    outputs: { ...m.node.model.outputs, data: outputs },
  };
  const updated: RawMethod = { ...m, pins, node: { ...m.node, model } };
  const next = updateScope(data, path, (s) => ({
    ...s,
    methods: s.methods.map((x) => {
      if (x.uuid === card) return updated;
      // Mappings into fields the helper no longer has go with them.
      return removed.reduce((acc, f) => dropPinsIntoInput(acc, card, f.id), x);
    }),
  }));
  if (!takesItems(m)) return ok(next);
  const keepPath = before && before.key === itemKey ? before.path : '';
  return setItemRoute(next, card, itemKey, keepPath, path);
}

/** The helper input the item goes to by default: the first whose type fits the items. */
function defaultItemInput(scope: RawScope, m: RawMethod, helper: HelperSignature): string | null {
  const type = itemType(scope, m);
  const item = type === null ? null : typeAtPath(type, '');
  const fits = item && helper.inputs.find((h) => !h.collection && sameKind(h.type, item.type));
  return fits?.key ?? helper.inputs[0]?.key ?? null;
}

const OBJECTS = new Set(['object', 'structured']);
const sameKind = (a: string, b: string): boolean => a === b || (OBJECTS.has(a) && OBJECTS.has(b));

/** The signatures of the helper flows among `flows`, by id (other flows are skipped). */
export function signaturesOf(
  flows: readonly { id: string; data: RawFloData }[],
): Record<string, HelperSignature> {
  const out: Record<string, HelperSignature> = {};
  for (const f of flows) {
    const sig = helperSignature(f.id, f.data);
    if (sig.ok) out[f.id] = sig.value;
  }
  return out;
}

/** The ids of the flows a flow's cards call by id, inline flows included. */
export function calledFlows(data: RawFloData): string[] {
  const ids = new Set<string>();
  forEachScope(data, (s) => {
    for (const m of s.methods) {
      if (!callsHelper(m)) continue;
      const flo = Object.values(m.node.model.inputs.data).find((f) => f.key === 'flo');
      if (typeof flo?.value.data === 'string' && flo.value.data !== '') ids.add(flo.value.data);
    }
  });
  return [...ids];
}
