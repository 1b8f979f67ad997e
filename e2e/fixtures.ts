/**
 * Each test gets its own studio: a fresh server process on a free port over its own SQLite
 * file, so every test starts from an empty workspace, as a new user does.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { launch } from '../scripts/launchStudio.ts';
import { corpusFile, corpusSetupHint, hasCorpus } from '../tests/corpusLocation.ts';

/** A running studio. */
export interface Studio {
  url: string;
  dbFile: string;
  /** Restarts the server over the same database (simulates a restart). */
  restart(): Promise<void>;
}

export { launch };

export const test = base.extend<{ studio: Studio }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
  studio: async ({}, use) => {
    const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'studio-e2e-')), 'studio.sqlite');
    let running = await launch(dbFile);
    const studio: Studio = {
      url: running.url,
      dbFile,
      restart: async () => {
        running.child.kill('SIGTERM');
        await new Promise((r) => running.child.once('exit', r));
        running = await launch(dbFile, Number(new URL(studio.url).port));
      },
    };
    await use(studio);
    running.child.kill('SIGKILL');
  },
});

export { expect } from '@playwright/test';

/**
 * A real Okta export from the corpus (tests/corpusLocation.ts). Called inside a test whose
 * title carries `[corpus]`: without a corpus it skips that test.
 */
export const sharedFlopack = (name: string): { file: string; text: string } => {
  test.skip(!hasCorpus, `real Okta corpus not found (${corpusSetupHint})`);
  const file = corpusFile(name);
  return { file, text: readFileSync(file, 'utf8') };
};

/** Checks an exported file with the project's own validator (`flopack validate`). */
export const validateFlopack = (file: string): string =>
  execFileSync(process.execPath, ['bin/flopack.js', 'validate', file], {
    encoding: 'utf8',
  }).trim();
