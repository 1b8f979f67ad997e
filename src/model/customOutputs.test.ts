import { describe, expect, it } from 'vitest';
import { add, cardById, deepFreeze, fieldId, makeDelegatedFlow } from '../../tests/builders.ts';
import { addCustomOutput, customOutputs, removeCustomOutput } from './customOutputs.ts';
import { unwrap } from './errors.ts';
import type { CardId, FieldId } from './ids.ts';
import { seededIds } from './ids.ts';
import { mapField, mappingsOf } from './mapping.ts';
import type { RawFloData } from './raw.ts';

const PICK = 'root:kernel:object:pick';

/** A delegated flow with Get Multiple and a Continue If after it. */
function flowWithPick(): { data: RawFloData; pick: CardId; guard: CardId } {
  const { ws, flowId } = makeDelegatedFlow();
  const start = ws.flows[flowId]?.data as RawFloData;
  const a = add(start, PICK);
  const b = add(a.data, 'root:kernel:control:continueIf');
  return { data: b.data, pick: a.id, guard: b.id };
}

describe('Get Multiple output keys', () => {
  it('adds keys in order, as Okta writes picked outputs', () => {
    const { data, pick } = flowWithPick();
    const ids = seededIds(5);
    let d = data;
    for (const key of ['ID', 'Type', 'Profile.Name'])
      d = unwrap(addCustomOutput(d, pick, { key }, [], ids)).data;
    const m = cardById(d, pick);
    expect(customOutputs(m!).map((o) => o.key)).toEqual(['ID', 'Type', 'Profile.Name']);
    const field = m?.node.model.outputs.data[fieldId(m, 'outputs', 'Profile.Name')];
    expect(field).toEqual({
      id: field?.id,
      group: null,
      key: 'Profile.Name',
      value: {
        error: false,
        type: 'string',
        collection: false,
        data: '',
        available: [
          'string',
          'number',
          'boolean',
          'Date',
          'Array',
          'object',
          'file',
          'flo',
          'folder',
        ],
      },
      ref: false,
      metadata: { index: 2, custom: true },
    });
  });

  it('refuses a duplicate, empty or control-character key and leaves the flow unchanged', () => {
    const { data, pick } = flowWithPick();
    const d = unwrap(addCustomOutput(data, pick, { key: 'ID' })).data;
    deepFreeze(d);
    for (const [key, code] of [
      ['id', 'OUTPUT_E002'],
      ['  ', 'NAME_E001'],
      ['a\u0007b', 'NAME_E003'],
    ] as const) {
      const r = addCustomOutput(d, pick, { key });
      expect(r.ok ? null : r.problems[0]?.code).toBe(code);
    }
  });

  it('removes a key with its mappings and without touching the input flow', () => {
    const { data, pick, guard } = flowWithPick();
    const added = unwrap(addCustomOutput(data, pick, { key: 'Type' }));
    const withKeep = unwrap(addCustomOutput(added.data, pick, { key: 'ID' }));
    const mapped = deepFreeze(
      unwrap(
        mapField(withKeep.data, {
          from: { card: pick, output: added.output },
          to: {
            card: guard,
            input: fieldId(cardById(withKeep.data, guard), 'inputs', 'left-operand'),
          },
        }),
      ),
    );
    expect(mappingsOf(mapped)).toHaveLength(1);
    const removed = unwrap(removeCustomOutput(mapped, pick, added.output));
    expect(customOutputs(cardById(removed, pick)!).map((o) => o.key)).toEqual(['ID']);
    expect(mappingsOf(removed)).toEqual([]);
    expect(customOutputs(cardById(mapped, pick)!).map((o) => o.key)).toEqual(['Type', 'ID']);
  });

  it("refuses to remove a card's own output or a missing one", () => {
    const { data, pick } = flowWithPick();
    const read = add(data, 'root:channels:http:okta:readUser');
    const own = fieldId(cardById(read.data, read.id), 'outputs', 'login');
    const r1 = removeCustomOutput(read.data, read.id, own);
    expect(r1.ok ? null : r1.problems[0]?.code).toBe('OUTPUT_E005');
    const r2 = removeCustomOutput(data, pick, 'nope' as FieldId);
    expect(r2.ok ? null : r2.problems[0]?.code).toBe('OUTPUT_E004');
  });
});
