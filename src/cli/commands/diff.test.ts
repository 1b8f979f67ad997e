import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFlopack } from '../../../tests/cli.ts';
import { corpusFile, corpusFiles, describeCorpus } from '../../../tests/corpus.ts';
import { fixtureFile, fixtureFiles } from '../../../tests/fixtures/flopacks.ts';
import { reId, shuffle } from '../../../tests/fixtures/variants.ts';

const file = corpusFile;
const dir = mkdtempSync(path.join(tmpdir(), 'flopack-diff-'));
const tmp = (name: string, text: string): string => {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
};

const run = runFlopack;

/** suspend_inactive_users with save-all-data off and the card "Now" renamed "Today". */
function edited(): string {
  const doc = JSON.parse(readFileSync(file('suspend_inactive_users'), 'utf8')) as {
    data: {
      flos: Record<
        string,
        { name: string; data: { log: boolean; methods: { node: { data: { name: string } } }[] } }
      >;
    };
  };
  const helper = Object.values(doc.data.flos).find((f) => f.name.includes('Helper'));
  if (!helper) throw new Error('no helper flow');
  helper.data.log = false;
  for (const m of helper.data.methods) if (m.node.data.name === 'Now') m.node.data.name = 'Today';
  return JSON.stringify(doc);
}

describe('flopack diff on the generated fixtures', () => {
  it('finds no changes between each fixture and a re-exported copy with new ids', async () => {
    for (const f of fixtureFiles()) {
      const copy = tmp('fixture-copy.flopack', shuffle(reId(readFileSync(f, 'utf8'), 11)));
      const r = await run('diff', f, copy, '--format', 'md');
      expect(r.code, f).toBe(0);
      expect(r.out.join('\n'), f).toContain('\n\nNo changes');
    }
  });

  it('names a renamed card and exits 1 with --exit-code', async () => {
    const doc = JSON.parse(readFileSync(fixtureFile('helpers'), 'utf8')) as {
      data: {
        flos: Record<
          string,
          { name: string; data: { methods: { node: { data: { name: string } } }[] } }
        >;
      };
    };
    for (const f of Object.values(doc.data.flos))
      for (const m of f.data.methods)
        if (m.node.data.name === 'Compose') m.node.data.name = 'Sentence';
    const after = tmp('fixture-after.flopack', JSON.stringify(doc));
    const r = await run('diff', fixtureFile('helpers'), after, '--exit-code');
    expect(r.code).toBe(1);
    expect(r.out).toEqual(["Card 'Compose' renamed to 'Sentence' in flow 'Check one group'"]);
  });
});

describeCorpus('flopack diff', () => {
  const before = (): string => file('suspend_inactive_users');
  let afterFile = '';
  const after = (): string => (afterFile ||= tmp('after.flopack', edited()));

  it('prints one sentence per change', async () => {
    const r = await run('diff', before(), after());
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      "Save all data turned off in flow 'Inactivity-based Suspension - Helper Flow '",
      "Card 'Now' renamed to 'Today' in flow 'Inactivity-based Suspension - Helper Flow '",
    ]);
  });

  it('exits 1 with --exit-code only when something changed', async () => {
    expect((await run('diff', before(), after(), '--exit-code')).code).toBe(1);
    const same = await run('diff', before(), before(), '--exit-code');
    expect(same).toMatchObject({ code: 0, out: ['No changes'] });
  });

  it('prints the changes as JSON data', async () => {
    const r = await run('diff', before(), after(), '--format', 'json');
    const data = JSON.parse(r.out.join('\n')) as {
      format: string;
      lines: string[];
      summary: unknown;
    };
    expect(data.format).toBe('flopack-diff');
    expect(data.summary).toEqual({
      flowsAdded: 0,
      flowsRemoved: 0,
      flowsChanged: 1,
      flowsUnchanged: 1,
      changes: 2,
    });
    expect(data.lines).toHaveLength(2);
  });

  it('prints Markdown with a marked Mermaid picture', async () => {
    const r = await run('diff', before(), after(), '--format', 'md');
    const md = r.out.join('\n');
    expect(md).toMatch(/^## Flopack diff/);
    expect(md).toContain('  n5["Today<br/>Date #amp; Time<br/>CHANGED"]');
    expect(md.length).toBeLessThan(65_536);
  });

  it('writes the picture as SVG', async () => {
    const out = path.join(dir, 'pics', 'diff.svg');
    const r = await run('diff', before(), after(), '--format', 'svg', '--out', out);
    expect(r.out).toEqual([`wrote ${out}`]);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain('>CHANGED</text>');
    expect(svg).toContain('>Today</text>');
  });

  it('treats an empty OLD as a file that was added', async () => {
    const r = await run('diff', '/dev/null', before());
    expect(r.out).toEqual([
      "Flow 'Inactivity-based Suspension - Helper Flow ' added (Helper flow, 9 cards)",
      "Flow 'Inactivity-based Suspension - Parent Flow' added (Scheduled flow, 5 cards)",
    ]);
  });

  it('finds no changes between every shared flopack and a re-exported copy with new ids', async () => {
    for (const f of corpusFiles()) {
      const copy = tmp('copy.flopack', shuffle(reId(readFileSync(f, 'utf8'), 11)));
      const r = await run('diff', f, copy, '--format', 'md');
      expect(r.code, f).toBe(0);
      expect(r.out.join('\n'), f).toContain('\n\nNo changes');
    }
  });

  it('names an unreadable file with its error code and exits 1', async () => {
    const bad = tmp('bad.flopack', '{"type":"flopack"');
    const r = await run('diff', before(), bad);
    expect(r.code).toBe(1);
    expect(r.out[0]).toMatch(/bad\.flopack: error FLOPACK_E001: The file is not valid JSON/);
  });
});
