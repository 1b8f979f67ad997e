import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../../tests/fixtures/flopacks.ts';
import { readFlopack } from './read.ts';

const good = fixtureText('tables-connections');
type Doc = {
  data: {
    flos: Record<
      string,
      {
        data: {
          orderings: Record<string, string[]>;
          methods: { pins: Record<string, Record<string, unknown>> }[];
        };
      }
    >;
  };
};
const mutate = (fn: (doc: Doc) => void): string => {
  const doc = JSON.parse(good) as Doc;
  fn(doc);
  return JSON.stringify(doc);
};
const firstFlow = (doc: Doc) => Object.values(doc.data.flos)[0]!.data;

const cases: [string, () => unknown, string][] = [
  ['text that is not JSON', () => 'hello, flow', 'FLOPACK_E001'],
  ['an empty file', () => '', 'FLOPACK_E001'],
  ['a truncated file', () => good.slice(0, Math.floor(good.length / 2)), 'FLOPACK_E001'],
  [
    'JSON whose type is not flopack',
    () => JSON.stringify({ type: 'folder', data: {} }),
    'FLOPACK_E002',
  ],
  ['a JSON array', () => '[1,2,3]', 'FLOPACK_E002'],
  [
    'a flopack without data.flos',
    () =>
      JSON.stringify({
        type: 'flopack',
        version: '1.5.0',
        created: 'x',
        flags: {},
        data: { configs: {} },
      }),
    'FLOPACK_E003',
  ],
  [
    'an ordering naming a card of another flow',
    () => mutate((d) => (firstFlow(d).orderings['zzz'] = ['nope1', 'nope2'])),
    'FLOPACK_E010',
  ],
  [
    'a pin to a missing card',
    () =>
      mutate((d) => {
        const m = firstFlow(d).methods[0]!;
        m.pins['someOutput'] = { missingCard: [{ input: 'x', transform: null }] };
      }),
    'FLOPACK_E01',
  ],
  [
    'a __proto__ key',
    () => good.replace('"flags":{', '"flags":{"__proto__":{"polluted":true},'),
    'FLOPACK_E013',
  ],
  [
    'a constructor key',
    () => good.replace('"flags":{', '"flags":{"constructor":{"prototype":{}},'),
    'FLOPACK_E013',
  ],
  [
    'a 50 MB string',
    () => `{"type":"flopack","x":"${'a'.repeat(50 * 1024 * 1024)}"}`,
    'FLOPACK_E014',
  ],
  [
    '10,000-deep nesting',
    () => `{"type":"flopack","data":${'['.repeat(10000)}${']'.repeat(10000)}}`,
    'FLOPACK_E015',
  ],
  [
    '10,000-deep nesting inside a real file',
    () =>
      good.replace('"flags":{', `"flags":{"deep":${'{"a":'.repeat(10000)}1${'}'.repeat(10000)},`),
    'FLOPACK_E015',
  ],
  [
    'a parsed object of the wrong shape',
    () => ({ type: 'flopack', version: 1, created: null, flags: [], data: { flos: { a: 5 } } }),
    'FLOPACK_E004',
  ],
  ['null', () => null, 'FLOPACK_E002'],
];

describe('bad input gives a coded, readable error and no workspace', () => {
  it.each(cases)('%s', (_, make, code) => {
    const r = readFlopack(make());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems[0]?.code.startsWith(code)).toBe(true);
    expect(r.problems[0]?.message.length).toBeGreaterThan(20);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reads the untouched file', () => {
    expect(readFlopack(good).ok).toBe(true);
  });
});
