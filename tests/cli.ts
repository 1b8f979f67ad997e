/** Test support for the flopack CLI: run it in-process, and write files for it to read. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliIo } from '../src/cli/io.ts';
import { runCli } from '../src/cli/main.ts';

/** What a run printed, line by line, and its exit code. */
export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** Runs `flopack ARGV…` in this process, collecting its output and error lines. */
export async function runFlopack(...argv: string[]): Promise<CliRun> {
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

/** A new empty temporary folder. */
export const tempDir = (prefix = 'flopack-cli-'): string =>
  mkdtempSync(path.join(tmpdir(), prefix));

/** Writes `text` to a file called `name` in a new temporary folder; the file's path. */
export function tempFile(name: string, text: string): string {
  const f = path.join(tempDir(), name);
  writeFileSync(f, text);
  return f;
}
