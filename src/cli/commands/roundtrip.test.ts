import { describe, expect, it } from 'vitest';
import { runFlopack, tempFile } from '../../../tests/cli.ts';
import { corpusFiles, itCorpus } from '../../../tests/corpus.ts';
import { fixtureFiles } from '../../../tests/fixtures/flopacks.ts';

describe('flopack roundtrip', () => {
  it('prints "FILE: identical" for every generated fixture', async () => {
    const files = fixtureFiles();
    const r = await runFlopack('roundtrip', ...files);
    expect(r.out).toEqual(files.map((f) => `${f}: identical`));
    expect(r.code).toBe(0);
  });

  itCorpus('prints "FILE: identical" for every real flopack', async () => {
    const files = corpusFiles();
    const r = await runFlopack('roundtrip', ...files);
    expect(r.out.filter((l) => l.endsWith(': identical'))).toHaveLength(files.length);
    expect(r.code).toBe(0);
  });

  it('reports an unreadable flopack as an error and exits 1', async () => {
    const r = await runFlopack('roundtrip', tempFile('x.flopack', '{"type":"flopack"}'));
    expect(r.code).toBe(1);
    expect(r.out[0]).toMatch(/: error FLOPACK_E00/);
  });
});
