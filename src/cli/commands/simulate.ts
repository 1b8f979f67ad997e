/** `flopack simulate FILE --flow NAME`: a test run against the mock Okta org. */
import { formatProblem } from '../../model/errors.ts';
import { sameName } from '../../model/names.ts';
import { sampleOrg } from '../../model/sim/org.ts';
import type { Execution } from '../../model/sim/run.ts';
import { simulate as run } from '../../model/sim/run.ts';
import { readFlopack } from '../../export/flopack/read.ts';
import type { Command } from '../command.ts';
import type { CliIo } from '../io.ts';
import { parseArgs, readInput, UsageError } from '../io.ts';

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

function print(io: CliIo, e: Execution, indent = ''): void {
  for (const s of e.steps) {
    io.out(
      `${indent}${s.status.padEnd(11)} ${s.app} – ${s.title}${s.message ? ` (${s.message})` : ''}`,
    );
    for (const c of s.calls ?? []) {
      io.out(`${indent}  ↳ ${c.flowName}: ${c.status}${c.message ? ` (${c.message})` : ''}`);
      print(io, c, `${indent}    `);
    }
  }
}

export const simulate: Command = {
  name: 'simulate',
  summary: 'run a flow against a mock Okta org and print what each card did',
  usage: 'flopack simulate FILE --flow NAME [--user ID] [--input KEY=VALUE]',
  help: `Runs the flow named NAME (or its id) against the mock org (users alice@example.com and
bob@example.com, groups Everyone, Engineering, VPN Users, Finance, At-Risk Users), with the
Okta User ID --user (default 00u1alice) and Delegated Flow inputs --input KEY=VALUE.
Prints each card's status, then the changes to the org and what was sent.
Exit status: 0 the run completed or stopped at a condition, 1 it failed, 2 bad arguments.`,
  run(argv, io) {
    const { files, options } = parseArgs(argv, { flow: 'value', user: 'value', input: 'value' });
    if (files.length !== 1) throw new UsageError('give exactly one FILE');
    const file = files[0] ?? '';
    const name = options.get('flow');
    if (typeof name !== 'string') throw new UsageError('--flow NAME is required');
    const read = readFlopack(readInput(io, file));
    if (!read.ok) {
      io.out(
        `${file}: error ${formatProblem(read.problems[0] ?? { code: '?', message: 'unreadable' })}`,
      );
      return 1;
    }
    const flow = Object.values(read.value.flows).find(
      (f) => f.id === name || sameName(f.name, name),
    );
    if (!flow) throw new UsageError(`${file} has no flow named "${name}"`);
    const values: Record<string, unknown> = {};
    const input = options.get('input');
    if (typeof input === 'string') {
      const [k, ...v] = input.split('=');
      if (k) values[k] = v.join('=');
    }
    const user = options.get('user');
    const org = sampleOrg();
    const r = run(read.value, flow.id, org, {
      oktaUserId: typeof user === 'string' ? user : '00u1alice',
      values,
    });
    io.out(
      `${flow.name}: ${r.execution.status}${r.execution.message ? ` — ${r.execution.message}` : ''}`,
    );
    print(io, r.execution, '  ');
    for (const u of r.org.users) {
      const before = org.users.find((b) => b.id === u.id);
      if (JSON.stringify(before) === JSON.stringify(u)) continue;
      const groups = u.groups
        .map((g) => r.org.groups.find((x) => x.id === g)?.name ?? g)
        .join(', ');
      io.out(
        `changed: ${u.login}: status ${u.status}; groups ${groups}; sessions ${u.sessions}; tokens ${u.tokens}`,
      );
    }
    for (const m of r.org.outbox)
      io.out(
        `sent: ${m.kind} to ${m.to.join(', ')}${m.subject ? ` "${m.subject}"` : ''}: ${show(m.text)}`,
      );
    return r.execution.status === 'failed' ? 1 : 0;
  },
};
