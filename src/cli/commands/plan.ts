/** `flopack plan FILE`: what importing a flopack creates and what the admin must do after. */
import path from 'node:path';
import { formatProblem } from '../../model/errors.ts';
import { readFlopack } from '../../export/flopack/read.ts';
import { planMarkdown } from '../../export/plan/markdown.ts';
import { importPlan } from '../../export/plan/plan.ts';
import type { Command } from '../command.ts';
import { parseArgs, readInput, UsageError } from '../io.ts';

export const plan: Command = {
  name: 'plan',
  summary: 'what importing a flopack creates and what to do after (connections, flows to turn ON)',
  usage: 'flopack plan FILE [--format md|json]',
  help: `Lists what importing FILE into an org creates and what the admin must do afterwards:
connections to reselect (app, how many cards use each), flows to turn ON in order (helper
flows first), API endpoint flows whose invoke URL and client token change, tables whose rows
do not travel, delegated flows counting toward the active-flow limit, Pause cards inside
delegated flows.
  --format md    a Markdown checklist (default)
  --format json  {flows, connections:[{app, cards, …}], turnOn, endpoints, tables, warnings}
Exit status: 0 ok, 1 not a valid flopack, 2 unreadable file or bad arguments.`,
  run(argv, io) {
    const { files, options } = parseArgs(argv, { format: 'value' });
    if (files.length !== 1) throw new UsageError('give exactly one FILE');
    const format = options.get('format') ?? 'md';
    if (format !== 'md' && format !== 'json') throw new UsageError('--format must be md or json');
    const file = files[0] ?? '';
    const read = readFlopack(readInput(io, file));
    if (!read.ok) {
      io.out(`${file}: error ${formatProblem(read.problems[0] ?? { code: '?', message: '' })}`);
      return 1;
    }
    const p = importPlan(read.value);
    io.out(
      format === 'json'
        ? JSON.stringify(p, null, 2)
        : planMarkdown(p, path.basename(file)).trimEnd(),
    );
    return 0;
  },
};
