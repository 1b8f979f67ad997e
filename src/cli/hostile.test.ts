import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mutatePack, twoFolderPack } from '../../tests/hostile.ts';
import type { CliIo } from './io.ts';
import { runCli } from './main.ts';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readText: (f) => readFileSync(f, 'utf8'),
  };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const tmp = (name: string, text: string): string => {
  const f = path.join(mkdtempSync(path.join(tmpdir(), 'flopack-cli-hostile-')), name);
  writeFileSync(f, text);
  return f;
};

describe('flopack validate on folder trees', () => {
  it('calls a self-parent folder an error (FLOPACK_E022) and exits 1', async () => {
    const pack = twoFolderPack();
    const f = tmp(
      'self.flopack',
      mutatePack(pack.text, (d) => {
        const a = d.data.groups[pack.a];
        if (a) a.data.path = pack.a;
      }),
    );
    const r = await run('validate', f);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FLOPACK_E022/);
  });
});
