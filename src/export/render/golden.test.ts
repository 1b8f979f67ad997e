/**
 * Golden files: the Markdown and SVG of three shared flopacks, compared byte for byte with
 * tests/golden/<template>/. After an intended change to the pictures, rewrite them with
 *   UPDATE_GOLDEN=1 npx vitest run src/export/render/golden.test.ts
 * and review the diff of tests/golden like any other change.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusText, describeCorpus, hasCorpus } from '../../../tests/corpus.ts';
import { fixtureText } from '../../../tests/fixtures/flopacks.ts';
import { unwrap } from '../../model/errors.ts';
import { readFlopack } from '../flopack/read.ts';
import { renderPackMarkdown } from './markdown.ts';
import { flowFileNames } from './names.ts';
import { renderFlowSvg } from './svg.ts';

const GOLDEN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../tests/golden');
const update = process.env['UPDATE_GOLDEN'] === '1';

/** The three templates: helper + scheduled flows with notes; If/Else; inline If Error arms. */
const TEMPLATES = [
  'suspend_inactive_users',
  'googledrive_file_transfer',
  'okta_add_user_to_a_group_ispm_remediation_flow',
];

function golden(file: string, actual: string): void {
  const at = path.join(GOLDEN, file);
  if (update) {
    mkdirSync(path.dirname(at), { recursive: true });
    writeFileSync(at, actual);
  }
  expect(existsSync(at), `${file} is missing (UPDATE_GOLDEN=1 writes it)`).toBe(true);
  expect(actual, `${file} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`).toBe(
    readFileSync(at, 'utf8'),
  );
}

/** Golden Markdown and SVG of one flopack, read lazily so a missing corpus skips cleanly. */
function goldenSuite(name: string, text: () => string | null): void {
  const source = text();
  const ws = source === null ? null : unwrap(readFlopack(source));
  const flows = ws ? Object.values(ws.flows) : [];

  it('renders the same Markdown', () => {
    golden(`${name}/${name}.md`, renderPackMarkdown(ws!, { title: name }));
  });

  it.each(flows.map((f) => [f.name, f] as const))('renders the same SVG for "%s"', (_, flow) => {
    const file = flowFileNames(flows, 'svg').get(flow.id) ?? 'flow.svg';
    golden(`${name}/${file}`, renderFlowSvg(flow, ws));
  });
}

/** Two of the project's own fixtures: If/Else, If/ElseIf and If Error; helper calls and notes. */
describe.each(['branches', 'helpers'] as const)('golden pictures of fixture %s', (name) => {
  goldenSuite(`fixture-${name}`, () => fixtureText(name));
});

for (const name of TEMPLATES)
  describeCorpus(`golden pictures of ${name}`, () => {
    goldenSuite(name, () => (hasCorpus ? corpusText(name) : null));
  });
