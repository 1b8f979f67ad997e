import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFlopack, tempFile } from '../../../tests/cli.ts';
import { corpusFiles, itCorpus } from '../../../tests/corpus.ts';
import { fixtureFile, fixtureFiles } from '../../../tests/fixtures/flopacks.ts';

describe('flopack validate', () => {
  it('prints "FILE: ok" for every generated fixture and exits 0', async () => {
    const files = fixtureFiles();
    const r = await runFlopack('validate', ...files);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(files.map((f) => `${f}: ok`));
  });

  itCorpus('prints "FILE: ok" for every real flopack and exits 0', async () => {
    const files = corpusFiles();
    const r = await runFlopack('validate', ...files);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(files.map((f) => `${f}: ok`));
  });

  it('prints a coded error for a broken file and exits 1', async () => {
    const broken = tempFile(
      'broken.flopack',
      readFileSync(fixtureFile('branches'), 'utf8').slice(0, 500),
    );
    const r = await runFlopack('validate', fixtureFile('branches'), broken);
    expect(r.code).toBe(1);
    expect(r.out[1]).toMatch(/broken\.flopack: error FLOPACK_E001: The file is not valid JSON/);
  });

  it('reports a schema problem the integrity checks do not cover', async () => {
    const doc = JSON.parse(readFileSync(fixtureFile('helpers'), 'utf8')) as {
      flags: unknown;
    };
    doc.flags = { odd: 'yes' };
    const r = await runFlopack('validate', tempFile('odd.flopack', JSON.stringify(doc)));
    expect(r.code).toBe(1);
    expect(r.out[0]).toContain('error FLOPACK_E030: Schema:');
  });

  it('exits 2 with a clear message for a missing file', async () => {
    const r = await runFlopack('validate', 'no-such.flopack');
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe('flopack validate: no-such.flopack: cannot read (no such file)');
  });
});
