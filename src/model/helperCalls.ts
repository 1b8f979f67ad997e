/**
 * Calling a helper flow (Call Flow, Call Flow Async, For Each, Map, Filter, Reduce, Repeat):
 * choosing the helper sets the card's `flo` input and gives the card one field per helper
 * input, matched by key as Okta matches them. On list cards the first helper input takes the
 * current item (a "dynamic" proxy) and the others take the same value on every iteration.
 */
import { defaultData } from './oktaTypes.ts';
import { isCallable } from './cardRoles.ts';
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import { eventInputs } from './eventInputs.ts';
import type { CardId, IdSource } from './ids.ts';
import { freshId, randomIds } from './ids.ts';
import { dropPinsIntoInput } from './mapping.ts';
import type { Json, RawField, RawFloData, RawMethod } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { scopeAt, updateScope } from './scope.ts';
import { sequenceOf } from './sequence.ts';

/** A helper flow's interface: its inputs (by key) and what its Return cards give back. */
export interface HelperSignature {
  id: string;
  inputs: { key: string; type: string; collection: boolean }[];
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
  const inputs = eventInputs(data).map((i) => ({
    key: i.key,
    type: i.type,
    collection: i.collection,
  }));
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

function callerField(
  m: RawMethod,
  id: string,
  key: string,
  type: string,
  collection: boolean,
  index: number,
  first: boolean,
): RawField {
  const list = LIST_CALLERS.has(m.node.key);
  return {
    id,
    group: null,
    key,
    value: {
      error: false,
      proxy: list ? { dynamic: first, path: first ? '' : null, dest: { key, group: null } } : false,
      check: false,
      type,
      collection,
      data: defaultData(type, collection),
      available: [],
    },
    required: false,
    ref: collection,
    metadata: list
      ? { index, displayname: key, optional: false, custom: true }
      : { index, custom: true, description: '', displayname: key, transient: true },
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
  helper.inputs.forEach((h, i) => {
    if (Object.values(inputs).some((f) => f.key === h.key && f.metadata.custom === true)) return;
    const id = freshId(taken, () => ids.short());
    taken.add(id);
    inputs[id] = callerField(m, id, h.key, h.type, h.collection, index++, i === 0);
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
          data: null as Json,
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
  return ok(
    updateScope(data, path, (s) => ({
      ...s,
      methods: s.methods.map((x) => {
        if (x.uuid === card) return updated;
        // Mappings into fields the helper no longer has go with them.
        return removed.reduce((acc, f) => dropPinsIntoInput(acc, card, f.id), x);
      }),
    })),
  );
}
