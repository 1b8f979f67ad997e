/**
 * Where the real Okta exports are, if anywhere. Okta's files are never part of this
 * repository: they are found, in this order, in
 *   1. `FLOPACK_CORPUS` — a folder of `.flopack` files (relative paths from the project root);
 *   2. `../shared/flopacks` beside the checkout;
 *   3. `./.corpus` — what `npm run corpus` clones from okta/workflows-templates.
 * `FLOPACK_CORPUS=none` runs as a fresh clone does, without any corpus.
 * Files are collected recursively (the templates repository keeps each one in a subfolder).
 * Free of any test framework, so the bench, Playwright and scripts can use it too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Test titles of corpus tests carry this tag, so reports can count them. */
export const CORPUS_TAG = '[corpus]';

/** Folders deeper than this are not searched (the templates repository needs 3). */
const MAX_DEPTH = 6;

/** `.flopack` files under `dir`, recursively; symlinks are not followed, so no cycles. */
export function flopacksUnder(dir: string, depth = 0): string[] {
  if (depth > MAX_DEPTH) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...flopacksUnder(full, depth + 1));
    else if (entry.isFile() && entry.name.endsWith('.flopack')) out.push(full);
  }
  return out;
}

const isDir = (dir: string): boolean => existsSync(dir) && statSync(dir).isDirectory();

function locate(): string | null {
  const fromEnv = process.env['FLOPACK_CORPUS'];
  if (fromEnv === 'none') return null;
  if (fromEnv) {
    const dir = path.resolve(ROOT, fromEnv);
    if (!isDir(dir) || flopacksUnder(dir).length === 0) {
      throw new Error(
        `FLOPACK_CORPUS=${fromEnv}: no .flopack files in ${dir} — point it at a folder of real Okta exports, or unset it`,
      );
    }
    return dir;
  }
  for (const dir of [path.resolve(ROOT, '..', 'shared', 'flopacks'), path.join(ROOT, '.corpus')]) {
    if (isDir(dir) && flopacksUnder(dir).length > 0) return dir;
  }
  return null;
}

/** The corpus folder, or null when there is none. */
export const CORPUS_DIR: string | null = locate();

/** Whether a corpus of real Okta exports was found. */
export const hasCorpus = CORPUS_DIR !== null;

/** A corpus file's name: `suspend_inactive_users` for `…/suspend_inactive_users.flopack` or `…/suspend_inactive_users/workflow.flopack`. */
export const corpusName = (file: string): string => {
  const base = path.basename(file, '.flopack');
  return base === 'workflow' ? path.basename(path.dirname(file)) : base;
};

let files: string[] | null = null;

/** Absolute paths of the real flopacks, sorted by name; [] without a corpus. */
export const corpusFiles = (): string[] => {
  if (!CORPUS_DIR) return [];
  files ??= flopacksUnder(CORPUS_DIR).sort((a, b) => corpusName(a).localeCompare(corpusName(b)));
  return [...files];
};

/** The path of a corpus file by template name, e.g. `suspend_inactive_users`. */
export const corpusFile = (name: string): string => {
  if (!CORPUS_DIR) throw new Error(`no real Okta corpus: ${corpusSetupHint}`);
  const file = corpusFiles().find((f) => corpusName(f) === name);
  if (!file) throw new Error(`corpus ${CORPUS_DIR} has no flopack named "${name}"`);
  return file;
};

/** The text of a corpus file by template name, e.g. `suspend_inactive_users`. */
export const corpusText = (name: string): string => readFileSync(corpusFile(name), 'utf8');

/** How to get a corpus. */
export const corpusSetupHint = 'npm run corpus, or set FLOPACK_CORPUS';

/** The one line a run prints when corpus tests were skipped. */
export const corpusSkippedLine = (count: number): string =>
  `real Okta corpus not found: ${count} corpus tests skipped (${corpusSetupHint})`;
