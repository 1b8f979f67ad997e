/**
 * The inputs a flow takes: a Delegated Flow's form fields (Text, Number, True/False,
 * Date & Time; never lists) and a Helper Flow's parameters. Each input exists twice on the
 * event card, as an input and a mirrored output with its own id; later cards map the output.
 */
import { defaultData, recordOf } from './oktaTypes.ts';
import { isCallable, isDelegated } from './cardRoles.ts';
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { FieldId, IdSource } from './ids.ts';
import { freshId, randomIds } from './ids.ts';
import type { Json, RawField, RawFloData, RawMethod } from './raw.ts';
import { sequenceOf } from './sequence.ts';
import { cleanName, sameName } from './names.ts';

/** Types a Delegated Flow input may have. */
export type DelegatedInputType = 'string' | 'number' | 'boolean' | 'Date';

/** The console's names for those types. */
export const DELEGATED_TYPE_LABELS: Record<DelegatedInputType, string> = {
  string: 'Text',
  number: 'Number',
  boolean: 'True/False',
  Date: 'Date & Time',
};

const DELEGATED_TYPES = new Set<string>(Object.keys(DELEGATED_TYPE_LABELS));
const DELEGATED_AVAILABLE: Json = ['string', 'number', 'Date', 'boolean'];
const HELPER_AVAILABLE: Json = [
  'string',
  'number',
  'boolean',
  'Date',
  'Array',
  'object',
  'file',
  'flo',
];

/** An author-defined input of the flow's event card. */
export interface EventInput {
  key: string;
  type: string;
  collection: boolean;
  input: FieldId;
  output: FieldId | null;
  /** The Okta record the input is typed as (`okta-group`, see INPUT_RECORDS), or null. */
  record: string | null;
}

/** The event card of a flow, if it takes inputs (Delegated Flow or Helper Flow). */
export function inputCard(data: RawFloData): RawMethod | null {
  const event = sequenceOf(data).event;
  const m = data.methods.find((x) => x.uuid === event);
  return m && (isDelegated(m) || isCallable(m)) ? m : null;
}

const inputGroup = (m: RawMethod): string | null => (isDelegated(m) ? 'inputs' : null);

/** The author-defined inputs of the flow's event card, in order. */
export function eventInputs(data: RawFloData): EventInput[] {
  const m = inputCard(data);
  if (!m) return [];
  const group = inputGroup(m);
  const outputs = Object.values(m.node.model.outputs.data);
  return Object.values(m.node.model.inputs.data)
    .filter((f) => f.metadata.custom === true && f.group === group)
    .map((f) => ({
      key: f.key,
      type: typeof f.value.type === 'string' ? f.value.type : 'object',
      collection: f.value.collection,
      record: recordOf(f.value.type),
      input: f.id as FieldId,
      output: (outputs.find((o) => o.key === f.key && o.group === group)?.id ??
        null) as FieldId | null,
    }));
}

function checkType(m: RawMethod, type: Json, collection: boolean): Result<true> {
  if (isDelegated(m) && (collection || typeof type !== 'string' || !DELEGATED_TYPES.has(type)))
    return fail(
      'INPUT_E002',
      `A Delegated Flow input cannot be ${collection ? 'a list' : `of type ${typeof type === 'string' ? type : 'object'}`}; Okta allows Text, Number, True/False and Date & Time.`,
    );
  return ok(true);
}

function withCard(data: RawFloData, m: RawMethod): RawFloData {
  return { ...data, methods: data.methods.map((x) => (x.uuid === m.uuid ? m : x)) };
}

function setFields(
  m: RawMethod,
  inputs: Record<string, RawField>,
  outputs: Record<string, RawField>,
  pins = m.pins,
): RawMethod {
  const model = {
    ...m.node.model,
    inputs: { ...m.node.model.inputs, data: inputs },
    outputs: { ...m.node.model.outputs, data: outputs },
  };
  return { ...m, pins, node: { ...m.node, model } };
}

/** Adds an input to the flow's Delegated Flow or Helper Flow card. */
export function addEventInput(
  data: RawFloData,
  spec: { name: string; type: Json; collection?: boolean },
  ids: IdSource = randomIds,
): Result<{ data: RawFloData; input: FieldId; output: FieldId }> {
  const m = inputCard(data);
  if (!m)
    return fail(
      'INPUT_E001',
      'Only a Delegated Flow or Helper Flow event takes inputs — set the event first.',
    );
  const name = cleanName(spec.name, 'input');
  if (!name.ok) return name;
  const collection = spec.collection ?? false;
  const typed = checkType(m, spec.type, collection);
  if (!typed.ok) return typed;
  if (eventInputs(data).some((i) => sameName(i.key, name.value)))
    return fail(
      'INPUT_E003',
      `The flow already has an input named "${name.value}" — choose another name.`,
    );
  const group = inputGroup(m);
  const ins = m.node.model.inputs.data;
  const outs = m.node.model.outputs.data;
  const index =
    1 +
    Math.max(
      -1,
      ...[...Object.values(ins), ...Object.values(outs)].map((f) => f.metadata.index ?? -1),
    );
  const taken = new Set([...Object.keys(ins), ...Object.keys(outs)]);
  const inputId = freshId(taken, () => ids.short());
  taken.add(inputId);
  const outputId = freshId(taken, () => ids.short());
  const value = {
    error: false,
    type: spec.type,
    collection,
    data: defaultData(spec.type, collection),
    available: isDelegated(m) ? DELEGATED_AVAILABLE : HELPER_AVAILABLE,
  };
  const input: RawField = {
    id: inputId,
    group,
    key: name.value,
    value,
    ref: collection,
    metadata: { index, custom: true },
    required: false,
    flags: 'd',
  };
  const output: RawField = {
    id: outputId,
    group,
    key: name.value,
    value,
    ref: collection,
    metadata: { index, custom: true },
  };
  const next = setFields(m, { ...ins, [inputId]: input }, { ...outs, [outputId]: output });
  return ok({ data: withCard(data, next), input: inputId as FieldId, output: outputId as FieldId });
}

function mapPair(data: RawFloData, key: string, fn: (f: RawField) => RawField): Result<RawFloData> {
  const m = inputCard(data);
  const found = eventInputs(data).find((i) => i.key === key);
  if (!m || !found) return fail('INPUT_E004', `The flow has no input named "${key}".`);
  const group = inputGroup(m);
  const ins = { ...m.node.model.inputs.data };
  const outs = { ...m.node.model.outputs.data };
  for (const rec of [ins, outs])
    for (const [id, f] of Object.entries(rec))
      if (f.key === key && f.group === group && f.metadata.custom) rec[id] = fn(f);
  return ok(withCard(data, setFields(m, ins, outs)));
}

/** Renames an input; mappings from it keep working (they refer to its id). */
export function renameEventInput(
  data: RawFloData,
  key: string,
  newName: string,
): Result<RawFloData> {
  const name = cleanName(newName, 'input');
  if (!name.ok) return name;
  if (eventInputs(data).some((i) => i.key !== key && sameName(i.key, name.value)))
    return fail(
      'INPUT_E003',
      `The flow already has an input named "${name.value}" — choose another name.`,
    );
  return mapPair(data, key, (f) => ({ ...f, key: name.value }));
}

/** Changes an input's type. */
export function setEventInputType(
  data: RawFloData,
  key: string,
  type: Json,
  collection = false,
): Result<RawFloData> {
  const m = inputCard(data);
  if (!m)
    return fail(
      'INPUT_E001',
      'Only a Delegated Flow or Helper Flow event takes inputs — set the event first.',
    );
  const typed = checkType(m, type, collection);
  if (!typed.ok) return typed;
  return mapPair(data, key, (f) => ({
    ...f,
    ref: collection,
    value: { ...f.value, type, collection, data: defaultData(type, collection) },
  }));
}

/** Removes an input and every mapping from it. */
export function removeEventInput(data: RawFloData, key: string): Result<RawFloData> {
  const m = inputCard(data);
  const found = eventInputs(data).find((i) => i.key === key);
  if (!m || !found) return fail('INPUT_E004', `The flow has no input named "${key}".`);
  const ins = Object.fromEntries(
    Object.entries(m.node.model.inputs.data).filter(([id]) => id !== found.input),
  );
  const outs = Object.fromEntries(
    Object.entries(m.node.model.outputs.data).filter(([id]) => id !== found.output),
  );
  const pins = Object.fromEntries(Object.entries(m.pins).filter(([id]) => id !== found.output));
  return ok(withCard(data, setFields(m, ins, outs, pins)));
}

/** How many keys an Object input may declare, and how deep a dotted key may go. */
const MAX_KEYS = 100;
const MAX_KEY_DEPTH = 4;

/**
 * The keys an Object input declares, as the author types them: "ID, Type, Profile.Name"
 * (a dot nests a key inside another). Empty when the input is a plain object.
 */
export function inputKeys(type: Json): string[] {
  const out: string[] = [];
  const walk = (t: Json, prefix: string, depth: number): void => {
    if (t === null || typeof t !== 'object' || Array.isArray(t) || depth > MAX_KEY_DEPTH) return;
    for (const [name, d] of Object.entries(t)) {
      if (d === null || typeof d !== 'object' || Array.isArray(d)) continue;
      const inner = d['type'] ?? null;
      if (inner !== null && typeof inner === 'object' && !Array.isArray(inner))
        walk(inner, `${prefix}${name}.`, depth + 1);
      else out.push(`${prefix}${name}`);
    }
  };
  walk(type, '', 1);
  return out;
}

/**
 * Declares the keys of an Object input (each a Text field; "Profile.Name" nests Name inside
 * Profile), written as Okta's structured type descriptor so later cards and callers offer
 * them as child fields. An empty list makes it a plain object again.
 */
export function setEventInputKeys(
  data: RawFloData,
  key: string,
  keys: readonly string[],
): Result<RawFloData> {
  const found = eventInputs(data).find((i) => i.key === key);
  if (!found) return fail('INPUT_E004', `The flow has no input named "${key}".`);
  if (found.type !== 'object' || found.collection)
    return fail('INPUT_E005', `"${key}" is not an Object input — make it an Object first.`);
  const clean = keys.map((k) => k.trim()).filter((k) => k !== '');
  if (clean.length > MAX_KEYS)
    return fail('INPUT_E006', `An input declares at most ${MAX_KEYS} keys — remove some.`);
  const type: { [k: string]: Json } = {};
  for (const k of clean) {
    const parts = k.split('.').map((p) => p.trim());
    if (parts.length > MAX_KEY_DEPTH || parts.some((p) => p === '' || p.length > 100))
      return fail(
        'INPUT_E007',
        `"${k}" is not a key: use names such as ID or Profile.Name (at most ${MAX_KEY_DEPTH} levels).`,
      );
    let level = type;
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i] as string;
      const last = i === parts.length - 1;
      const existing = level[name];
      if (last) {
        if (existing !== undefined)
          return fail('INPUT_E008', `"${k}" is declared twice — remove one.`);
        level[name] = { type: 'string', collection: false };
        break;
      }
      if (existing === undefined) {
        const inner: { [k: string]: Json } = {};
        level[name] = { type: inner, collection: false };
        level = inner;
        continue;
      }
      const inner =
        existing !== null && typeof existing === 'object' && !Array.isArray(existing)
          ? existing['type']
          : null;
      if (inner === null || typeof inner !== 'object' || Array.isArray(inner))
        return fail(
          'INPUT_E008',
          `"${parts.slice(0, i + 1).join('.')}" is both a key and a group of keys — rename one.`,
        );
      level = inner;
    }
  }
  const next: Json = clean.length ? type : 'object';
  return mapPair(data, key, (f) => ({ ...f, value: { ...f.value, type: next, data: {} } }));
}
