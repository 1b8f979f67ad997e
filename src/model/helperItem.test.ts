import { describe, expect, it } from 'vitest';
import { add, cardById, catalog, fieldId, makeWorkspace } from '../../tests/builders.ts';
import { createCard } from './catalog.ts';
import { unwrap } from './errors.ts';
import { addEventInput, eventInputs } from './eventInputs.ts';
import { createFlow, editFlowContent, setEvent } from './flows.ts';
import { helperSignature, setCalledFlow } from './helperCalls.ts';
import { fedByItem, itemRoute, setItemRoute, typeAtPath } from './helperItem.ts';
import type { FieldId } from './ids.ts';
import { seededIds } from './ids.ts';
import { mapField } from './mapping.ts';
import type { RawFloData } from './raw.ts';
import { allCardIds } from './scope.ts';
import { sourcesOf, summarize } from './summary.ts';

/** Helper "Helper B" with inputs userId (first, text) and group (object); a For Each calling it. */
function setup(order: 'userId-first' | 'group-first' = 'userId-first') {
  const { ws, folderId } = makeWorkspace();
  const made = unwrap(createFlow(ws, folderId, { name: 'Helper B' }, seededIds(4)));
  let helper = unwrap(
    editFlowContent(made.workspace, made.flow.id, (d) =>
      setEvent(d, createCard(catalog, 'root:kernel:control:callable', allCardIds(d), seededIds(5))),
    ),
  ).flows[made.flow.id]?.data as RawFloData;
  const specs = [
    { name: 'userId', type: 'string' },
    { name: 'group', type: 'object' },
  ];
  for (const spec of order === 'userId-first' ? specs : [...specs].reverse())
    helper = unwrap(addEventInput(helper, spec)).data;
  const caller = unwrap(createFlow(made.workspace, folderId, { name: 'Caller' }, seededIds(6)));
  let data = unwrap(
    editFlowContent(caller.workspace, caller.flow.id, (d) =>
      setEvent(d, createCard(catalog, 'root:kernel:http:delegated', allCardIds(d), seededIds(7))),
    ),
  ).flows[caller.flow.id]?.data as RawFloData;
  const each = add(data, 'root:kernel:list:each');
  data = each.data;
  const sig = unwrap(helperSignature(made.flow.id, helper));
  data = unwrap(setCalledFlow(data, each.id, sig));
  return { data, each: each.id, helperId: made.flow.id, helper, sig };
}

describe('the current item of a list card', () => {
  it('goes to one helper input, shown as such, and can be sent to another', () => {
    const s = setup();
    const first = itemRoute(cardById(s.data, s.each)!);
    expect(first?.key).toBe('userId');
    const d = unwrap(setItemRoute(s.data, s.each, 'group', '', []));
    const m = cardById(d, s.each)!;
    expect(itemRoute(m)).toMatchObject({ key: 'group', path: '' });
    const proxies = Object.values(m.node.model.inputs.data)
      .filter((f) => f.metadata.custom)
      .map((f) => [f.key, f.value.proxy]);
    expect(proxies).toEqual([
      ['userId', { dynamic: false, path: null, dest: { key: 'userId', group: null } }],
      ['group', { dynamic: true, path: '', dest: { key: 'group', group: null } }],
    ]);
    const lines = summarize(m, sourcesOf(d)).inputs;
    expect(lines).toContainEqual({ label: 'group', text: 'current item', mapped: true });
    expect(lines.some((l) => l.label === 'userId')).toBe(false);
  });

  it('takes a field of the item by Okta path, and reads it as a child', () => {
    const s = setup();
    const d = unwrap(setItemRoute(s.data, s.each, 'userId', 'Profile.Name', []));
    const m = cardById(d, s.each)!;
    expect(itemRoute(m)).toMatchObject({ key: 'userId', path: 'Profile.Name' });
    expect(summarize(m, sourcesOf(d)).inputs).toContainEqual({
      label: 'userId',
      text: 'current item › Profile › Name',
      mapped: true,
    });
  });

  it('drops the mapping of the input that starts taking the item, and refuses a new one', () => {
    const s = setup();
    const event = s.data.methods[0]!;
    const userIdOut = Object.values(event.node.model.outputs.data).find(
      (f) => f.metadata.displayname === 'Okta User ID',
    )!.id as FieldId;
    const m = cardById(s.data, s.each)!;
    const groupIn = fieldId(m, 'inputs', 'group');
    // The item goes to userId first: mapping group is fine.
    let d = unwrap(
      mapField(s.data, {
        from: { card: event.uuid as never, output: userIdOut },
        to: { card: s.each, input: groupIn },
      }),
    );
    expect(Object.keys(cardById(d, event.uuid)!.pins)).toContain(userIdOut);
    d = unwrap(setItemRoute(d, s.each, 'group'));
    expect(cardById(d, event.uuid)!.pins[userIdOut]?.[s.each]).toBeUndefined();
    expect(fedByItem(cardById(d, s.each)!, groupIn)).toBe(true);
    const again = mapField(d, {
      from: { card: event.uuid as never, output: userIdOut },
      to: { card: s.each, input: groupIn },
    });
    expect(again.ok ? null : again.problems[0]?.code).toBe('MAP_E007');
  });

  it('keeps the chosen input when the helper is chosen again, whatever the input order', () => {
    for (const order of ['userId-first', 'group-first'] as const) {
      const s = setup(order);
      const d = unwrap(setItemRoute(s.data, s.each, 'group', 'ID'));
      const again = unwrap(setCalledFlow(d, s.each, s.sig));
      expect(itemRoute(cardById(again, s.each)!)).toMatchObject({ key: 'group', path: 'ID' });
      expect(eventInputs(s.helper).map((i) => i.key)).toHaveLength(2);
    }
  });

  it('refuses an input the card does not have and a card that takes no items', () => {
    const s = setup();
    const r = setItemRoute(s.data, s.each, 'nope');
    expect(r.ok ? null : r.problems[0]?.code).toBe('HELPER_E005');
    const e = setItemRoute(s.data, s.data.methods[0]!.uuid as never, 'x');
    expect(e.ok ? null : e.problems[0]?.code).toBe('HELPER_E004');
  });

  it('finds the type of a child in Okta’s structured type descriptors', () => {
    const groups = {
      ID: { type: 'string', collection: false },
      Profile: { type: { Name: { type: 'string', collection: false } }, collection: false },
    };
    expect(typeAtPath(groups, '')).toEqual({ type: 'object', collection: false });
    expect(typeAtPath(groups, 'Profile.Name')).toEqual({ type: 'string', collection: false });
    expect(typeAtPath(groups, 'Profile')).toEqual({ type: 'object', collection: false });
    expect(typeAtPath(groups, 'Nope')).toBeNull();
    expect(typeAtPath('object', 'Anything')).toEqual({ type: 'object', collection: false });
    expect(typeAtPath('string', 'x')).toBeNull();
  });
});
