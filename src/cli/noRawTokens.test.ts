import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFiles, itCorpus } from '../../tests/corpus.ts';
import { fixtureFiles } from '../../tests/fixtures/flopacks.ts';
import { templatePacks } from '../../tests/templatePacks.ts';
import { runCli } from './main.ts';
import type { CliIo } from './io.ts';
import { isCompose } from '../model/compose.ts';
import { unwrap } from '../model/errors.ts';
import { forEachScope } from '../model/scope.ts';
import { sourcesOf, summarize } from '../model/summary.ts';
import type { Workspace } from '../model/workspace.ts';
import { diffWorkspaces } from '../export/diff/packDiff.ts';
import { diffLines } from '../export/diff/words.ts';
import { readFlopack } from '../export/flopack/read.ts';
import { planMarkdown } from '../export/plan/markdown.ts';
import { importPlan } from '../export/plan/plan.ts';
import { renderPackHtml } from '../export/render/html.ts';
import { renderPackMarkdown } from '../export/render/markdown.ts';
import { renderFlowSvg } from '../export/render/svg.ts';

const RAW = '{{{';

/** Every Compose text of a pack, changed, so a diff has Compose lines to word. */
const edited = (text: string): string =>
  text.replace(/("_text_"[\s\S]*?"data":\s*")/g, '$1Changed: ');

/** Everything a person reads about a pack: canvas summaries, pictures, Markdown, the CLI. */
async function everyOutput(name: string, text: string): Promise<Record<string, string>> {
  const ws: Workspace = unwrap(readFlopack(text));
  const after: Workspace = unwrap(readFlopack(edited(text)));
  const out: Record<string, string> = {};
  let composes = 0;
  const cards: string[] = [];
  for (const f of Object.values(ws.flows))
    forEachScope(f.data, (scope) => {
      const sources = sourcesOf(scope);
      for (const m of scope.methods) {
        if (isCompose(m)) composes++;
        cards.push(JSON.stringify(summarize(m, sources)));
      }
    });
  expect(composes, `${name} has a Compose card`).toBeGreaterThan(0);
  out['canvas and outline'] = cards.join('\n');
  out['review Markdown'] = renderPackMarkdown(ws, { title: name });
  out['HTML'] = renderPackHtml(ws, name);
  out['SVG'] = Object.values(ws.flows)
    .map((f) => renderFlowSvg(f, ws))
    .join('\n');
  out['import plan'] = planMarkdown(importPlan(ws), name);
  const lines = diffLines(diffWorkspaces(ws, after));
  expect(
    lines.some((l) => l.includes('Compose')),
    `${name}: the diff words the change`,
  ).toBe(true);
  out['Compare'] = lines.join('\n');
  const files: Record<string, string> = { 'old.flopack': text, 'new.flopack': edited(text) };
  for (const argv of [
    ['info', 'old.flopack'],
    ['diff', 'old.flopack', 'new.flopack'],
  ]) {
    const printed: string[] = [];
    const io: CliIo = {
      out: (l) => printed.push(l),
      err: (l) => printed.push(l),
      readText: (file) => files[file] ?? '',
    };
    await runCli(argv, io);
    out[`flopack ${argv[0] ?? ''}`] = printed.join('\n');
  }
  return out;
}

function expectNoRawTokens(outputs: Record<string, string>): void {
  for (const [what, text] of Object.entries(outputs)) {
    expect(text.length, `${what} is empty`).toBeGreaterThan(0);
    expect(text.includes(RAW), `${what} shows a raw Compose token`).toBe(false);
  }
}

describe('no raw Compose token is shown anywhere', () => {
  it('in the Slack template (Read User → Compose → Slack)', async () => {
    const [name, text] = templatePacks()[0]!;
    const outputs = await everyOutput(name, text);
    expect(outputs['review Markdown']).toContain('Read User › First name\\}');
    expect(outputs['Compare']).toContain('{Read User › First name}');
    expectNoRawTokens(outputs);
  });

  it('in the helpers fixture', async () => {
    const file = fixtureFiles().find((f) => path.basename(f) === 'helpers.flopack')!;
    expectNoRawTokens(await everyOutput('helpers', readFileSync(file, 'utf8')));
  });

  itCorpus('in a real export with Compose cards', async () => {
    const file = corpusFiles().find((f) => /"key":\s*"compose"/.test(readFileSync(f, 'utf8')))!;
    expectNoRawTokens(await everyOutput(path.basename(file), readFileSync(file, 'utf8')));
  });
});
