/**
 * `npm run fixtures`: writes the project's own flopacks (tests/fixtures/build.ts) to
 * tests/fixtures/flopacks. Deterministic: running it again gives the same bytes.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildFixtures } from '../tests/fixtures/build.ts';
import { FIXTURE_DIR } from '../tests/fixtures/flopacks.ts';

mkdirSync(FIXTURE_DIR, { recursive: true });
const fixtures = buildFixtures();
const names = new Set(fixtures.map(([name]) => name));
for (const old of readdirSync(FIXTURE_DIR))
  if (old.endsWith('.flopack') && !names.has(old)) rmSync(path.join(FIXTURE_DIR, old));
for (const [name, text] of fixtures) writeFileSync(path.join(FIXTURE_DIR, name), text);
console.log(
  `fixtures: ${fixtures.length} flopacks in ${path.relative(process.cwd(), FIXTURE_DIR)}`,
);
