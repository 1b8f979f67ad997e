import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFlopack } from '../../../tests/cli.ts';
import { corpusFile, corpusFiles, itCorpus } from '../../../tests/corpus.ts';
import { fixtureFile, fixtureFiles } from '../../../tests/fixtures/flopacks.ts';

const file = corpusFile;
const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'flopack-render-'));

const run = runFlopack;

describe('flopack render', () => {
  it('renders every generated fixture as SVG, Markdown and PNG', async () => {
    const dir = tmp();
    for (const f of fixtureFiles()) {
      const svg = await run('render', f, '--out', dir);
      const md = await run('render', f, '--format', 'md', '--out', dir);
      expect([svg.code, md.code], f).toEqual([0, 0]);
      for (const line of [...svg.out, ...md.out])
        expect(existsSync(line.replace(/^wrote /, '')), line).toBe(true);
    }
    const png = await run('render', fixtureFile('helpers'), '--format', 'png', '--out', dir);
    expect(png.code).toBe(0);
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.png'))
        .sort(),
    ).toEqual(['check-every-group.png', 'check-one-group.png']);
  });

  it('prints Markdown for one fixture flow chosen by name', async () => {
    const r = await run(
      'render',
      fixtureFile('helpers'),
      '--format',
      'md',
      '--flow',
      'Check every group',
    );
    expect(r.code).toBe(0);
    expect(r.out.filter((l) => l.startsWith('## '))).toEqual(['## Check every group']);
    expect(r.out.join('\n')).toContain('```mermaid\nflowchart LR');
    expect(r.out.join('\n')).toContain('Check one group');
  });

  itCorpus('writes one SVG per flow into --out and prints each path', async () => {
    const dir = tmp();
    const r = await run(
      'render',
      file('googledrive_file_transfer'),
      '--format',
      'svg',
      '--out',
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      `wrote ${path.join(dir, '1-1-read-specific-transfer-status.svg')}`,
      `wrote ${path.join(dir, '1-0-read-transfer-status-as-scheduled-process.svg')}`,
      `wrote ${path.join(dir, '1-0-start-transfer.svg')}`,
    ]);
    const svg = readFileSync(path.join(dir, '1-0-start-transfer.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('>Create Transfer Request</text>');
  });

  itCorpus('writes PNG files', async () => {
    const dir = tmp();
    const r = await run('render', file('suspend_inactive_users'), '--format', 'png', '--out', dir);
    expect(r.code).toBe(0);
    const pngs = readdirSync(dir).sort();
    expect(pngs).toEqual([
      'inactivity-based-suspension-helper-flow.png',
      'inactivity-based-suspension-parent-flow.png',
    ]);
    expect(
      readFileSync(path.join(dir, pngs[0] ?? ''))
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  itCorpus('prints Markdown for one flow chosen by name, its helper call linked', async () => {
    const r = await run(
      'render',
      file('suspend_inactive_users'),
      '--format',
      'md',
      '--flow',
      'Inactivity-based Suspension - Parent Flow',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('## Inactivity-based Suspension - Parent Flow');
    expect(r.out.filter((l) => l.startsWith('## '))).toHaveLength(1);
    expect(r.out.join('\n')).toContain('```mermaid\nflowchart LR');
    expect(r.out).toContain('| | | Calls | Inactivity-based Suspension - Helper Flow |');
  });

  itCorpus('refuses an unknown flow and a PNG without --out, with exit status 2', async () => {
    const a = await run('render', file('suspend_inactive_users'), '--flow', 'Nope');
    expect(a.code).toBe(2);
    expect(a.err[0]).toMatch(/^flopack render: no flow named "Nope" in .*; its flows: "Inactivity/);
    const b = await run('render', file('suspend_inactive_users'), '--format', 'png');
    expect(b.code).toBe(2);
    expect(b.err[0]).toBe('flopack render: --format png needs --out DIR');
  });

  itCorpus('renders every shared flopack as SVG and Markdown', async () => {
    const dir = tmp();
    for (const f of corpusFiles()) {
      const svg = await run('render', f, '--out', dir);
      const md = await run('render', f, '--format', 'md', '--out', dir);
      expect([svg.code, md.code], f).toEqual([0, 0]);
      for (const line of [...svg.out, ...md.out])
        expect(existsSync(line.replace(/^wrote /, '')), line).toBe(true);
    }
  });
});
