/** `flopack fmt FILE… [--check]`: rewrites flopacks in the canonical form of docs/format.md. */
import { renameSync, writeFileSync } from 'node:fs';
import { formatProblem } from '../../model/errors.ts';
import { formatFlopackText } from '../../export/flopack/canonical.ts';
import type { Command } from '../command.ts';
import { parseArgs, readInput, UsageError } from '../io.ts';

/** Writes beside the file, then renames: an interrupted write never leaves half a flopack. */
function replaceFile(file: string, text: string): void {
  const temp = `${file}.fmt-${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

export const fmt: Command = {
  name: 'fmt',
  summary: 'rewrite flopacks in one canonical form, so git diffs show only real changes',
  usage: 'flopack fmt [--check] FILE...',
  help: `Rewrites each file in the canonical form (docs/format.md): Okta's envelope order, flows,
connections, tables and folders by name, every other object's keys sorted, a card's fields by
their index, arrays as they are, two-space indentation and a final newline. The same content
always gives the same bytes, and formatting changes nothing a diff or Okta would see.
  --check   change nothing; name the files that are not formatted (for CI and pre-commit hooks)
Prints "FILE: formatted", "FILE: unchanged", "FILE: not formatted" (--check) or
"FILE: error CODE: message"; an invalid flopack is never rewritten.
Exit status: 0 ok, 1 a file is invalid or (with --check) not formatted, 2 bad arguments.`,
  run(argv, io) {
    const { files, options } = parseArgs(argv, { check: 'flag' });
    if (files.length === 0) throw new UsageError('no FILE given');
    const check = options.has('check');
    const texts = files.map((f) => [f, readInput(io, f)] as const);
    let failed = false;
    for (const [file, text] of texts) {
      const r = formatFlopackText(text);
      if (!r.ok) {
        failed = true;
        io.out(
          `${file}: error ${formatProblem(r.problems[0] ?? { code: '?', message: 'unreadable' })}`,
        );
      } else if (r.value === text) io.out(`${file}: unchanged`);
      else if (check) {
        failed = true;
        io.out(`${file}: not formatted`);
      } else {
        replaceFile(file, r.value);
        io.out(`${file}: formatted`);
      }
    }
    return failed ? 1 : 0;
  },
};
