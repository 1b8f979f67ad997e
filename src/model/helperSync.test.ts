import { describe, expect, it } from 'vitest';
import { add, cardById, catalog, makeWorkspace } from '../../tests/builders.ts';
import { createCard } from './catalog.ts';
import { viewField } from './cards.ts';
import { unwrap } from './errors.ts';
import {
  addEventInput,
  eventInputs,
  removeEventInput,
  renameEventInput,
  setEventInputType,
} from './eventInputs.ts';
import { GROUP_RECORD } from './oktaTypes.ts';
import { createFlow, editFlowContent, setEvent } from './flows.ts';
import { helperSignature, setCalledFlow } from './helperCalls.ts';
import { itemRoute, setItemRoute } from './helperItem.ts';
import { inputRenames, signatureChanged, updateCallers } from './helperSync.ts';
import type { CardId, FieldId } from './ids.ts';
import { seededIds } from './ids.ts';
import { mapField, mappingInto } from './mapping.ts';
import type { RawFloData } from './raw.ts';
import { allCardIds } from './scope.ts';

function setup() {
  const { ws, folderId } = makeWorkspace();
  const made = unwrap(createFlow(ws, folderId, { name: 'Helper B' }, seededIds(4)));
  let helper = unwrap(
    editFlowContent(made.workspace, made.flow.id, (d) =>
      setEvent(d, createCard(catalog, 'root:kernel:control:callable', allCardIds(d), seededIds(5))),
    ),
  ).flows[made.flow.id]?.data as RawFloData;
  helper = unwrap(addEventInput(helper, { name: 'userId', type: 'string' })).data;
  helper = unwrap(addEventInput(helper, { name: 'group', type: 'object' })).data;
  const caller = unwrap(createFlow(made.workspace, folderId, { name: 'Caller' }, seededIds(6)));
  let data = unwrap(
    editFlowContent(caller.workspace, caller.flow.id, (d) =>
      setEvent(d, createCard(catalog, 'root:kernel:http:delegated', allCardIds(d), seededIds(7))),
    ),
  ).flows[caller.flow.id]?.data as RawFloData;
  const each = add(data, 'root:kernel:list:each');
  const spawn = add(each.data, 'root:kernel:control:spawn');
  const sig = unwrap(helperSignature(made.flow.id, helper));
  data = unwrap(setCalledFlow(spawn.data, each.id, sig));
  data = unwrap(setCalledFlow(data, spawn.id, sig));
  data = unwrap(setItemRoute(data, each.id, 'group'));
  const event = data.methods[0]!;
  const out = Object.values(event.node.model.outputs.data).find(
    (f) => f.metadata.displayname === 'Okta User ID',
  )!.id as FieldId;
  for (const card of [each.id, spawn.id]) {
    const input = Object.values(cardById(data, card)!.node.model.inputs.data).find(
      (f) => f.key === 'userId',
    )!.id as FieldId;
    data = unwrap(
      mapField(data, { from: { card: event.uuid as CardId, output: out }, to: { card, input } }),
    );
  }
  return { helperId: made.flow.id, helper, data, each: each.id, spawn: spawn.id };
}

const keys = (d: RawFloData, card: string) =>
  Object.values(cardById(d, card)!.node.model.inputs.data)
    .filter((f) => f.metadata.custom)
    .map((f) => f.key);

describe('keeping callers in step with their helper', () => {
  it('renames the input on every caller, keeping its mapping and the item choice', () => {
    const s = setup();
    const after = unwrap(renameEventInput(s.helper, 'userId', 'oktaUserId'));
    expect(inputRenames(s.helper, after)).toEqual([{ from: 'userId', to: 'oktaUserId' }]);
    expect(signatureChanged(s.helper, after)).toBe(true);
    const r = unwrap(
      updateCallers(
        s.data,
        unwrap(helperSignature(s.helperId, after)),
        inputRenames(s.helper, after),
      ),
    );
    expect(r.cards).toBe(2);
    for (const card of [s.each, s.spawn]) {
      expect(keys(r.data, card)).toEqual(['oktaUserId', 'group']);
      const f = Object.values(cardById(r.data, card)!.node.model.inputs.data).find(
        (x) => x.key === 'oktaUserId',
      )!;
      expect(mappingInto(r.data, card, f.id)).toBeDefined();
      expect(viewField(f).label).toBe('oktaUserId');
    }
    const each = cardById(r.data, s.each)!;
    expect(itemRoute(each)?.key).toBe('group');
    const proxy = Object.values(each.node.model.inputs.data).find((f) => f.key === 'oktaUserId')!
      .value.proxy;
    expect(proxy).toEqual({ dynamic: false, path: null, dest: { key: 'oktaUserId', group: null } });
  });

  it('adds and removes caller fields with the helper’s inputs', () => {
    const s = setup();
    let after = unwrap(removeEventInput(s.helper, 'userId'));
    after = unwrap(addEventInput(after, { name: 'reason', type: 'string' })).data;
    const r = unwrap(updateCallers(s.data, unwrap(helperSignature(s.helperId, after))));
    expect(keys(r.data, s.each)).toEqual(['group', 'reason']);
    expect(keys(r.data, s.spawn)).toEqual(['group', 'reason']);
    expect(itemRoute(cardById(r.data, s.each)!)?.key).toBe('group');
  });

  it('leaves a flow that does not call the helper untouched', () => {
    const s = setup();
    const other = unwrap(
      updateCallers(s.data, { id: 'someone-else', inputs: [], outputs: [] }, []),
    );
    expect(other).toEqual({ data: s.data, cards: 0 });
    expect(signatureChanged(s.helper, s.helper)).toBe(false);
  });

  it('types a helper input as an Okta group record, and sees the retype as a new signature', () => {
    const s = setup();
    const typed = unwrap(setEventInputType(s.helper, 'group', GROUP_RECORD));
    const group = eventInputs(typed).find((i) => i.key === 'group');
    expect(group?.record).toBe('okta-group');
    expect(eventInputs(s.helper).find((i) => i.key === 'group')?.record).toBeNull();
    expect(signatureChanged(s.helper, typed)).toBe(true);
    const sig = unwrap(helperSignature('h', typed));
    expect(sig.inputs.find((i) => i.key === 'group')?.structure).toEqual(GROUP_RECORD);
    const back = unwrap(setEventInputType(typed, 'group', 'object'));
    expect(eventInputs(back).find((i) => i.key === 'group')?.record).toBeNull();
  });
});
