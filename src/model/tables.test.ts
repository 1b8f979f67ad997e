import { describe, expect, it } from 'vitest';
import { corpusText, itCorpus } from '../../tests/corpus.ts';
import { add, cardById, deepFreeze, makeDelegatedFlow } from '../../tests/builders.ts';
import { unwrap } from './errors.ts';
import { seededIds } from './ids.ts';
import type { RawField, RawFloData, RawMethod, RawTable } from './raw.ts';
import { chooseTable, tableColumns, takesColumnFields } from './tables.ts';

const table = (structure: { name: string; type: string }[]): RawTable => ({
  id: '1e2b023e-c1da-4c1a-bcbb-a1c4b70aff5b',
  name: 'At-risk users',
  description: '',
  data: {
    class: 'simple',
    group_id: 'g',
    structure: structure.map((c) => ({ ...c, default: null })),
  },
});

function flowWith(address: string) {
  const { ws, flowId } = makeDelegatedFlow();
  return add(ws.flows[flowId]?.data as RawFloData, address);
}

const fieldsOf = (m: RawMethod | undefined): RawField[] =>
  Object.values(m?.node.model.inputs.data ?? {}).filter((f) => f.group === 'Fields');

describe('choosing a table', () => {
  it('writes one Fields input per column, typed as Okta types them', () => {
    const c = flowWith('root:channels:http:stash:createRow');
    const t = table([
      { name: 'User ID', type: 'str' },
      { name: 'Seen', type: 'dte' },
      { name: 'Score', type: 'dec' },
      { name: 'Blocked', type: 'bln' },
    ]);
    const data = unwrap(chooseTable(deepFreeze(c.data), c.id, t, [], seededIds(3)));
    const m = cardById(data, c.id);
    const stash = Object.values(m!.node.model.inputs.data).find((f) => f.key === 'stash');
    expect(stash?.value.data).toBe(t.id);
    expect(fieldsOf(m).map((f) => [f.key, f.value.type, f.metadata.index])).toEqual([
      ['User ID', 'string', 1],
      ['Seen', 'Date', 2],
      ['Score', 'number', 3],
      ['Blocked', 'boolean', 4],
    ]);
  });

  it('keeps the id and value of a column that stays, drops columns that went', () => {
    const c = flowWith('root:channels:http:stash:createRow');
    const first = unwrap(
      chooseTable(
        c.data,
        c.id,
        table([
          { name: 'A', type: 'str' },
          { name: 'B', type: 'str' },
        ]),
        [],
        seededIds(4),
      ),
    );
    const a = fieldsOf(cardById(first, c.id)).find((f) => f.key === 'A')!;
    const second = unwrap(
      chooseTable(
        first,
        c.id,
        table([
          { name: 'C', type: 'dec' },
          { name: 'A', type: 'str' },
        ]),
        [],
        seededIds(5),
      ),
    );
    const fields = fieldsOf(cardById(second, c.id));
    expect(fields.map((f) => f.key)).toEqual(['C', 'A']);
    expect(fields.find((f) => f.key === 'A')?.id).toBe(a.id);
  });

  it('places the columns after Update Row’s own inputs', () => {
    const c = flowWith('root:channels:http:stash:updateRow');
    const data = unwrap(chooseTable(c.data, c.id, table([{ name: 'status', type: 'str' }])));
    expect(fieldsOf(cardById(data, c.id)).map((f) => f.metadata.index)).toEqual([3]);
  });

  it('sets only the table on cards without column fields, and refuses other cards', () => {
    const d = flowWith('root:channels:http:stash:deleteRow');
    const data = unwrap(chooseTable(d.data, d.id, table([{ name: 'A', type: 'str' }])));
    expect(takesColumnFields(cardById(data, d.id)!)).toBe(false);
    expect(fieldsOf(cardById(data, d.id))).toEqual([]);
    const other = flowWith('root:kernel:string:compose');
    expect(chooseTable(other.data, other.id, table([])).ok).toBe(false);
  });

  it('skips malformed column entries', () => {
    const t = table([{ name: 'A', type: 'str' }]);
    t.data.structure.push(null, 'x', { name: 3 });
    expect(tableColumns(t)).toEqual([{ name: 'A', type: 'str' }]);
  });

  itCorpus('writes the Fields inputs of Okta’s own Create Row, key for key', () => {
    const pack = JSON.parse(corpusText('assign_temporary_group_memberships')) as {
      data: { tables: Record<string, RawTable> };
    };
    const text = corpusText('assign_temporary_group_memberships');
    const t = Object.values(pack.data.tables).find(
      (x) => x.name === 'Users Added to Temporary Groups',
    )!;
    // Okta's Create Row on this table, found in the raw text (its uuid is HByFPogCx).
    const okta = findMethod(JSON.parse(text), 'HByFPogCx')!;
    const oktaFields = fieldsOf(okta);
    const c = flowWith('root:channels:http:stash:createRow');
    const ours = fieldsOf(cardById(unwrap(chooseTable(c.data, c.id, t)), c.id));
    const shape = (f: RawField) => ({
      keys: Object.keys(f),
      valueKeys: Object.keys(f.value),
      group: f.group,
      key: f.key,
      type: f.value.type,
      available: f.value.available,
      index: f.metadata.index,
      optional: f.metadata.optional,
      flags: f.flags,
      required: f.required,
    });
    expect(ours.map(shape)).toEqual(oktaFields.map(shape));
  });
});

function findMethod(root: unknown, uuid: string): RawMethod | undefined {
  const seen = new Set<unknown>();
  const stack = [root];
  while (stack.length > 0) {
    const o = stack.pop();
    if (o === null || typeof o !== 'object' || seen.has(o)) continue;
    seen.add(o);
    if ((o as { uuid?: unknown }).uuid === uuid && 'node' in o) return o as RawMethod;
    stack.push(...(Object.values(o) as unknown[]));
  }
  return undefined;
}
