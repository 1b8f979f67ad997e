import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFile, corpusFiles, itCorpus } from '../../tests/corpus.ts';
import { fixtureFile, fixtureFiles } from '../../tests/fixtures/flopacks.ts';
import type { CliIo } from './io.ts';
import { runCli } from './main.ts';
import { add, catalog, makeDelegatedFlow, makeWorkspace } from '../../tests/builders.ts';
import { ok, unwrap } from '../model/errors.ts';
import { createFlow, editFlowContent, setEvent } from '../model/flows.ts';
import { scheduledEvent } from '../model/events.ts';
import { allCardIds } from '../model/scope.ts';
import { seededIds } from '../model/ids.ts';
import { planImport } from '../model/importPack.ts';
import { removeCard } from '../model/insert.ts';
import type { TemplateOptions } from '../model/templates.ts';
import { buildTemplate } from '../model/templates.ts';
import { addEventInput } from '../model/eventInputs.ts';
import { writeFlopack } from '../export/flopack/write.ts';

const file = corpusFile;

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
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

const tmp = (name: string, text: string): string => {
  const f = path.join(mkdtempSync(path.join(tmpdir(), 'flopack-cli-')), name);
  writeFileSync(f, text);
  return f;
};

describe('flopack validate', () => {
  it('prints "FILE: ok" for every generated fixture and exits 0', async () => {
    const files = fixtureFiles();
    const r = await run('validate', ...files);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(files.map((f) => `${f}: ok`));
  });

  itCorpus('prints "FILE: ok" for every real flopack and exits 0', async () => {
    const files = corpusFiles();
    const r = await run('validate', ...files);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(files.map((f) => `${f}: ok`));
  });

  it('prints a coded error for a broken file and exits 1', async () => {
    const broken = tmp(
      'broken.flopack',
      readFileSync(fixtureFile('branches'), 'utf8').slice(0, 500),
    );
    const r = await run('validate', fixtureFile('branches'), broken);
    expect(r.code).toBe(1);
    expect(r.out[1]).toMatch(/broken\.flopack: error FLOPACK_E001: The file is not valid JSON/);
  });

  it('reports a schema problem the integrity checks do not cover', async () => {
    const doc = JSON.parse(readFileSync(fixtureFile('helpers'), 'utf8')) as {
      flags: unknown;
    };
    doc.flags = { odd: 'yes' };
    const r = await run('validate', tmp('odd.flopack', JSON.stringify(doc)));
    expect(r.code).toBe(1);
    expect(r.out[0]).toContain('error FLOPACK_E030: Schema:');
  });

  it('exits 2 with a clear message for a missing file', async () => {
    const r = await run('validate', 'no-such.flopack');
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe('flopack validate: no-such.flopack: cannot read (no such file)');
  });
});

describe('flopack roundtrip', () => {
  it('prints "FILE: identical" for every generated fixture', async () => {
    const files = fixtureFiles();
    const r = await run('roundtrip', ...files);
    expect(r.out).toEqual(files.map((f) => `${f}: identical`));
    expect(r.code).toBe(0);
  });

  itCorpus('prints "FILE: identical" for every real flopack', async () => {
    const files = corpusFiles();
    const r = await run('roundtrip', ...files);
    expect(r.out.filter((l) => l.endsWith(': identical'))).toHaveLength(files.length);
    expect(r.code).toBe(0);
  });

  it('reports an unreadable flopack as an error and exits 1', async () => {
    const r = await run('roundtrip', tmp('x.flopack', '{"type":"flopack"}'));
    expect(r.code).toBe(1);
    expect(r.out[0]).toMatch(/: error FLOPACK_E00/);
  });
});

describe('flopack info', () => {
  it('lists the helper link of a generated fixture', async () => {
    const r = await run('info', fixtureFile('helpers'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('  Helpers');
    expect(r.out).toContain('    calls → Check one group');
  });

  itCorpus('lists folders, flows with kinds, card counts and helper links', async () => {
    const r = await run('info', file('assign_temporary_group_memberships'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('  Timed Group Membership');
    expect(r.out).toContain(
      '  SUB - Remove User from Group [Helper flow] 4 cards in "Timed Group Membership"',
    );
    expect(r.out).toContain('    calls → SUB - Remove User from Group');
    expect(r.out.some((l) => l.includes('[Scheduled flow]'))).toBe(true);
  });
});

describe('usage', () => {
  it('prints help for the tool and each command', async () => {
    expect((await run('--help')).out.join('\n')).toContain('roundtrip');
    for (const c of ['validate', 'roundtrip', 'info']) {
      const r = await run(c, '--help');
      expect(r.code).toBe(0);
      expect(r.out[0]).toBe(`usage: flopack ${c}${c === 'info' ? ' FILE' : ' FILE...'}`);
    }
  });

  it('exits 2 on an unknown command, an unknown option or no file', async () => {
    expect((await run('explode')).code).toBe(2);
    expect((await run('validate', '--nope', 'x')).code).toBe(2);
    expect((await run('validate')).code).toBe(2);
    expect((await run()).code).toBe(2);
  });

  it('runs as the installed `flopack` command', () => {
    const bin = path.resolve('bin/flopack.js');
    const out = execFileSync('node', [bin, 'validate', fixtureFile('branches')], {
      encoding: 'utf8',
    });
    expect(out.trim()).toBe(`${fixtureFile('branches')}: ok`);
    const missing = spawnSync('node', [bin, 'info', 'missing.flopack'], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read (no such file)');
  });
});

describe('flopack lint', () => {
  it('finds no problems in the generated fixtures', async () => {
    const r = await run('lint', ...fixtureFiles());
    expect(r.code).toBe(0);
    expect(r.out.filter((l) => l.endsWith(': 0 error(s), 0 warning(s)'))).toHaveLength(
      fixtureFiles().length,
    );
  });

  itCorpus('finds no problems in a real ISPM remediation flow', async () => {
    const r = await run('lint', file('suspend_okta_account_ispm_remediation_flow'));
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      `${file('suspend_okta_account_ispm_remediation_flow')}: 0 error(s), 0 warning(s)`,
    ]);
  });

  it('reports the quarantine helper without its Everyone guard; --strict fails on the warning', async () => {
    const { ws, folderId } = makeWorkspace();
    const placed = unwrap(
      planImport(
        ws,
        unwrap(
          buildTemplate(catalog, 'quarantine', seededIds(3), { atRiskGroupId: '00g5atriskusers' }),
        ),
        folderId,
      ),
    ).workspace;
    const helper = Object.values(placed.flows).find((f) => f.name === 'Remove user from group');
    const guard = helper?.data.methods.find((m) => m.node.key === 'continueIf');
    const edited = unwrap(
      editFlowContent(placed, helper?.id as never, (d) => removeCard(d, guard?.uuid as never)),
    );
    const f = tmp('quarantine.folder', unwrap(writeFlopack(edited)));
    const r = await run('lint', f);
    expect(r.code).toBe(0);
    expect(r.out[0]).toContain('flow “Remove user from group”: warning everyone-guard:');
    expect((await run('lint', '--strict', f)).code).toBe(1);
  });

  it('reports an invalid schedule in a file as a coded error', async () => {
    const { ws, folderId } = makeWorkspace();
    const { workspace, flow } = unwrap(createFlow(ws, folderId, { name: 'Nightly' }));
    const edited = unwrap(
      editFlowContent(workspace, flow.id, (d) => {
        const r = setEvent(d, scheduledEvent(catalog, allCardIds(d)), { scheduled: true });
        return r.ok ? ok({ ...r.value, cron: { ...(r.value.cron as object), hours: '24' } }) : r;
      }),
    );
    const r = await run('lint', tmp('nightly.folder', unwrap(writeFlopack(edited))));
    expect(r.code).toBe(1);
    expect(r.out[0]).toMatch(
      /flow “Nightly”: error invalid-schedule: SCHEDULE_E003: Hours "24" is not valid/,
    );
  });
});

function quarantineFile(opts: TemplateOptions = { atRiskGroupId: '00g5atriskusers' }): string {
  const { ws, folderId } = makeWorkspace();
  const placed = unwrap(
    planImport(ws, unwrap(buildTemplate(catalog, 'quarantine', seededIds(3), opts)), folderId),
  ).workspace;
  return tmp('quarantine.folder', unwrap(writeFlopack(placed)));
}
const QUARANTINE = 'Risk Policy - High (Quarantine)';

describe('flopack simulate', () => {
  it('runs the quarantine template against the mock org and prints the cards and the changes', async () => {
    const f = quarantineFile();
    const r = await run(
      'simulate',
      f,
      '--flow',
      'risk policy - high (quarantine)',
      '--user',
      '00u2bob',
    );
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('Risk Policy - High (Quarantine): completed');
    expect(r.out).toContain(
      'changed: bob@example.com: status DEPROVISIONED; groups Everyone, Domain Users, At-Risk Users; sessions 0; tokens 0',
    );
    expect(r.out.some((l) => l.includes('If Error (removal) › Try: completed'))).toBe(true);
    expect(r.out.some((l) => /If Error[^:]* · :/.test(l))).toBe(false);
    const missing = await run('simulate', f, '--flow', QUARANTINE, '--user', '00unobody');
    expect(missing.code).toBe(1);
    expect((await run('simulate', f)).code).toBe(2);
    expect((await run('simulate', f, '--flow', QUARANTINE, '--format', 'yaml')).code).toBe(2);
    expect((await run('simulate', f, '--flow', QUARANTINE, '--bogus')).code).toBe(2);
  });

  it('--format json prints the status, every card, the org with group names, and the outbox', async () => {
    const r = await run('simulate', quarantineFile(), '--flow', QUARANTINE, '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out.join('\n')) as {
      status: string;
      cards: { title: string; status: string; inputs: object; outputs: object; message: unknown }[];
      failedCards: { title: string }[];
      org: {
        users: { login: string; status: string; groups: string[]; apps: string[] }[];
        groups: { type: string }[];
        apps: { label: string; users: object[] }[];
      };
      outbox: unknown[];
    };
    expect(json.status).toBe('completed');
    expect(json.cards.map((c) => c.title)).toContain('Remove User from Group');
    expect(Object.keys(json.cards[0] ?? {}).sort()).toEqual(
      ['flow', 'inputs', 'message', 'outputs', 'status', 'title'].sort(),
    );
    expect(json.failedCards.map((c) => c.title)).toEqual(['Remove User from Group']);
    expect(json.org.users.find((u) => u.login === 'alice@example.com')).toMatchObject({
      status: 'DEPROVISIONED',
      groups: ['Everyone', 'Payroll Approvers', 'At-Risk Users'],
      apps: ['example.local', 'Salesforce'],
    });
    // Deactivation deprovisions the user's app users; the assignments stay.
    expect(json.org.apps.map((a) => a.label)).toEqual(['example.local', 'Salesforce']);
    expect(json.org.apps[0]?.users).toEqual([
      { id: '00u1alice', login: 'alice@example.com', scope: 'USER', status: 'DEPROVISIONED' },
      { id: '00u2bob', login: 'bob@example.com', scope: 'GROUP', status: 'PROVISIONED' },
    ]);
    expect(json.outbox).toEqual([]);
  });

  it('--expect passes when the org ends as written, and exits 1 printing what differs', async () => {
    const f = quarantineFile();
    const good = tmp(
      'expect.json',
      JSON.stringify({
        status: 'completed',
        users: {
          'alice@example.com': {
            status: 'DEPROVISIONED',
            groups: ['Everyone', 'At-Risk Users', 'Payroll Approvers'],
            apps: ['Salesforce', '0oa1activedirectory'],
            sessions: 0,
          },
        },
        outbox: [],
      }),
    );
    const ok = await run('simulate', f, '--flow', QUARANTINE, '--expect', good);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('expectations hold');
    const bad = tmp(
      'expect.json',
      JSON.stringify({
        users: {
          '00u1alice': {
            status: 'SUSPENDED',
            groups: ['Everyone', 'At-Risk Users'],
            apps: ['Salesforce'],
          },
        },
        outbox: [{ kind: 'slack' }],
      }),
    );
    const no = await run('simulate', f, '--flow', QUARANTINE, '--expect', bad);
    expect(no.code).toBe(1);
    expect(no.out).toEqual(
      expect.arrayContaining([
        'expectation failed: alice@example.com status: expected SUSPENDED, got DEPROVISIONED',
        'expectation failed: alice@example.com groups: expected Everyone, At-Risk Users; got Everyone, Payroll Approvers, At-Risk Users',
        'expectation failed: outbox: expected 1 item(s), got 0',
        'expectation failed: alice@example.com apps: expected Salesforce; got example.local, Salesforce',
      ]),
    );
    const broken = tmp('expect.json', '{"users": {"a": {"colour": "red"}}}');
    const refused = await run('simulate', f, '--flow', QUARANTINE, '--expect', broken);
    expect(refused.code).toBe(2);
    expect(refused.err[0]).toContain('SIM_E006');
  });

  it('--org loads a scenario (group types, memberships by name, a group refusing removal)', async () => {
    const org = tmp(
      'org.json',
      JSON.stringify({
        groups: [
          { id: '00gE', name: 'Everyone', type: 'BUILT_IN' },
          {
            id: '00gA',
            name: 'Admins',
            type: 'OKTA_GROUP',
            refuseRemoval: 'a group rule keeps it',
          },
          { id: '00gS', name: 'Sales', type: 'OKTA_GROUP' },
          { id: '00gQ', name: 'Quarantine', type: 'OKTA_GROUP' },
        ],
        users: [
          {
            id: '00uC',
            login: 'carol@corp.test',
            groups: ['Everyone', 'Admins', 'Sales'],
            sessions: 4,
          },
        ],
      }),
    );
    const f = quarantineFile({ atRiskGroupId: '00gQ' });
    const r = await run('simulate', f, '--flow', QUARANTINE, '--org', org, '--user', '00uC');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'changed: carol@corp.test: status DEPROVISIONED; groups Everyone, Admins, Quarantine; sessions 0; tokens 0',
    );
    const wrong = tmp(
      'org.json',
      JSON.stringify({ groups: [], users: [{ id: 'u', login: 'l', groups: ['Nope'] }] }),
    );
    const refused = await run('simulate', f, '--flow', QUARANTINE, '--org', wrong);
    expect(refused.code).toBe(2);
    expect(refused.err[0]).toContain('SIM_E004');
  });

  it('--input repeats, and a card the simulator cannot run makes the run incomplete (exit 3)', async () => {
    const { ws, flowId } = makeDelegatedFlow();
    const base = ws.flows[flowId]!.data;
    const withInputs = unwrap(addEventInput(base, { name: 'first', type: 'string' })).data;
    const both = unwrap(addEventInput(withInputs, { name: 'second', type: 'string' })).data;
    const reset = add(both, 'root:channels:http:okta:resetPassword');
    const edited = {
      ...ws,
      flows: { ...ws.flows, [flowId]: { ...ws.flows[flowId]!, data: reset.data } },
    };
    const f = tmp('reset.flopack', unwrap(writeFlopack(edited)));
    const name = ws.flows[flowId]!.name;
    const r = await run(
      'simulate',
      f,
      '--flow',
      name,
      '--input',
      'first=1',
      '--input',
      'second=a=b',
      '--format',
      'json',
    );
    expect(r.code).toBe(3);
    const json = JSON.parse(r.out.join('\n')) as {
      status: string;
      cards: { outputs: Record<string, unknown> }[];
    };
    expect(json.status).toBe('incomplete');
    expect(json.cards[0]?.outputs).toMatchObject({ first: '1', second: 'a=b' });
  });

  it('stops quietly when the reader of its output goes away (| head -2)', () => {
    const f = quarantineFile();
    const r = spawnSync(
      'sh',
      ['-c', `node bin/flopack.js simulate '${f}' --flow '${QUARANTINE}' | head -2`],
      {
        encoding: 'utf8',
      },
    );
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(r.stderr).not.toContain('EPIPE');
  });
});
