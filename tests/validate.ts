/** The project's own validator for tests: `flopack validate FILE`, run in-process. */
import { readFileSync } from 'node:fs';
import type { CliIo } from '../src/cli/io.ts';
import { runCli } from '../src/cli/main.ts';

/** What `flopack validate FILE` prints: `FILE: ok`, or `FILE: error CODE: message`. */
export async function validateFile(file: string): Promise<string> {
  const out: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => out.push(l),
    readText: (f) => readFileSync(f, 'utf8'),
  };
  await runCli(['validate', file], io);
  return out.join('\n');
}
