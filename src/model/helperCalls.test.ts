import { describe, expect, it } from 'vitest';
import { add, cardById, catalog, makeWorkspace } from '../../tests/builders.ts';
import { checkFlopack } from '../export/flopack/check.ts';
import { createCard } from './catalog.ts';
import { unwrap } from './errors.ts';
import { addEventInput } from './eventInputs.ts';
import { createFlow, editFlowContent, setEvent } from './flows.ts';
import { helperSignature, setCalledFlow } from './helperCalls.ts';
import { seededIds } from './ids.ts';
import type { RawFloData } from './raw.ts';
import { allCardIds } from './scope.ts';

/** A helper flow with inputs "group" (object) and "userId" (text), and a caller flow. */
function setup() {
  const { ws, folderId } = makeWorkspace();
  const helperMade = unwrap(
    createFlow(ws, folderId, { name: 'Remove user from group' }, seededIds(4)),
  );
  let helper = unwrap(
    editFlowContent(helperMade.workspace, helperMade.flow.id, (d) =>
      setEvent(d, createCard(catalog, 'root:kernel:control:callable', allCardIds(d), seededIds(5))),
    ),
  ).flows[helperMade.flow.id]?.data as RawFloData;
  helper = unwrap(addEventInput(helper, { name: 'group', type: 'object' })).data;
  helper = unwrap(addEventInput(helper, { name: 'userId', type: 'string' })).data;
  const caller = unwrap(
    createFlow(helperMade.workspace, folderId, { name: 'Quarantine' }, seededIds(6)),
  );
  let data = unwrap(
    editFlowContent(caller.workspace, caller.flow.id, (d) =>
      setEvent(d, createCard(catalog, 'root:kernel:http:delegated', allCardIds(d), seededIds(7))),
    ),
  ).flows[caller.flow.id]?.data as RawFloData;
  const each = add(data, 'root:kernel:list:each');
  data = each.data;
  const spawn = add(data, 'root:kernel:control:spawn');
  return {
    helperId: helperMade.flow.id,
    helper,
    data: spawn.data,
    each: each.id,
    spawn: spawn.id,
  };
}

const valid = (data: RawFloData, helperId: string, helper: RawFloData): string[] =>
  checkFlopack({
    type: 'flopack',
    version: '1.5.0',
    created: 'x',
    flags: {},
    data: {
      flos: {
        [data.uuid]: { id: data.uuid, name: 'c', description: '', data },
        [helperId]: { id: helperId, name: 'h', description: '', data: helper },
      },
      configs: {},
      tables: {},
      groups: {},
    },
  }).map((p) => p.message);

describe('calling a helper flow', () => {
  it('reads the helper signature from its Helper Flow card', () => {
    const s = setup();
    const sig = unwrap(helperSignature(s.helperId, s.helper));
    expect(sig.inputs.map((i) => `${i.key}:${i.type}`)).toEqual(['group:object', 'userId:string']);
  });

  it('gives For Each one field per helper input: the first takes the item, the others a fixed value', () => {
    const s = setup();
    const sig = unwrap(helperSignature(s.helperId, s.helper));
    const d = unwrap(setCalledFlow(s.data, s.each, sig));
    const each = cardById(d, s.each);
    const fields = Object.values(each?.node.model.inputs.data ?? {});
    expect(fields.find((f) => f.key === 'flo')?.value.data).toBe(s.helperId);
    const custom = fields.filter((f) => f.metadata.custom);
    expect(custom.map((f) => [f.key, (f.value.proxy as { dynamic: boolean }).dynamic])).toEqual([
      ['group', true],
      ['userId', false],
    ]);
    expect(custom[0]?.value.proxy).toEqual({
      dynamic: true,
      path: '',
      dest: { key: 'group', group: null },
    });
    expect(valid(d, s.helperId, s.helper)).toEqual([]);
  });

  it('gives Call Flow transient fields, and drops fields the next helper does not have', () => {
    const s = setup();
    const sig = unwrap(helperSignature(s.helperId, s.helper));
    let d = unwrap(setCalledFlow(s.data, s.spawn, sig));
    const custom = () =>
      Object.values(cardById(d, s.spawn)?.node.model.inputs.data ?? {}).filter(
        (f) => f.metadata.custom,
      );
    expect(custom().map((f) => f.key)).toEqual(['group', 'userId']);
    // Okta's Call Flow fields: index, custom, transient — the label is the helper input's key.
    expect(custom()[0]?.metadata).toEqual({ index: 1, custom: true, transient: true });
    expect(custom()[0]?.value).toMatchObject({ type: 'object', data: {}, proxy: false });
    d = unwrap(
      setCalledFlow(d, s.spawn, {
        ...sig,
        inputs: [{ key: 'userId', type: 'string', collection: false }],
      }),
    );
    expect(custom().map((f) => f.key)).toEqual(['userId']);
    expect(valid(d, s.helperId, s.helper)).toEqual([]);
  });

  it('refuses a card that calls nothing and a flow that is not a helper', () => {
    const s = setup();
    const r = setCalledFlow(s.data, s.data.methods[0]?.uuid as never, {
      id: s.helperId,
      inputs: [],
      outputs: [],
    });
    expect(r.ok ? null : r.problems[0]?.code).toBe('HELPER_E002');
    expect(helperSignature('x', s.data).ok).toBe(false);
  });
});
