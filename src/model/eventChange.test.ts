import { describe, expect, it } from 'vitest';
import {
  add,
  cardById,
  catalog,
  deepFreeze,
  fieldId,
  makeDelegatedFlow,
  makeWorkspace,
} from '../../tests/builders.ts';
import { createCard } from './catalog.ts';
import { unwrap } from './errors.ts';
import { createFlow, eventCardOf, eventChangePlan, setEvent } from './flows.ts';
import { seededIds } from './ids.ts';
import type { CardId } from './ids.ts';
import { mapField, mappingsOf } from './mapping.ts';
import type { RawFloData } from './raw.ts';
import { allCardIds } from './scope.ts';

/** A delegated flow whose Read User takes Okta User ID and whose Compose takes Execution ID. */
function mappedFlow(): { data: RawFloData; read: CardId; compose: CardId } {
  const { ws, flowId } = makeDelegatedFlow();
  let data = ws.flows[flowId]?.data as RawFloData;
  const read = add(data, 'root:channels:http:okta:readUser');
  const compose = add(read.data, 'root:kernel:string:compose');
  data = compose.data;
  const event = eventCardOf(data)!;
  data = unwrap(
    mapField(data, {
      from: { card: event.uuid as CardId, output: fieldId(event, 'outputs', 'okta-user-id') },
      to: { card: read.id, input: fieldId(cardById(data, read.id), 'inputs', 'ID or Login') },
    }),
  );
  data = unwrap(
    mapField(data, {
      from: { card: event.uuid as CardId, output: fieldId(event, 'outputs', 'execution_id') },
      to: { card: compose.id, input: fieldId(cardById(data, compose.id), 'inputs', '_text_') },
    }),
  );
  return { data: deepFreeze(data), read: read.id, compose: compose.id };
}

const helperEvent = (d: RawFloData) =>
  createCard(catalog, 'root:kernel:control:callable', allCardIds(d), seededIds(41));

describe('changing the event of a flow', () => {
  it('says which mappings of the old event it keeps and which it drops', () => {
    const { data } = mappedFlow();
    expect(eventChangePlan(data, helperEvent(data))).toEqual({
      from: 'Delegated Flow',
      kept: ['Execution ID'],
      dropped: ['Okta User ID'],
    });
  });

  it('keeps the mappings of outputs the new event also has', () => {
    const { data, read, compose } = mappedFlow();
    const next = unwrap(setEvent(data, helperEvent(data)));
    const event = eventCardOf(next)!;
    expect(event.node.key).toBe('callable');
    const maps = mappingsOf(next).filter((m) => m.from.card === event.uuid);
    expect(maps.map((m) => m.to.card)).toEqual([compose]);
    expect(maps.map((m) => m.to.card)).not.toContain(read);
    const out = event.node.model.outputs.data[maps[0]!.from.output];
    expect(out?.key).toBe('execution_id');
    expect(out?._used).toBe(true);
  });

  it('asks nothing of a flow without an event', () => {
    const { ws, folderId } = makeWorkspace();
    const data = unwrap(createFlow(ws, folderId, {}, seededIds(2))).flow.data;
    expect(eventChangePlan(data, helperEvent(data))).toBeNull();
  });
});
