/**
 * Author-defined outputs of extensible cards such as Object – Get Multiple, where each output
 * is a key (or dotted path) picked out of the input object.
 */
import { defaultData } from './oktaTypes.ts';
import { updateCard } from './cards.ts';
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { CardId, FieldId, IdSource } from './ids.ts';
import { freshId, randomIds } from './ids.ts';
import { cleanName, sameName } from './names.ts';
import type { RawField, RawFloData, RawMethod } from './raw.ts';
import type { ScopePath } from './scope.ts';

const AVAILABLE = [
  'string',
  'number',
  'boolean',
  'Date',
  'Array',
  'object',
  'file',
  'flo',
  'folder',
];

/** Adds an output `key` of `type` to an extensible card; returns the output's id. */
export function addCustomOutput(
  data: RawFloData,
  card: CardId,
  spec: { key: string; type?: string },
  path: ScopePath = [],
  ids: IdSource = randomIds,
): Result<{ data: RawFloData; output: FieldId }> {
  let output: FieldId | null = null;
  const r = updateCard(data, path, card, (m) => {
    const outs = m.node.model.outputs;
    if (!outs.extensible)
      return fail('OUTPUT_E001', `"${m.node.data.name}" has a fixed set of outputs.`);
    const name = cleanName(spec.key, 'output');
    if (!name.ok) return name;
    if (Object.values(outs.data).some((f) => sameName(f.key, name.value)))
      return fail('OUTPUT_E002', `"${m.node.data.name}" already has an output "${name.value}".`);
    const id = freshId(
      new Set([...Object.keys(outs.data), ...Object.keys(m.node.model.inputs.data)]),
      () => ids.short(),
    );
    const index = 1 + Math.max(-1, ...Object.values(outs.data).map((f) => f.metadata.index ?? -1));
    const type = spec.type ?? 'string';
    const field: RawField = {
      id,
      group: null,
      key: name.value,
      value: {
        error: false,
        type,
        collection: false,
        data: defaultData(type, false),
        available: AVAILABLE,
      },
      ref: false,
      metadata: { index, custom: true },
    };
    output = id as FieldId;
    return ok({
      ...m,
      node: {
        ...m.node,
        model: { ...m.node.model, outputs: { ...outs, data: { ...outs.data, [id]: field } } },
      },
    });
  });
  if (!r.ok) return r;
  return output ? ok({ data: r.value, output }) : fail('OUTPUT_E003', 'The output was not added.');
}

/** The author-defined outputs of a card (Get Multiple's picked keys), in card order. */
export function customOutputs(m: RawMethod): { id: FieldId; key: string; type: string }[] {
  if (!m.node.model.outputs.extensible) return [];
  return Object.values(m.node.model.outputs.data)
    .filter((f) => f.metadata.custom === true)
    .sort((a, b) => (a.metadata.index ?? 0) - (b.metadata.index ?? 0))
    .map((f) => ({
      id: f.id as FieldId,
      key: f.key,
      type: typeof f.value.type === 'string' ? f.value.type : 'object',
    }));
}

/**
 * Removes an author-defined output and every mapping from it. Outputs the card defines itself
 * cannot be removed.
 */
export function removeCustomOutput(
  data: RawFloData,
  card: CardId,
  output: FieldId,
  path: ScopePath = [],
): Result<RawFloData> {
  return updateCard(data, path, card, (m) => {
    const f = m.node.model.outputs.data[output];
    if (!f)
      return fail('OUTPUT_E004', `"${m.node.data.name}" has no such output — reload the flow.`);
    if (f.metadata.custom !== true)
      return fail(
        'OUTPUT_E005',
        `"${f.key}" is one of "${m.node.data.name}"'s own outputs and cannot be removed.`,
      );
    const outs = Object.fromEntries(
      Object.entries(m.node.model.outputs.data).filter(([id]) => id !== output),
    );
    const pins = Object.fromEntries(Object.entries(m.pins).filter(([id]) => id !== output));
    return ok({
      ...m,
      pins,
      node: {
        ...m.node,
        model: { ...m.node.model, outputs: { ...m.node.model.outputs, data: outs } },
      },
    });
  });
}
