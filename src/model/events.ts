/**
 * Event cards the catalog cannot give as they are: the placeholder of a flow without an
 * event, and the Scheduled Flow variant of the Helper Flow card (shapes as in real exports).
 */
import type { Catalog } from './catalog.ts';
import { createCard } from './catalog.ts';
import type { IdSource } from './ids.ts';
import { freshId, randomIds } from './ids.ts';
import { kernelCard } from './kernelCards.ts';
import type { RawField, RawMethod } from './raw.ts';

/** The `control:noop` event card of a flow saved without an event. */
export function noopEvent(uuid: string): RawMethod {
  return kernelCard({
    channel: 'control',
    key: 'noop',
    uuid,
    title: 'Noop',
    description: 'No-op. Does not do anything.',
    displayed: true,
    timeout: 90000,
    inputs: { extensible: true, data: {} },
    outputs: { extensible: true, data: {} },
  });
}

/** A Scheduled Flow event: the Helper Flow card with only Current Time and Execution ID. */
export function scheduledEvent(
  catalog: Catalog,
  taken: ReadonlySet<string>,
  ids: IdSource = randomIds,
): RawMethod {
  const base = createCard(catalog, 'root:kernel:control:callable', taken, ids);
  const used = new Set<string>();
  const field = (key: string, displayname: string, index: number, input: boolean): RawField => {
    const id = freshId(used, () => ids.short());
    used.add(id);
    const f: RawField = {
      id,
      group: 'context',
      key,
      value: { error: false, type: 'string', collection: false, data: null, available: [] },
      ref: false,
      metadata: { displayname, index },
    };
    return input ? { ...f, required: false, flags: 'd' } : f;
  };
  const inputs = [
    field('execution_time', 'Current Time ', 0, true),
    field('execution_id', 'Execution ID', 1, true),
  ];
  const outputs = [
    field('execution_time', 'Current Time ', 0, false),
    field('execution_id', 'Execution ID', 1, false),
  ];
  const model = base.node.model;
  return {
    ...base,
    node: {
      ...base.node,
      data: { ...base.node.data, name: 'Scheduled Flow' },
      model: {
        ...model,
        metadata: { ...model.metadata, name: 'Scheduled Flow' },
        inputs: { ...model.inputs, data: Object.fromEntries(inputs.map((f) => [f.id, f])) },
        outputs: { ...model.outputs, data: Object.fromEntries(outputs.map((f) => [f.id, f])) },
      },
    },
  };
}
