/**
 * Handing a value into an inline flow (If Error, If/ElseIf arms, event wrappers). Mappings never
 * cross a flow boundary; Okta uses "wormholes" instead: the container card gets a hidden
 * `context` input fed by the outside card, and the inline flow's event card a matching input
 * and output (same key) that cards inside map from.
 */
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { CardId, FieldId, IdSource } from './ids.ts';
import { freshId, randomIds } from './ids.ts';
import { mapField } from './mapping.ts';
import { availableSources } from './positions.ts';
import type { RawField, RawFloData, RawMethod } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { inlineAt, scopeAt, updateScope, withInline } from './scope.ts';
import { sequenceOf } from './sequence.ts';

/** Maps an output of a card outside an inline flow into an input of a card inside it. */
export function mapFromOutside(
  data: RawFloData,
  from: { card: CardId; output: FieldId },
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
  const inside = mapField(
    next,
    { from: { card: event.uuid as CardId, output: handedOut.id as FieldId }, to },
    innerPath,
  );
  return inside.ok ? ok(inside.value) : inside;
}
