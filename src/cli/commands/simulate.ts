/** `flopack simulate FILE --flow NAME`: a test run against the mock Okta org. */
import { parseArgs } from 'node:util';
import { formatProblem } from '../../model/errors.ts';
import type { Problem } from '../../model/errors.ts';
import { sameName } from '../../model/names.ts';
import type { MockOrg } from '../../model/sim/org.ts';
import { sampleOrg } from '../../model/sim/org.ts';
import type { Execution, StepRecord } from '../../model/sim/run.ts';
import { failedCards, simulate as run } from '../../model/sim/run.ts';
import { appsOf, differences, readExpectation, readScenario } from '../../model/sim/scenario.ts';
import { readFlopack } from '../../export/flopack/read.ts';
import type { Command } from '../command.ts';
import type { CliIo } from '../io.ts';
import { readInput, UsageError } from '../io.ts';

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

const byLabel = (xs: StepRecord['inputs']): Record<string, unknown> =>
  Object.fromEntries(xs.map((x) => [x.label, x.value]));

/** Every card of a run, nested runs included, in the order they ran. */
function cards(e: Execution): Record<string, unknown>[] {
  return e.steps.flatMap((s) => [
    {
      flow: e.flowName,
      title: s.title,
      status: s.status,
      inputs: byLabel(s.inputs),
      outputs: byLabel(s.outputs),
      message: s.message ?? null,
    },
    ...(s.calls ?? []).flatMap(cards),
  ]);
}

/** The org as `--format json` and `--expect` see it: users with group names, groups, outbox. */
export function orgSummary(org: MockOrg): Record<string, unknown> {
  const name = (id: string) => org.groups.find((g) => g.id === id)?.name ?? id;
  return {
    users: org.users.map((u) => ({
      id: u.id,
      login: u.login,
      status: u.status,
      groups: u.groups.map(name),
      apps: appsOf(org, u.id),
      sessions: u.sessions,
      tokens: u.tokens,
    })),
    groups: org.groups.map((g) => ({ id: g.id, name: g.name, type: g.type })),
    apps: org.apps.map((a) => ({
      id: a.id,
      name: a.name,
      label: a.label,
      users: a.users.map((x) => ({
        id: x.userId,
        login: org.users.find((u) => u.id === x.userId)?.login ?? x.userId,
        scope: x.scope,
        status: x.status,
      })),
    })),
    tables: org.tables,
  };
}

function problem(io: CliIo, file: string, p: Problem | undefined): number {
  io.err(`${file}: error ${formatProblem(p ?? { code: '?', message: 'unreadable' })}`);
  return 2;
}

/** Exit status by run status. */
const EXIT = { completed: 0, stopped: 0, failed: 1, incomplete: 3 } as const;

export const simulate: Command = {
  name: 'simulate',
  summary: 'run a flow against a mock Okta org and print what each card did',
  usage:
    'flopack simulate FILE --flow NAME [--user ID] [--input KEY=VALUE]... [--org ORG.json] [--format text|json] [--expect EXPECT.json]',
  help: `Runs the flow named NAME (or its id) against a mock Okta org, with the Okta User ID
--user (default 00u1alice) and Delegated Flow inputs --input KEY=VALUE (repeat it).
The default org: alice@example.com in Everyone, Engineering, VPN Users and Payroll Approvers
(which refuses removal); bob@example.com in Everyone, Finance and Domain Users (an APP_GROUP);
and the At-Risk Users group (00g5atriskusers); applications example.local (Active Directory:
alice, and bob through a group) and Salesforce (alice). --org ORG.json loads your own scenario:
  {"groups":[{"id":"00g1","name":"Everyone","type":"BUILT_IN"},…],
   "users":[{"id":"00u1","login":"a@x.com","groups":["Everyone"],"sessions":2,"tokens":1},…],
   "apps":[{"id":"0oa1","label":"Salesforce","users":[{"user":"a@x.com","profile":{"role":"Ops"}}]}]}
(a group may say "refuseRemoval":"why" to make Okta refuse removing its members; an app user
"scope":"GROUP" is assigned through a group and cannot be removed alone).
--format json prints {status, message, cards, org, outbox}.
--expect EXPECT.json compares the end of the run and exits 1 printing what differs:
  {"status":"completed","users":{"alice@example.com":{"status":"DEPROVISIONED",
   "groups":["Everyone","At-Risk Users"],"apps":["Salesforce"]}},"outbox":[{"kind":"slack","textContains":"Alice"}]}
Exit status: 0 the run completed or stopped at a condition, 1 it failed (or an expectation
did not hold), 2 bad arguments or files, 3 incomplete (a card the simulator cannot run).`,
  run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...argv],
        allowPositionals: true,
        strict: true,
        options: {
          flow: { type: 'string' },
          user: { type: 'string' },
          input: { type: 'string', multiple: true },
          org: { type: 'string' },
          format: { type: 'string' },
          expect: { type: 'string' },
        },
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const { values: opts, positionals: files } = parsed;
    if (files.length !== 1) throw new UsageError('give exactly one FILE');
    const file = files[0] ?? '';
    if (opts.flow === undefined || opts.flow === '')
      throw new UsageError('--flow NAME is required');
    const format = opts.format ?? 'text';
    if (format !== 'text' && format !== 'json')
      throw new UsageError(`--format is text or json, not "${format}"`);
    const values: Record<string, unknown> = {};
    for (const pair of opts.input ?? []) {
      const at = pair.indexOf('=');
      if (at <= 0) throw new UsageError(`--input takes KEY=VALUE, not "${pair}"`);
      values[pair.slice(0, at)] = pair.slice(at + 1);
    }
    let org = sampleOrg();
    if (opts.org !== undefined) {
      const scenario = readScenario(readInput(io, opts.org));
      if (!scenario.ok) return problem(io, opts.org, scenario.problems[0]);
      org = scenario.value;
    }
    const expectation =
      opts.expect !== undefined ? readExpectation(readInput(io, opts.expect)) : null;
    if (expectation && !expectation.ok)
      return problem(io, opts.expect ?? '', expectation.problems[0]);
    const read = readFlopack(readInput(io, file));
    if (!read.ok) {
      io.out(
        `${file}: error ${formatProblem(read.problems[0] ?? { code: '?', message: 'unreadable' })}`,
      );
      return 1;
    }
    const name = opts.flow;
    const flow = Object.values(read.value.flows).find(
      (f) => f.id === name || sameName(f.name, name),
    );
    if (!flow) throw new UsageError(`${file} has no flow named "${name}"`);
    const r = run(read.value, flow.id, org, { oktaUserId: opts.user ?? '00u1alice', values });
    const e = r.execution;
    const diffs = expectation?.ok ? differences(expectation.value, e, r.org) : [];
    if (format === 'json') {
      io.out(
        JSON.stringify(
          {
            status: e.status,
            message: e.message ?? null,
            cards: cards(e),
            failedCards: failedCards(e),
            org: orgSummary(r.org),
            outbox: r.org.outbox,
            ...(expectation
              ? { expectation: { holds: diffs.length === 0, differences: diffs } }
              : {}),
          },
          null,
          2,
        ),
      );
    } else {
      io.out(`${flow.name}: ${e.status}${e.message ? ` — ${e.message}` : ''}`);
      print(io, e, '  ');
      for (const f of failedCards(e)) io.out(`failed card: ${f.title}: ${f.message}`);
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
      for (const u of r.org.users) {
        const before = appsOf(org, u.id).join(', ');
        const after = appsOf(r.org, u.id).join(', ');
        if (before !== after) io.out(`changed: ${u.login}: apps ${after || '(none)'}`);
      }
      for (const m of r.org.outbox)
        io.out(
          `sent: ${m.kind} to ${m.to.join(', ')}${m.subject ? ` "${m.subject}"` : ''}: ${show(m.text)}`,
        );
      if (expectation) {
        for (const d of diffs) io.out(`expectation failed: ${d}`);
        if (diffs.length === 0) io.out('expectations hold');
      }
    }
    if (diffs.length > 0) return 1;
    // An expected status (even "failed") that held is a pass.
    if (expectation?.ok && expectation.value.status !== undefined) return 0;
    return EXIT[e.status];
  },
};
