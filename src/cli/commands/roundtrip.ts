/** `flopack roundtrip FILE…`: read → write → compare with the original. */
import { formatProblem } from '../../model/errors.ts';
import { readFlopack } from '../../export/flopack/read.ts';
import { writeFlopack } from '../../export/flopack/write.ts';
import { firstDifference } from '../../export/flopack/jsonDiff.ts';
import type { Command } from '../command.ts';
import { parseArgs, readInput, UsageError } from '../io.ts';

export const roundtrip: Command = {
  name: 'roundtrip',
  summary: 'prove import → export is lossless',
  usage: 'flopack roundtrip FILE...',
  help: `Reads each file into the studio's model, writes it back, and compares the result with
the original as parsed JSON. Prints "FILE: identical" or "FILE: differs at <json path>".
Exit status: 0 all identical, 1 any differs or cannot be read, 2 bad arguments.`,
  run(argv, io) {
    const { files } = parseArgs(argv, {});
    if (files.length === 0) throw new UsageError('no FILE given');
    const texts = files.map((f) => [f, readInput(io, f)] as const);
    let failed = 0;
    for (const [file, text] of texts) {
      const read = readFlopack(text);
      if (!read.ok) {
        failed++;
        io.out(
          `${file}: error ${formatProblem(read.problems[0] ?? { code: '?', message: 'unreadable' })}`,
        );
        continue;
      }
      const written = writeFlopack(read.value);
      const diff = written.ok ? firstDifference(JSON.parse(text), JSON.parse(written.value)) : '$';
      if (diff === null) io.out(`${file}: identical`);
      else {
        failed++;
        io.out(`${file}: differs at ${diff}`);
      }
    }
    return failed ? 1 : 0;
  },
};
