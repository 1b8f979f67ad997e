import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { templatePacks } from '../../../tests/templatePacks.ts';
import type { CliIo } from '../io.ts';
import { runCli } from '../main.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'flopack-fmt-'));
const tmp = (name: string, text: string): string => {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
};

async function run(...argv: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(...l.split('\n')),
    err: (l) => out.push(...l.split('\n')),
    readText: (f) => readFileSync(f, 'utf8'),
  };
  return { code: await runCli(argv, io), out };
}

const compact = templatePacks()[2]?.[1] ?? '';

describe('flopack fmt', () => {
  it('--check names an unformatted file, exits 1 and leaves it alone', async () => {
    const f = tmp('check.flopack', compact);
    const r = await run('fmt', '--check', f);
    expect(r).toEqual({ code: 1, out: [`${f}: not formatted`] });
    expect(readFileSync(f, 'utf8')).toBe(compact);
  });

  it('rewrites the file once; a second run and --check find nothing to do', async () => {
    const f = tmp('write.flopack', compact);
    expect(await run('fmt', f)).toEqual({ code: 0, out: [`${f}: formatted`] });
    const formatted = readFileSync(f, 'utf8');
    expect(formatted).not.toBe(compact);
    expect(formatted.split('\n').length).toBeGreaterThan(100);
    expect(await run('fmt', f)).toEqual({ code: 0, out: [`${f}: unchanged`] });
    expect((await run('fmt', '--check', f)).code).toBe(0);
    expect((await run('diff', f, tmp('compact.flopack', compact))).out).toEqual(['No changes']);
  });

  it('never rewrites an invalid flopack', async () => {
    const broken = compact.slice(0, 500);
    const f = tmp('broken.flopack', broken);
    const r = await run('fmt', f);
    expect(r.code).toBe(1);
    expect(r.out[0]).toMatch(/^.*broken\.flopack: error FLOPACK_E\d+/);
    expect(readFileSync(f, 'utf8')).toBe(broken);
  });

  it('exits 2 without a file', async () => {
    expect((await run('fmt')).code).toBe(2);
  });
});
