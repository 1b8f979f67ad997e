/** `flopack validate FILE…`: schema and integrity check, one line per file. */
import { formatProblem } from '../../model/errors.ts';
import { readFlopack } from '../../export/flopack/read.ts';
import { schemaProblems } from '../../export/flopack/schema.ts';
import type { Command } from '../command.ts';
import { parseArgs, readInput, UsageError } from '../io.ts';

export const validate: Command = {
  name: 'validate',
  summary: 'check flopacks against the schema and their cross-references',
  usage: 'flopack validate FILE...',
  help: `Checks each file: JSON, the flopack JSON Schema, and integrity (every sequence edge,
mapping, flow, table, connection and folder reference resolves; one event card per flow).
Prints "FILE: ok" or "FILE: error CODE: message" per file.
Exit status: 0 all valid, 1 any invalid, 2 unreadable file or bad arguments.`,
  run(argv, io) {
    const { files } = parseArgs(argv, {});
    if (files.length === 0) throw new UsageError('no FILE given');
    const texts = files.map((f) => [f, readInput(io, f)] as const);
    let failed = 0;
    for (const [file, text] of texts) {
      const read = readFlopack(text);
      const problems = read.ok ? schemaProblems(JSON.parse(text)) : read.problems;
      const first = problems[0];
      if (!first) io.out(`${file}: ok`);
      else {
        failed++;
        const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
        io.out(`${file}: error ${formatProblem(first)}${more}`);
      }
    }
    return failed ? 1 : 0;
  },
};
