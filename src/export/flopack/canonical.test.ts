import { describe, expect, it } from 'vitest';
import { itEachCorpusFile } from '../../../tests/corpus.ts';
import { readFileSync } from 'node:fs';
import { unwrap } from '../../model/errors.ts';
import { templatePacks } from '../../../tests/templatePacks.ts';
import { diffLines } from '../diff/words.ts';
import { diffPair, pairOf } from '../diff/packDiff.ts';
import { canonicalFlopack, formatFlopackText } from './canonical.ts';
import { readFlopack } from './read.ts';

/** A deterministic shuffle of every object's keys (arrays keep their order). */
function shuffleKeys(v: unknown, seed = { n: 7 }): unknown {
  if (Array.isArray(v)) return v.map((x) => shuffleKeys(x, seed));
  if (v === null || typeof v !== 'object') return v;
  const entries = Object.entries(v);
  for (let i = entries.length - 1; i > 0; i--) {
    seed.n = (seed.n * 1103515245 + 12345) % 2147483648;
    const j = seed.n % (i + 1);
    [entries[i], entries[j]] = [entries[j] as [string, unknown], entries[i] as [string, unknown]];
  }
  return Object.fromEntries(entries.map(([k, x]) => [k, shuffleKeys(x, seed)]));
}

const lines = (a: string, b: string): string[] => {
  const ra = unwrap(readFlopack(a));
  const rb = unwrap(readFlopack(b));
  return diffLines(diffPair(pairOf(ra, rb)));
};

describe('canonical flopack form', () => {
  const idempotentAndLossless = (text: string): void => {
    const once = unwrap(formatFlopackText(text));
    expect(unwrap(formatFlopackText(once))).toBe(once);
    expect(lines(text, once)).toEqual(['No changes']);
    expect(JSON.parse(once)).toEqual(JSON.parse(text));
  };
  const shuffledIsIdentical = (text: string): void => {
    const shuffled = JSON.stringify(shuffleKeys(JSON.parse(text)));
    expect(shuffled).not.toBe(text);
    expect(unwrap(formatFlopackText(shuffled))).toBe(unwrap(formatFlopackText(text)));
  };

  it.each(templatePacks())(
    '%s: formatting is idempotent and a diff says "No changes"',
    (_n, text) => idempotentAndLossless(text),
  );
  it.each(templatePacks())('%s: a copy with shuffled keys formats to the same bytes', (_n, text) =>
    shuffledIsIdentical(text),
  );
  itEachCorpusFile('%s: formatting is idempotent and a diff says "No changes"', (_n, file) =>
    idempotentAndLossless(readFileSync(file, 'utf8')),
  );
  itEachCorpusFile('%s: a copy with shuffled keys formats to the same bytes', (_n, file) =>
    shuffledIsIdentical(readFileSync(file, 'utf8')),
  );

  it('orders the envelope as Okta does, flows by name, and indents by two spaces', () => {
    const doc = {
      checksum: 'c',
      data: {
        groups: {},
        tables: {},
        configs: {},
        flos: {
          b: { data: { z: 1, a: [3, 1] }, name: 'Beta', id: 'b', description: '' },
          a: { id: 'a', name: 'Alpha', description: '', data: {} },
        },
      },
      flags: {},
      created: 't',
      version: '1.5.0',
      type: 'flopack',
      extra: true,
    };
    const out = canonicalFlopack(doc);
    expect(Object.keys(JSON.parse(out) as object)).toEqual([
      'type',
      'version',
      'created',
      'flags',
      'data',
      'extra',
      'checksum',
    ]);
    expect(out).toMatch(/^\{\n {2}"type": "flopack",\n/);
    expect(out.endsWith('}\n')).toBe(true);
    const flos = (JSON.parse(out) as { data: { flos: Record<string, { data: object }> } }).data
      .flos;
    expect(Object.keys(flos)).toEqual(['a', 'b']);
    expect(flos.b?.data).toEqual({ a: [3, 1], z: 1 });
    expect(Object.keys(flos.b?.data ?? {})).toEqual(['a', 'z']);
  });

  it('writes each connection placeholder with Okta’s keys in Okta’s order: id, name, module, data', () => {
    const doc = {
      type: 'flopack',
      data: {
        flos: {},
        configs: {
          s: { module: 'slack', data: null, name: 'Slack', id: 's' },
          o: { data: null, zeta: 1, module: 'okta', id: 'o', name: 'Okta' },
        },
      },
    };
    const configs = (JSON.parse(canonicalFlopack(doc)) as { data: { configs: object } }).data
      .configs;
    expect(Object.keys(configs)).toEqual(['o', 's']);
    expect(Object.values(configs).map((c: object) => Object.keys(c))).toEqual([
      ['id', 'name', 'module', 'data', 'zeta'],
      ['id', 'name', 'module', 'data'],
    ]);
  });

  it('keeps non-ASCII text unescaped and refuses what is not a flopack', () => {
    const text = templatePacks()[2]?.[1] ?? '';
    const named = text.replace('"Remove user from group"', '"Gruppe entfernen ✓"');
    expect(unwrap(formatFlopackText(named))).toContain('Gruppe entfernen ✓');
    const bad = formatFlopackText('{"type":"flopack"');
    expect(bad.ok).toBe(false);
    expect(formatFlopackText('{"__proto__":{}}').ok).toBe(false);
  });
});
