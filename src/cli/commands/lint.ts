/** `flopack lint FILE…`: the remediation-flow rules, run on every flow of each file. */
import { formatProblem } from '../../model/errors.ts';
import { readFlopack } from '../../export/flopack/read.ts';
import type { FileLint } from '../../export/lint/report.ts';
import { lintWorkspace } from '../../export/lint/report.ts';
import { toSarif } from '../../export/lint/sarif.ts';
import type { Command } from '../command.ts';
import { parseArgs, readInput, UsageError } from '../io.ts';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

/** The CLI's version, stamped by the build (the sources say "dev"). */
const VERSION = process.env.FLOPACK_CLI_VERSION ?? 'dev';

export const lint: Command = {
  name: 'lint',
  summary: 'check flows against the rules for remediation flows (text, JSON or SARIF)',
  usage: 'flopack lint [--strict] [--format text|json|sarif] FILE...',
  help: `Runs the studio's rules on every flow: no Pause in a delegated flow, required inputs set or
mapped, called helper flows present, Remove User from Group guarded against Everyone, no
unreachable cards, unique names, Delegated Flow input types, folder depth, and helper calls
(every field passed names a helper input, every input the helper uses is passed, the current
item fits its input), and a Scheduled Flow's schedule (every cron field valid).
  --format text   "FILE: flow “NAME”: SEVERITY RULE: message" per finding and a summary per
                  file (default)
  --format json   the findings as data, each with the JSONPath of its card
  --format sarif  SARIF 2.1.0 for GitHub code scanning (one rule per lint rule; each result
                  located by line and by the card's JSONPath)
Exit status: 0 no errors (warnings allowed unless --strict), 1 errors or an unreadable
flopack, 2 bad arguments.`,
  run(argv, io) {
    const { files, options } = parseArgs(argv, { strict: 'flag', format: 'value' });
    if (files.length === 0) throw new UsageError('no FILE given');
    const format = (options.get('format') ?? 'text') as Format;
    if (!FORMATS.includes(format)) throw new UsageError('--format must be text, json or sarif');
    const texts = files.map((f) => [f, readInput(io, f)] as const);
    let failed = false;
    const linted: { lint: FileLint; text: string }[] = [];
    const unreadable: { file: string; error: string }[] = [];
    for (const [file, text] of texts) {
      const read = readFlopack(text);
      if (!read.ok) {
        failed = true;
        const error = formatProblem(read.problems[0] ?? { code: '?', message: 'unreadable' });
        unreadable.push({ file, error });
        if (format === 'text') io.out(`${file}: error ${error}`);
        else io.err(`${file}: error ${error}`);
        continue;
      }
      const l = lintWorkspace(file, read.value);
      linted.push({ lint: l, text });
      if (l.errors > 0 || (options.has('strict') && l.warnings > 0)) failed = true;
      if (format === 'text') {
        for (const f of l.findings)
          io.out(`${file}: flow “${f.flowName}”: ${f.severity} ${f.rule}: ${f.message}`);
        io.out(`${file}: ${l.errors} error(s), ${l.warnings} warning(s)`);
      }
    }
    if (format === 'json')
      io.out(
        JSON.stringify(
          { format: 'flopack-lint', version: 1, files: linted.map((x) => x.lint), unreadable },
          null,
          2,
        ),
      );
    if (format === 'sarif') io.out(JSON.stringify(toSarif(linted, VERSION), null, 2));
    return failed ? 1 : 0;
  },
};
