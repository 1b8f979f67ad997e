import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFile, corpusFiles, itCorpus } from '../../tests/corpus.ts';
import { fixtureFile, fixtureFiles } from '../../tests/fixtures/flopacks.ts';
import type { CliIo } from './io.ts';
import { runCli } from './main.ts';
import { catalog, makeWorkspace } from '../../tests/builders.ts';
import { unwrap } from '../model/errors.ts';
import { editFlowContent } from '../model/flows.ts';
import { seededIds } from '../model/ids.ts';
import { planImport } from '../model/importPack.ts';
import { removeCard } from '../model/insert.ts';
import { buildTemplate } from '../model/templates.ts';
import { writeFlopack } from '../export/flopack/write.ts';

const file = corpusFile;

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(...l.split('\n')),
    err: (l) => err.push(...l.split('\n')),
    readText: (f) => readFileSync(f, 'utf8'),
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

const tmp = (name: string, text: string): string => {
  const f = path.join(mkdtempSync(path.join(tmpdir(), 'flopack-cli-')), name);
  writeFileSync(f, text);
  return f;
};

describe('flopack validate', () => {
  it('prints "FILE: ok" for every generated fixture and exits 0', async () => {
    const files = fixtureFiles();
    const r = await run('validate', ...files);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(files.map((f) => `${f}: ok`));
  });

  itCorpus('prints "FILE: ok" for every real flopack and exits 0', async () => {
    const files = corpusFiles();
    const r = await run('validate', ...files);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(files.map((f) => `${f}: ok`));
  });

  it('prints a coded error for a broken file and exits 1', async () => {
    const broken = tmp(
      'broken.flopack',
      readFileSync(fixtureFile('branches'), 'utf8').slice(0, 500),
    );
    const r = await run('validate', fixtureFile('branches'), broken);
    expect(r.code).toBe(1);
    expect(r.out[1]).toMatch(/broken\.flopack: error FLOPACK_E001: The file is not valid JSON/);
  });

  it('reports a schema problem the integrity checks do not cover', async () => {
    const doc = JSON.parse(readFileSync(fixtureFile('helpers'), 'utf8')) as {
      flags: unknown;
    };
    doc.flags = { odd: 'yes' };
    const r = await run('validate', tmp('odd.flopack', JSON.stringify(doc)));
    expect(r.code).toBe(1);
    expect(r.out[0]).toContain('error FLOPACK_E030: Schema:');
  });

  it('exits 2 with a clear message for a missing file', async () => {
    const r = await run('validate', 'no-such.flopack');
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe('flopack validate: no-such.flopack: cannot read (no such file)');
  });
});

describe('flopack roundtrip', () => {
  it('prints "FILE: identical" for every generated fixture', async () => {
    const files = fixtureFiles();
    const r = await run('roundtrip', ...files);
    expect(r.out).toEqual(files.map((f) => `${f}: identical`));
    expect(r.code).toBe(0);
  });

  itCorpus('prints "FILE: identical" for every real flopack', async () => {
    const files = corpusFiles();
    const r = await run('roundtrip', ...files);
    expect(r.out.filter((l) => l.endsWith(': identical'))).toHaveLength(files.length);
    expect(r.code).toBe(0);
  });

  it('reports an unreadable flopack as an error and exits 1', async () => {
    const r = await run('roundtrip', tmp('x.flopack', '{"type":"flopack"}'));
    expect(r.code).toBe(1);
    expect(r.out[0]).toMatch(/: error FLOPACK_E00/);
  });
});

describe('flopack info', () => {
  it('lists the helper link of a generated fixture', async () => {
    const r = await run('info', fixtureFile('helpers'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('  Helpers');
    expect(r.out).toContain('    calls → Check one group');
  });

  itCorpus('lists folders, flows with kinds, card counts and helper links', async () => {
    const r = await run('info', file('assign_temporary_group_memberships'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('  Timed Group Membership');
    expect(r.out).toContain(
      '  SUB - Remove User from Group [Helper flow] 4 cards in "Timed Group Membership"',
    );
    expect(r.out).toContain('    calls → SUB - Remove User from Group');
    expect(r.out.some((l) => l.includes('[Scheduled flow]'))).toBe(true);
  });
});

describe('usage', () => {
  it('prints help for the tool and each command', async () => {
    expect((await run('--help')).out.join('\n')).toContain('roundtrip');
    for (const c of ['validate', 'roundtrip', 'info']) {
      const r = await run(c, '--help');
      expect(r.code).toBe(0);
      expect(r.out[0]).toBe(`usage: flopack ${c}${c === 'info' ? ' FILE' : ' FILE...'}`);
    }
  });

  it('exits 2 on an unknown command, an unknown option or no file', async () => {
    expect((await run('explode')).code).toBe(2);
    expect((await run('validate', '--nope', 'x')).code).toBe(2);
    expect((await run('validate')).code).toBe(2);
    expect((await run()).code).toBe(2);
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

describe('flopack lint', () => {
  it('finds no problems in the generated fixtures', async () => {
    const r = await run('lint', ...fixtureFiles());
    expect(r.code).toBe(0);
    expect(r.out.filter((l) => l.endsWith(': 0 error(s), 0 warning(s)'))).toHaveLength(
      fixtureFiles().length,
    );
  });

  itCorpus('finds no problems in a real ISPM remediation flow', async () => {
    const r = await run('lint', file('suspend_okta_account_ispm_remediation_flow'));
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      `${file('suspend_okta_account_ispm_remediation_flow')}: 0 error(s), 0 warning(s)`,
    ]);
  });

  it('reports the quarantine helper without its Everyone guard; --strict fails on the warning', async () => {
    const { ws, folderId } = makeWorkspace();
    const placed = unwrap(
      planImport(ws, unwrap(buildTemplate(catalog, 'quarantine', seededIds(3))), folderId),
    ).workspace;
    const helper = Object.values(placed.flows).find((f) => f.name === 'Remove user from group');
    const guard = helper?.data.methods.find((m) => m.node.key === 'continueIf');
    const edited = unwrap(
      editFlowContent(placed, helper?.id as never, (d) => removeCard(d, guard?.uuid as never)),
    );
    const f = tmp('quarantine.folder', unwrap(writeFlopack(edited)));
    const r = await run('lint', f);
    expect(r.code).toBe(0);
    expect(r.out[0]).toContain('flow “Remove user from group”: warning everyone-guard:');
    expect((await run('lint', '--strict', f)).code).toBe(1);
  });
});

describe('flopack simulate', () => {
  it('runs the quarantine template against the mock org and prints the cards and the changes', async () => {
    const { ws, folderId } = makeWorkspace();
    const placed = unwrap(
      planImport(ws, unwrap(buildTemplate(catalog, 'quarantine', seededIds(3))), folderId),
    ).workspace;
    const f = tmp('quarantine.folder', unwrap(writeFlopack(placed)));
    const r = await run(
      'simulate',
      f,
      '--flow',
      'risk policy - high (quarantine)',
      '--user',
      '00u2bob',
    );
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('Risk Policy - High (Quarantine): completed');
    expect(r.out).toContain(
      'changed: bob@example.com: status DEPROVISIONED; groups Everyone, At-Risk Users; sessions 0; tokens 0',
    );
    const missing = await run(
      'simulate',
      f,
      '--flow',
      'Risk Policy - High (Quarantine)',
      '--user',
      '00unobody',
    );
    expect(missing.code).toBe(1);
    expect((await run('simulate', f)).code).toBe(2);
  });
});
