import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFlopack } from '../../tests/cli.ts';
import { fixtureFile } from '../../tests/fixtures/flopacks.ts';

describe('usage', () => {
  it('prints help for the tool and each command', async () => {
    expect((await runFlopack('--help')).out.join('\n')).toContain('roundtrip');
    for (const c of ['validate', 'roundtrip', 'info']) {
      const r = await runFlopack(c, '--help');
      expect(r.code).toBe(0);
      expect(r.out[0]).toBe(`usage: flopack ${c}${c === 'info' ? ' FILE' : ' FILE...'}`);
    }
  });

  it('exits 2 on an unknown command, an unknown option or no file', async () => {
    expect((await runFlopack('explode')).code).toBe(2);
    expect((await runFlopack('validate', '--nope', 'x')).code).toBe(2);
    expect((await runFlopack('validate')).code).toBe(2);
    expect((await runFlopack()).code).toBe(2);
  });

  it('runs as the installed `flopack` command', () => {
    const bin = path.resolve('bin/flopack.js');
    const out = execFileSync('node', [bin, 'validate', fixtureFile('branches')], {
      encoding: 'utf8',
    });
    expect(out.trim()).toBe(`${fixtureFile('branches')}: ok`);
    const missing = spawnSync('node', [bin, 'info', 'missing.flopack'], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read (no such file)');
  });
});
