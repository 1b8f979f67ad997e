import { describe, expect, it } from 'vitest';
import { add, cardById, deepFreeze, fieldId, makeDelegatedFlow } from '../../tests/builders.ts';
import { unwrap } from './errors.ts';
import {
  addEventInput,
  eventInputs,
  removeEventInput,
  renameEventInput,
  setEventInputType,
} from './eventInputs.ts';
import type { CardId } from './ids.ts';
import { mapField, mappingsOf } from './mapping.ts';
import type { RawFloData } from './raw.ts';

const data = (): RawFloData => {
  const { ws, flowId } = makeDelegatedFlow();
  return ws.flows[flowId]?.data as RawFloData;
};

describe('Delegated Flow inputs', () => {
  it('adds inputs of the four allowed types as mirrored input/output pairs', () => {
    let d = deepFreeze(data());
    for (const [name, type] of [
      ['User ID', 'string'],
      ['Risk score', 'number'],
      ['Notify', 'boolean'],
      ['Detected at', 'Date'],
    ] as const) {
      d = unwrap(addEventInput(d, { name, type })).data;
    }
    expect(eventInputs(d).map((i) => `${i.key}:${i.type}`)).toEqual([
      'User ID:string',
      'Risk score:number',
      'Notify:boolean',
      'Detected at:Date',
    ]);
    const event = d.methods[0];
    const input = event?.node.model.inputs.data[eventInputs(d)[0]?.input as string];
    expect(input).toMatchObject({
      group: 'inputs',
      key: 'User ID',
      // After Okta User ID, Execution ID and Caller (Okta's exports, without Caller, say 2).
      metadata: { index: 3, custom: true },
      required: false,
      flags: 'd',
    });
    expect(eventInputs(d).every((i) => i.output !== null)).toBe(true);
  });

  it('refuses a list input and an unknown type with the allowed types named', () => {
    const list = addEventInput(data(), { name: 'Groups', type: 'string', collection: true });
    expect(list.ok ? null : list.problems[0]?.message).toContain(
      'Text, Number, True/False and Date & Time',
    );
    const obj = addEventInput(data(), { name: 'Caller', type: 'object' });
    expect(obj.ok ? null : obj.problems[0]?.code).toBe('INPUT_E002');
  });

  it('refuses a duplicate name', () => {
    const d = unwrap(addEventInput(data(), { name: 'User ID', type: 'string' })).data;
    const r = addEventInput(d, { name: 'user id', type: 'string' });
    expect(r.ok ? null : r.problems[0]?.code).toBe('INPUT_E003');
  });

  it('renames and retypes an input while its mapping keeps working, and removes it with its mappings', () => {
    const added = unwrap(addEventInput(data(), { name: 'Target', type: 'string' }));
    const read = add(added.data, 'root:channels:http:okta:readUser');
    const event = read.data.methods[0]?.uuid as CardId;
    let d = unwrap(
      mapField(read.data, {
        from: { card: event, output: added.output },
        to: {
          card: read.id,
          input: fieldId(cardById(read.data, read.id), 'inputs', 'ID or Login'),
        },
      }),
    );
    d = unwrap(renameEventInput(d, 'Target', 'Target user'));
    d = unwrap(setEventInputType(d, 'Target user', 'number'));
    expect(eventInputs(d).map((i) => `${i.key}:${i.type}`)).toEqual(['Target user:number']);
    expect(mappingsOf(d)).toHaveLength(1);
    d = unwrap(removeEventInput(d, 'Target user'));
    expect(eventInputs(d)).toEqual([]);
    expect(mappingsOf(d)).toEqual([]);
  });
});
