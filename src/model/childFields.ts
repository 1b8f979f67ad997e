/**
 * Child fields of typed object outputs ("Group › Profile › Name"), mapped the way Okta's
 * console stores them: a hidden `object:expand` card fed by the object output, with one
 * `key`/`value` output pair per extracted path, the `value` output pinned to the input.
 */
import { isExpand } from './cardRoles.ts';
import { viewField } from './cards.ts';
import type { WireType } from './wireTypes.ts';
import { wireProblem } from './wireTypes.ts';
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { CardId, FieldId, IdSource } from './ids.ts';
import { freshId, randomIds } from './ids.ts';
import { kernelCard } from './kernelCards.ts';
import { mapField, pinInto, releaseExpand } from './mapping.ts';
import { addEdge, edgeId } from './orderings.ts';
import { availableSources } from './positions.ts';
import type { Json, JsonObject, RawField, RawFloData, RawMethod, RawScope } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { allCardIds, scopeAt, updateScope } from './scope.ts';

/** One child field of a structured type: its path from the object and its own type. */
export interface ChildField {
  path: string[];
  /** "Profile › Name". */
  label: string;
  type: Json;
  collection: boolean;
}

/** How deep child fields are offered (real record types nest at most three levels). */
const MAX_DEPTH = 6;
/** How many child fields one output offers at most. */
const MAX_CHILDREN = 400;

const isDescriptor = (t: Json): t is JsonObject =>
  t !== null && typeof t === 'object' && !Array.isArray(t);

/**
 * The child fields of a structured type descriptor, depth first, in its key order. Lists are
 * offered whole (Okta extracts no path through a list); depth and count are bounded.
 */
export function childFieldsOf(type: Json): ChildField[] {
  const out: ChildField[] = [];
  const walk = (t: JsonObject, path: string[]): void => {
    for (const [name, d] of Object.entries(t)) {
      if (out.length >= MAX_CHILDREN) return;
      if (!isDescriptor(d)) continue;
      const childType = d['type'] ?? null;
      const collection = d['collection'] === true;
      const p = [...path, name];
      out.push({ path: p, label: p.join(' › '), type: childType, collection });
      if (!collection && isDescriptor(childType) && p.length < MAX_DEPTH) walk(childType, p);
    }
  };
  if (isDescriptor(type)) walk(type, []);
  return out;
}

/** The child field at `path` of a field's type, if it declares one. */
export function childAt(field: RawField, path: readonly string[]): ChildField | undefined {
  if (field.value.collection) return undefined;
  const key = path.join('\u0000');
  return childFieldsOf(field.value.type).find((c) => c.path.join('\u0000') === key);
}

const samePathList = (a: Json, b: readonly string[]): boolean =>
  Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);

/** The expand card already extracting from `card`'s `output` in a scope, if any. */
function expandOf(scope: RawScope, card: string, output: string): RawMethod | undefined {
  return scope.methods.find((m) => {
    if (!isExpand(m)) return false;
    const input = Object.values(m.node.model.inputs.data).find((f) => f.key === 'object');
    const pinned = scope.methods
      .find((x) => x.uuid === card)
      ?.pins[output]?.[m.uuid]?.some((t) => t.input === input?.id);
    return input?.metadata['srcOutputId'] === output && pinned === true;
  });
}

/** A new expand card reading `output` of `source`, as Okta's console writes one. */
function newExpand(uuid: string, source: RawMethod, output: RawField, inputId: string): RawMethod {
  const input: RawField = {
    id: inputId,
    group: null,
    key: 'object',
    value: { type: output.value.type, collection: false, data: {}, available: [], error: false },
    required: true,
    ref: false,
    metadata: { srcMethodId: source.uuid, srcOutputId: output.id },
    flags: 'd',
  };
  return kernelCard({
    channel: 'object',
    key: 'expand',
    uuid,
    title: source.uuid,
    description: 'Pick a set of keys out of an object with lists of keys.',
    displayed: false,
    timeout: 30000,
    inputs: { extensible: false, data: { [inputId]: input } },
    outputs: {
      extensible: true,
      groupRules: {
        '*': {
          type: 'object',
          reserved: {
            key: { types: ['string'], collection: '*' },
            value: { types: ['*'], collection: '*' },
          },
          extensible: false,
        },
      },
      data: {},
    },
  });
}

/** Adds the key/value output pair for `child` to an expand card; returns it and the value id. */
function withPair(
  m: RawMethod,
  child: ChildField,
  source: RawMethod,
  output: RawField,
  ids: IdSource,
): { m: RawMethod; value: string; added: boolean } {
  const data = m.node.model.outputs.data;
  const found = Object.values(data).find(
    (f) => f.key === 'value' && samePathList((f.metadata['path'] ?? null) as Json, child.path),
  );
  if (found) return { m, value: found.id, added: false };
  const taken = new Set(Object.keys(data));
  const keyId = freshId(taken, () => ids.short());
  taken.add(keyId);
  const valueId = freshId(taken, () => ids.short());
  const groupIds = new Set(Object.values(data).map((f) => f.group ?? ''));
  const group = freshId(groupIds, () => ids.short());
  const meta = (): RawField['metadata'] => ({
    path: [...child.path],
    srcMethodId: source.uuid,
    srcOutputId: output.id,
  });
  const keyField: RawField = {
    id: keyId,
    group,
    key: 'key',
    value: { error: false, type: 'string', collection: true, data: [...child.path], available: [] },
    ref: true,
    metadata: meta(),
  };
  const valueField: RawField = {
    id: valueId,
    group,
    key: 'value',
    value: {
      error: false,
      type: child.type,
      collection: child.collection,
      data: null,
      available: [],
    },
    ref: child.collection,
    metadata: meta(),
  };
  const outputs = {
    ...m.node.model.outputs,
    data: { ...data, [keyId]: keyField, [valueId]: valueField },
  };
  return {
    m: { ...m, node: { ...m.node, model: { ...m.node.model, outputs } } },
    value: valueId,
    added: true,
  };
}

/** A child field to map: an earlier card's object output and the path inside it. */
export interface ChildSource {
  card: CardId;
  output: FieldId;
  path: readonly string[];
}

/**
 * Maps a child field of an earlier card's object output into an input, through the hidden
 * expand card Okta uses (reused when that output already has one). An empty path maps the
 * whole output.
 */
export function mapChildField(
  data: RawFloData,
  from: ChildSource,
  to: { card: CardId; input: FieldId },
  path: ScopePath = [],
  ids: IdSource = randomIds,
): Result<RawFloData> {
  if (from.path.length === 0)
    return mapField(data, { from: { card: from.card, output: from.output }, to }, path);
  const scope = scopeAt(data, path);
  if (!scope) return fail('MAP_E001', 'That part of the flow no longer exists — reload it.');
  const source = scope.methods.find((m) => m.uuid === from.card);
  const target = scope.methods.find((m) => m.uuid === to.card);
  if (!source || !target)
    return fail('MAP_E002', 'Both cards of a mapping must be in the same part of the flow.');
  const output = source.node.model.outputs.data[from.output];
  const input = target.node.model.inputs.data[to.input];
  if (!output) return fail('MAP_E003', `"${source.node.data.name}" has no output ${from.output}.`);
  if (!input) return fail('MAP_E004', `"${target.node.data.name}" has no input ${to.input}.`);
  const child = childAt(output, from.path);
  if (!child)
    return fail(
      'MAP_E021',
      `"${viewField(output).label}" of "${source.node.data.name}" has no field ${from.path.join(' › ')} — pick one it declares.`,
    );
  if (!availableSources(scope, target.uuid).includes(source.uuid as CardId))
    return fail(
      'MAP_E005',
      `"${source.node.data.name}" does not run before "${target.node.data.name}", so its output cannot feed it — move the card or map an earlier one.`,
    );
  const wire: WireType = {
    label: `${viewField(output).label} › ${child.label}`,
    type: child.type,
    collection: child.collection,
  };
  const problem = wireProblem(wire, {
    label: viewField(input).label,
    type: input.value.type,
    collection: input.value.collection,
  });
  if (problem) return fail('MAP_E020', problem);

  const existing = expandOf(scope, source.uuid, output.id);
  const expandId = existing?.uuid ?? freshId(allCardIds(data), () => ids.short());
  let expand =
    existing ??
    newExpand(
      expandId,
      source,
      output,
      freshId(new Set(), () => ids.short()),
    );
  const paired = withPair(expand, child, source, output, ids);
  expand = paired.m;
  const objectInput = Object.values(expand.node.model.inputs.data).find((f) => f.key === 'object');
  if (!objectInput)
    return fail('MAP_E022', 'The hidden field reader is damaged — remap the field.');
  let next = updateScope(data, path, (s) => {
    let orderings = s.orderings;
    if (edgeId(orderings, source.uuid, expandId) === undefined)
      orderings = addEdge(orderings, source.uuid, expandId, ids);
    if (edgeId(orderings, expandId, target.uuid) === undefined)
      orderings = addEdge(orderings, expandId, target.uuid, ids);
    // Okta writes one self-loop edge per extracted path.
    if (paired.added) orderings = addEdge(orderings, expandId, expandId, ids);
    const methods = existing
      ? s.methods.map((m) => (m.uuid === expandId ? expand : m))
      : [...s.methods, expand];
    return { ...s, methods, orderings };
  });
  if (!existing) {
    const r = pinInto(next, path, source.uuid, output.id, expandId, objectInput.id);
    if (!r.ok) return r;
    next = r.value;
  }
  const r = pinInto(next, path, expandId, paired.value, target.uuid, input.id);
  // The child (or output) this input read before is released if nothing else reads it.
  return r.ok ? ok(releaseExpand(data, r.value, path, { card: target.uuid, input: input.id })) : r;
}

/** The child path a mapped input reads through an expand card, or null for a whole output. */
export function mappedChild(
  scope: RawScope,
  card: string,
  output: string,
): { card: CardId; output: FieldId; path: string[] } | null {
  const m = scope.methods.find((x) => x.uuid === card);
  if (!m || !isExpand(m)) return null;
  const f = m.node.model.outputs.data[output];
  const p = f?.metadata['path'];
  const input = Object.values(m.node.model.inputs.data).find((x) => x.key === 'object');
  const src = input?.metadata['srcMethodId'];
  const out = input?.metadata['srcOutputId'];
  if (!Array.isArray(p) || typeof src !== 'string' || typeof out !== 'string') return null;
  return { card: src as CardId, output: out as FieldId, path: p.map(String) };
}
