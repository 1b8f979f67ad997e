/**
 * `npm run corpus`: fetches Okta's public workflow templates (okta/workflows-templates) into
 * ./.corpus with git, so the corpus tests run on real exports. The files are Okta's: they are
 * fetched here, never committed (.corpus is gitignored). Running it again updates the clone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { flopacksUnder, ROOT } from '../tests/corpusLocation.ts';

const REPO = 'https://github.com/okta/workflows-templates.git';
const dir = path.join(ROOT, '.corpus');

const git = (...args: string[]): void => {
  execFileSync('git', args, { stdio: 'inherit' });
};

try {
  if (existsSync(path.join(dir, '.git'))) git('-C', dir, 'pull', '--ff-only', '--depth', '1');
  else git('clone', '--depth', '1', REPO, dir);
} catch {
  console.error(`npm run corpus: could not fetch ${REPO} into ${dir} — check git and the network`);
  process.exit(1);
}
console.log(`corpus: ${flopacksUnder(dir).length} flopacks under ${path.relative(ROOT, dir)}`);
