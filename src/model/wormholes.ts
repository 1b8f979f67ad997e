/**
 * Handing a value into an inline flow (If Error, If/ElseIf arms, event wrappers). Mappings never
 * cross a flow boundary; Okta uses "wormholes" instead: the container card gets a hidden
 * `context` input fed by the outside card, and the inline flow's event card a matching input
 * and output (same key) that cards inside map from.
 */
import { isExpand } from './cardRoles.ts';
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { CardId, FieldId, IdSource } from './ids.ts';
import { freshId, randomIds } from './ids.ts';
import { mapChildField } from './childFields.ts';
import { dropPinsIntoInput, mapField } from './mapping.ts';
import { availableSources } from './positions.ts';
import type { RawField, RawFloData, RawMethod } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { inlineAt, scopeAt, updateScope, withInline } from './scope.ts';
import { sequenceOf } from './sequence.ts';

/**
 * Maps an output of a card outside an inline flow (or, with `from.path`, one child field of it)
 * into an input of a card inside it.
 */
export function mapFromOutside(
  data: RawFloData,
  from: { card: CardId; output: FieldId; path?: readonly string[] },
  to: { card: CardId; input: FieldId },
  innerPath: ScopePath,
  ids: IdSource = randomIds,
): Result<RawFloData> {
  const step = innerPath[innerPath.length - 1];
  const outerPath = innerPath.slice(0, -1);
  const outer = scopeAt(data, outerPath);
  const container = step ? outer?.methods.find((m) => m.uuid === step.card) : undefined;
  const inner = container && step ? inlineAt(container, step.slot) : null;
  if (!step || !outer || !container || !inner)
    return fail('MAP_E010', 'That card is not inside an inline flow.');
  const source = outer.methods.find((m) => m.uuid === from.card);
  const output = source?.node.model.outputs.data[from.output];
  if (!source || !output)
    return fail('MAP_E011', 'The outside card or its output no longer exists.');
  if (!availableSources(outer, container.uuid).includes(from.card))
    return fail(
      'MAP_E012',
      `"${source.node.data.name}" does not run before "${container.node.data.name}", so it cannot hand a value into it.`,
    );
  const innerEvent = sequenceOf(inner).event;
  const event = inner.methods.find((m) => m.uuid === innerEvent);
  if (!event) return fail('MAP_E013', 'The inline flow has no event card.');

  // Reuse a wormhole that already carries this output into this inline flow.
  const existing = Object.values(container.node.model.inputs.data).find(
    (f) =>
      f.group === 'context' &&
      f.metadata['wormholeMethodId'] === event.uuid &&
      (source.pins[output.id]?.[container.uuid] ?? []).some((t) => t.input === f.id),
  );
  let next = data;
  let key = existing?.key;
  if (!existing) {
    const taken = new Set(Object.values(container.node.model.inputs.data).map((f) => f.key));
    for (const f of Object.values(event.node.model.inputs.data)) taken.add(f.key);
    key = freshId(taken, () => ids.short());
    const type = output.value.type;
    const collection = output.value.collection;
    const containerIds = new Set(Object.keys(container.node.model.inputs.data));
    const inputId = freshId(containerIds, () => ids.short());
    const hole: RawField = {
      id: inputId,
      group: 'context',
      key,
      value: {
        error: false,
        proxy: false,
        check: false,
        type,
        collection,
        data: null,
        available: [],
      },
      required: false,
      ref: false,
      metadata: { forceHide: true, wormholeMethodId: event.uuid },
      flags: 'd',
    };
    const eventIds = new Set([
      ...Object.keys(event.node.model.inputs.data),
      ...Object.keys(event.node.model.outputs.data),
    ]);
    const innerIn = freshId(eventIds, () => ids.short());
    eventIds.add(innerIn);
    const innerOut = freshId(eventIds, () => ids.short());
    const meta = { forceHide: true, wormholeMethodId: container.uuid };
    const eventIn: RawField = {
      id: innerIn,
      group: 'context',
      key,
      value: { error: false, type, collection, data: null, available: [] },
      ref: false,
      metadata: meta,
      required: false,
      flags: 'd',
    };
    const eventOut: RawField = {
      id: innerOut,
      group: 'context',
      key,
      value: { error: false, type, collection, data: null, available: [] },
      ref: false,
      metadata: meta,
    };
    const withFields = (m: RawMethod, io: 'inputs' | 'outputs', fields: RawField[]): RawMethod => ({
      ...m,
      node: {
        ...m.node,
        model: {
          ...m.node.model,
          [io]: {
            ...m.node.model[io],
            data: { ...m.node.model[io].data, ...Object.fromEntries(fields.map((f) => [f.id, f])) },
          },
        },
      },
    });
    const newEvent = withFields(withFields(event, 'inputs', [eventIn]), 'outputs', [eventOut]);
    const newInner = {
      ...inner,
      methods: inner.methods.map((m) => (m.uuid === event.uuid ? newEvent : m)),
    };
    const newContainer = withInline(withFields(container, 'inputs', [hole]), step.slot, newInner);
    next = updateScope(next, outerPath, (s) => ({
      ...s,
      methods: s.methods.map((m) => (m.uuid === container.uuid ? newContainer : m)),
    }));
    const outside = mapField(
      next,
      { from, to: { card: container.uuid as CardId, input: inputId as FieldId } },
      outerPath,
    );
    if (!outside.ok) return outside;
    next = outside.value;
  }
  const innerScope = scopeAt(next, innerPath);
  const handedOut = Object.values(
    innerScope?.methods.find((m) => m.uuid === event.uuid)?.node.model.outputs.data ?? {},
  ).find((f) => f.group === 'context' && f.key === key);
  if (!handedOut) return fail('MAP_E014', 'The value could not be handed into the inline flow.');
  const before = handedKey(data, innerPath, to);
  const handed = { card: event.uuid as CardId, output: handedOut.id as FieldId };
  // A child field ("Group › ID"): the whole object is handed in and a hidden expand card inside
  // the inline flow reads the field, as Okta's inline flows expand their own event's values.
  const inside = from.path?.length
    ? mapChildField(next, { ...handed, path: from.path }, to, innerPath, ids)
    : mapField(next, { from: handed, to }, innerPath);
  if (!inside.ok) return inside;
  // The value this input read before is dropped once nothing inside reads it.
  return ok(
    before !== null && before !== key
      ? dropUnreadWormhole(inside.value, innerPath, before)
      : inside.value,
  );
}

/** The key of the handed-in value an input of a card inside an inline flow reads, if any. */
export function handedKey(
  data: RawFloData,
  innerPath: ScopePath,
  to: { card: CardId; input: FieldId },
): string | null {
  const inner = scopeAt(data, innerPath);
  const event = inner?.methods.find((m) => m.uuid === (inner && sequenceOf(inner).event));
  if (!inner || !event) return null;
  const feeds = (m: RawMethod): boolean =>
    Object.values(m.pins).some((targets) =>
      (targets[to.card] ?? []).some((t) => t.input === to.input),
    );
  for (const [output, targets] of Object.entries(event.pins))
    if ((targets[to.card] ?? []).some((t) => t.input === to.input)) {
      const f = event.node.model.outputs.data[output];
      return f?.group === 'context' && f.metadata['wormholeMethodId'] !== undefined ? f.key : null;
    }
  // A child field ("Group › ID") reads the handed-in value through a hidden expand card.
  const expand = inner.methods.find((m) => isExpand(m) && m.uuid !== to.card && feeds(m));
  const object = expand && Object.keys(expand.node.model.inputs.data)[0];
  return expand && object
    ? handedKey(data, innerPath, { card: expand.uuid as CardId, input: object as FieldId })
    : null;
}

/**
 * Removes a value handed into an inline flow (`key`) once no card inside reads it: the
 * container's hidden input, the mapping feeding it, and the inner event's matching fields. A
 * re-mapped or unmapped input leaves nothing behind; a handed-in value still read stays.
 */
export function dropUnreadWormhole(
  data: RawFloData,
  innerPath: ScopePath,
  key: string,
): RawFloData {
  const step = innerPath[innerPath.length - 1];
  const outerPath = innerPath.slice(0, -1);
  const outer = scopeAt(data, outerPath);
  const container = step ? outer?.methods.find((m) => m.uuid === step.card) : undefined;
  const inner = container && step ? inlineAt(container, step.slot) : null;
  const event = inner?.methods.find((m) => m.uuid === (inner && sequenceOf(inner).event));
  if (!step || !outer || !container || !inner || !event) return data;
  const isHole = (f: RawField, owner: string): boolean =>
    f.group === 'context' && f.key === key && f.metadata['wormholeMethodId'] === owner;
  const outs = Object.values(event.node.model.outputs.data).filter((f) =>
    isHole(f, container.uuid),
  );
  if (outs.length === 0 || outs.some((f) => Object.keys(event.pins[f.id] ?? {}).length > 0))
    return data;
  const hole = Object.values(container.node.model.inputs.data).find((f) => isHole(f, event.uuid));
  if (!hole) return data;
  const without = (rec: Record<string, RawField>, owner: string): Record<string, RawField> =>
    Object.fromEntries(Object.entries(rec).filter(([, f]) => !isHole(f, owner)));
  const newEvent: RawMethod = {
    ...event,
    pins: Object.fromEntries(
      Object.entries(event.pins).filter(([id]) => !outs.some((f) => f.id === id)),
    ),
    node: {
      ...event.node,
      model: {
        ...event.node.model,
        inputs: {
          ...event.node.model.inputs,
          data: without(event.node.model.inputs.data, container.uuid),
        },
        outputs: {
          ...event.node.model.outputs,
          data: without(event.node.model.outputs.data, container.uuid),
        },
      },
    },
  };
  const newInner = {
    ...inner,
    methods: inner.methods.map((m) => (m.uuid === event.uuid ? newEvent : m)),
  };
  const newContainer = withInline(
    {
      ...container,
      node: {
        ...container.node,
        model: {
          ...container.node.model,
          inputs: {
            ...container.node.model.inputs,
            data: without(container.node.model.inputs.data, event.uuid),
          },
        },
      },
    },
    step.slot,
    newInner,
  );
  return updateScope(data, outerPath, (s) => ({
    ...s,
    methods: s.methods.map((m) =>
      m.uuid === container.uuid ? newContainer : dropPinsIntoInput(m, container.uuid, hole.id),
    ),
  }));
}
