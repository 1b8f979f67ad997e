import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../../tests/fixtures/flopacks.ts';
import { corpusFiles, describeCorpus, itEachCorpusFile } from '../../../tests/corpus.ts';
import { readFlopack } from './read.ts';
import { schemaProblems } from './schema.ts';
import { writeFlopack } from './write.ts';

describe('the project’s own fixtures', () => {
  it.each(fixtureFiles().map((f) => [path.basename(f), f]))(
    '%s reads, writes back byte for byte and exports as a fresh file with the same data',
    (_, file) => {
      const text = readFileSync(file, 'utf8');
      const read = readFlopack(text);
      if (!read.ok) throw new Error(read.problems.map((p) => `${p.code} ${p.message}`).join('\n'));
      expect(writeFlopack(read.value)).toEqual({ ok: true, value: text });
      const edited = { ...read.value, flows: { ...read.value.flows } };
      const fresh = writeFlopack(edited, { kind: 'workspace' }, { now: new Date(0) });
      if (!fresh.ok) throw new Error('write failed');
      const out = JSON.parse(fresh.value) as { data: unknown };
      expect(out.data).toEqual((JSON.parse(text) as { data: unknown }).data);
      expect(schemaProblems(out)).toEqual([]);
    },
  );
});

describeCorpus('every real export in the corpus', () => {
  it('finds real flopacks', () => {
    expect(corpusFiles().length).toBeGreaterThan(0);
  });

  itEachCorpusFile('%s reads, writes back byte for byte and validates', (_, file) => {
    const text = readFileSync(file, 'utf8');
    const read = readFlopack(text);
    if (!read.ok) throw new Error(read.problems.map((p) => `${p.code} ${p.message}`).join('\n'));
    const written = writeFlopack(read.value);
    if (!written.ok) throw new Error('write failed');
    expect(written.value === text).toBe(true);
    expect(schemaProblems(JSON.parse(written.value))).toEqual([]);
  });

  itEachCorpusFile('%s exported as a fresh whole-workspace file keeps every flow', (_, file) => {
    const read = readFlopack(readFileSync(file, 'utf8'));
    if (!read.ok) throw new Error('read failed');
    const edited = { ...read.value, flows: { ...read.value.flows } }; // no longer pristine
    const written = writeFlopack(
      edited,
      { kind: 'workspace' },
      { now: new Date('2026-01-01T00:00:00.000Z') },
    );
    if (!written.ok) throw new Error('write failed');
    const original = JSON.parse(readFileSync(file, 'utf8')) as {
      data: unknown;
      checksum?: string;
    };
    const out = JSON.parse(written.value) as {
      data: unknown;
      checksum?: string;
      created: string;
    };
    expect(out.data).toEqual(original.data);
    expect(out.checksum).toBeUndefined();
    expect(out.created).toBe('2026-01-01T00:00:00.000Z');
    expect(schemaProblems(out)).toEqual([]);
  });
});
