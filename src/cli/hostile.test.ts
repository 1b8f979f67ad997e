import { describe, expect, it } from 'vitest';
import { runFlopack, tempFile } from '../../tests/cli.ts';
import { mutatePack, twoFolderPack } from '../../tests/hostile.ts';

/** A run's output and errors each as one text. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const r = await runFlopack(...argv);
  return { code: r.code, out: r.out.join('\n'), err: r.err.join('\n') };
}

const tmp = tempFile;

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

describe('CLI output of names from a hostile file', () => {
  const pack = twoFolderPack();
  const evil = mutatePack(pack.text, (d) => {
    const a = d.data.groups[pack.a];
    if (a) a.data.name = 'A\u001b[2J\u001b]0;pwned\u0007';
    const f = d.data.flos[pack.flow];
    if (f) f.name = 'Flow\r\nFAKE: ok\u202eexe';
  });
  // eslint-disable-next-line no-control-regex
  const RAW = /[\u0000-\u0009\u000b-\u001f\u007f\u202e]/;

  it('flopack info writes control characters out instead of printing them', async () => {
    const r = await run('info', tmp('evil.flopack', evil));
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(RAW);
    expect(r.out).toContain('A\\u{1b}[2J\\u{1b}]0;pwned\\u{7}');
    expect(r.out).toContain('Flow\\u{d}\\u{a}FAKE: ok\\u{202e}exe');
    expect(r.out.split('\n').some((l) => l.startsWith('FAKE'))).toBe(false);
  });

  it('flopack diff writes control characters out instead of printing them', async () => {
    const r = await run('diff', tmp('before.flopack', pack.text), tmp('after.flopack', evil));
    expect(r.out).not.toMatch(RAW);
    expect(r.out).toContain('ok\\u{202e}exe');
    expect(r.out.split('\n').some((l) => l.startsWith('FAKE'))).toBe(false);
  });
});
