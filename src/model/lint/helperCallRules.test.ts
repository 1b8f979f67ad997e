import { describe, expect, it } from 'vitest';
import { add, cardById, catalog, makeWorkspace } from '../../../tests/builders.ts';
import { createCard } from '../catalog.ts';
import { unwrap } from '../errors.ts';
import { addEventInput, eventInputs } from '../eventInputs.ts';
import { createFlow, editFlowContent, setEvent } from '../flows.ts';
import type { HelperSignature } from '../helperCalls.ts';
import { helperSignature, setCalledFlow } from '../helperCalls.ts';
import { setItemRoute } from '../helperItem.ts';
import type { CardId, FieldId } from '../ids.ts';
import { seededIds } from '../ids.ts';
import { mapField } from '../mapping.ts';
import type { RawFloData, RawMethod } from '../raw.ts';
import { allCardIds } from '../scope.ts';
import type { Flow } from '../workspace.ts';
import { lintFlow } from './lint.ts';
import { typesClash } from './helperCallRules.ts';

const out = (m: RawMethod, label: string): FieldId =>
  Object.values(m.node.model.outputs.data).find(
    (f) => f.metadata.displayname === label || f.key === label,
  )!.id as FieldId;

/** Helper (userId: Text, group: Object; both used) and a caller whose For Each calls it. */
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
  const base = unwrap(helperSignature(made.flow.id, helper));
  const sig: HelperSignature = { ...base, inputs: base.inputs.map((i) => ({ ...i, used: true })) };
  const caller = unwrap(createFlow(made.workspace, folderId, { name: 'Caller' }, seededIds(6)));
  let data = unwrap(
    editFlowContent(caller.workspace, caller.flow.id, (d) =>
      setEvent(d, createCard(catalog, 'root:kernel:http:delegated', allCardIds(d), seededIds(7))),
    ),
  ).flows[caller.flow.id]?.data as RawFloData;
  const each = add(data, 'root:kernel:list:each');
  data = unwrap(setCalledFlow(each.data, each.id, sig));
  const flow: Flow = { ...(caller.workspace.flows[caller.flow.id] as Flow), data };
  return { flow, each: each.id, sig, helper };
}

const lint = (flow: Flow, sig: HelperSignature): string[] =>
  lintFlow(flow, { flows: [], helpers: { [sig.id]: sig } })
    .filter((f) => f.rule.startsWith('helper-call'))
    .map((f) => `${f.rule}: ${f.message}`);

describe('helper-call lint rules', () => {
  it('report a helper input nobody passes, then nothing once the caller passes both', () => {
    const s = setup();
    // userId takes the item (it is first); group gets nothing.
    expect(lint(s.flow, s.sig)).toEqual([
      expect.stringMatching(/^helper-call-missing-input: .*“group”/),
    ]);
    const event = s.flow.data.methods[0]!;
    let d = unwrap(setItemRoute(s.flow.data, s.each, 'group'));
    const m = cardById(d, s.each)!;
    const userIdIn = Object.values(m.node.model.inputs.data).find((f) => f.key === 'userId')!;
    d = unwrap(
      mapField(d, {
        from: { card: event.uuid as CardId, output: out(event, 'Okta User ID') },
        to: { card: s.each, input: userIdIn.id as FieldId },
      }),
    );
    expect(lint({ ...s.flow, data: d }, s.sig)).toEqual([]);
  });

  it('report a caller field the helper no longer has (a renamed input)', () => {
    const s = setup();
    const renamed: HelperSignature = {
      ...s.sig,
      inputs: s.sig.inputs.map((i) => (i.key === 'userId' ? { ...i, key: 'oktaUserId' } : i)),
    };
    const found = lint(s.flow, renamed);
    expect(found).toContainEqual(
      expect.stringMatching(/^helper-call-unknown-input: .*passes “userId”.*oktaUserId, group/),
    );
    expect(found).toContainEqual(expect.stringMatching(/^helper-call-missing-input: .*oktaUserId/));
  });

  it('report an item whose type the input cannot take: a group record into Text', () => {
    const s = setup();
    let d = s.flow.data;
    const groups = add(d, 'root:channels:http:okta:getUsersGroups', {
      kind: 'after',
      card: d.methods[0]!.uuid as CardId,
    });
    d = groups.data;
    const source = cardById(d, groups.id)!;
    const groupsOut = Object.values(source.node.model.outputs.data).find((f) => f.value.collection);
    expect(groupsOut).toBeDefined();
    const list = Object.values(cardById(d, s.each)!.node.model.inputs.data).find(
      (f) => f.key === 'list',
    )!;
    d = unwrap(
      mapField(d, {
        from: { card: groups.id, output: groupsOut!.id as FieldId },
        to: { card: s.each, input: list.id as FieldId },
      }),
    );
    // The item goes to userId (Text) — a clash; a field of it that does not exist — an error too.
    expect(lint({ ...s.flow, data: d }, s.sig)).toContainEqual(
      expect.stringMatching(/^helper-call-item-type: .*to “userId”, which takes Text/),
    );
    const wrong = unwrap(setItemRoute(d, s.each, 'userId', 'Nope'));
    expect(lint({ ...s.flow, data: wrong }, s.sig)).toContainEqual(
      expect.stringMatching(/^helper-call-item-type: .*no such field/),
    );
    const fine = unwrap(setItemRoute(d, s.each, 'group'));
    expect(lint({ ...s.flow, data: fine }, s.sig).join('\n')).not.toMatch(/item-type/);
    expect(eventInputs(s.helper)).toHaveLength(2);
  });

  it('treat objects and scalars, lists and single values as clashing; scalars among themselves not', () => {
    const t = (type: string, collection = false) => ({ type, collection });
    expect(typesClash(t('object'), t('string'))).toBe(true);
    expect(typesClash(t('string'), t('object'))).toBe(true);
    expect(typesClash(t('string', true), t('string'))).toBe(true);
    expect(typesClash(t('number'), t('string'))).toBe(false);
    expect(typesClash(t('structured'), t('object'))).toBe(false);
  });
});
