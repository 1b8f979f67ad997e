/** The shared corpus of real Okta exports, read from ../shared beside the checkout. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared, beside the project checkout. */
export const SHARED = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'shared',
);

/** Absolute paths of the real flopacks, sorted by name. */
export const corpusFiles = (): string[] =>
  readdirSync(path.join(SHARED, 'flopacks'))
    .filter((f) => f.endsWith('.flopack'))
    .sort()
    .map((f) => path.join(SHARED, 'flopacks', f));

/** The text of a corpus file by template name, e.g. `suspend_inactive_users`. */
export const corpusText = (name: string): string =>
  readFileSync(path.join(SHARED, 'flopacks', `${name}.flopack`), 'utf8');
