/** `flopack lint FILE…`: the remediation-flow rules, run on every flow of each file. */
import { formatProblem } from '../../model/errors.ts';
import { flowKind } from '../../model/flows.ts';
import { signaturesOf } from '../../model/helperCalls.ts';
import { lintFlow } from '../../model/lint/lint.ts';
import type { FlowInfo } from '../../model/lint/lint.ts';
import { depthOf } from '../../model/workspace.ts';
import { readFlopack } from '../../export/flopack/read.ts';
import type { Command } from '../command.ts';
import { parseArgs, readInput, UsageError } from '../io.ts';

export const lint: Command = {
  name: 'lint',
  summary: 'check flows against the rules for remediation flows',
  usage: 'flopack lint [--strict] FILE...',
  help: `Runs the studio's rules on every flow: no Pause in a delegated flow, required inputs set or
mapped, called helper flows present, Remove User from Group guarded against Everyone, no
unreachable cards, unique names, Delegated Flow input types, folder depth, and helper calls
(every field passed names a helper input, every input the helper uses is passed, the current
item fits its input).
Prints "FILE: flow “NAME”: SEVERITY RULE: message" per finding and a summary per file.
Exit status: 0 no errors (warnings allowed unless --strict), 1 errors, 2 bad arguments.`,
  run(argv, io) {
    const { files, options } = parseArgs(argv, { strict: 'flag' });
    if (files.length === 0) throw new UsageError('no FILE given');
    const texts = files.map((f) => [f, readInput(io, f)] as const);
    let failed = false;
    for (const [file, text] of texts) {
      const read = readFlopack(text);
      if (!read.ok) {
        failed = true;
        io.out(
          `${file}: error ${formatProblem(read.problems[0] ?? { code: '?', message: 'unreadable' })}`,
        );
        continue;
      }
      const ws = read.value;
      const flows: FlowInfo[] = Object.values(ws.flows).map((f) => ({
        id: f.id,
        name: f.name,
        folderId: f.folderId,
        active: null,
        kind: flowKind(f.data),
      }));
      const helpers = signaturesOf(Object.values(ws.flows));
      let errors = 0;
      let warnings = 0;
      for (const flow of Object.values(ws.flows)) {
        const depth =
          flow.folderId && ws.folders[flow.folderId] ? depthOf(ws, flow.folderId) : undefined;
        for (const f of lintFlow(
          flow,
          depth === undefined ? { flows, helpers } : { flows, helpers, folderDepth: depth },
        )) {
          if (f.severity === 'error') errors++;
          if (f.severity === 'warning') warnings++;
          io.out(`${file}: flow “${flow.name}”: ${f.severity} ${f.rule}: ${f.message}`);
        }
      }
      io.out(`${file}: ${errors} error(s), ${warnings} warning(s)`);
      if (errors > 0 || (options.has('strict') && warnings > 0)) failed = true;
    }
    return failed ? 1 : 0;
  },
};
