import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { add, makeDelegatedFlow, placeTemplate } from '../../../tests/builders.ts';
import { runFlopack, tempFile } from '../../../tests/cli.ts';
import { writeFlopack } from '../../export/flopack/write.ts';
import { unwrap } from '../../model/errors.ts';
import { addEventInput } from '../../model/eventInputs.ts';
import type { TemplateOptions } from '../../model/templates.ts';

function quarantineFile(opts: TemplateOptions = { atRiskGroupId: '00g5atriskusers' }): string {
  const placed = placeTemplate('quarantine', opts, 3).workspace;
  return tempFile('quarantine.folder', unwrap(writeFlopack(placed)));
}
const QUARANTINE = 'Risk Policy - High (Quarantine)';

describe('flopack simulate', () => {
  it('runs the quarantine template against the mock org and prints the cards and the changes', async () => {
    const f = quarantineFile();
    const r = await runFlopack(
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
    const missing = await runFlopack('simulate', f, '--flow', QUARANTINE, '--user', '00unobody');
    expect(missing.code).toBe(1);
    expect((await runFlopack('simulate', f)).code).toBe(2);
    expect((await runFlopack('simulate', f, '--flow', QUARANTINE, '--format', 'yaml')).code).toBe(
      2,
    );
    expect((await runFlopack('simulate', f, '--flow', QUARANTINE, '--bogus')).code).toBe(2);
  });

  it('--format json prints the status, every card, the org with group names, and the outbox', async () => {
    const r = await runFlopack(
      'simulate',
      quarantineFile(),
      '--flow',
      QUARANTINE,
      '--format',
      'json',
    );
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
    const good = tempFile(
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
    const ok = await runFlopack('simulate', f, '--flow', QUARANTINE, '--expect', good);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('expectations hold');
    const bad = tempFile(
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
    const no = await runFlopack('simulate', f, '--flow', QUARANTINE, '--expect', bad);
    expect(no.code).toBe(1);
    expect(no.out).toEqual(
      expect.arrayContaining([
        'expectation failed: alice@example.com status: expected SUSPENDED, got DEPROVISIONED',
        'expectation failed: alice@example.com groups: expected Everyone, At-Risk Users; got Everyone, Payroll Approvers, At-Risk Users',
        'expectation failed: outbox: expected 1 item(s), got 0',
        'expectation failed: alice@example.com apps: expected Salesforce; got example.local, Salesforce',
      ]),
    );
    const broken = tempFile('expect.json', '{"users": {"a": {"colour": "red"}}}');
    const refused = await runFlopack('simulate', f, '--flow', QUARANTINE, '--expect', broken);
    expect(refused.code).toBe(2);
    expect(refused.err[0]).toContain('SIM_E006');
  });

  it('--org loads a scenario (group types, memberships by name, a group refusing removal)', async () => {
    const org = tempFile(
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
    const r = await runFlopack('simulate', f, '--flow', QUARANTINE, '--org', org, '--user', '00uC');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'changed: carol@corp.test: status DEPROVISIONED; groups Everyone, Admins, Quarantine; sessions 0; tokens 0',
    );
    const wrong = tempFile(
      'org.json',
      JSON.stringify({ groups: [], users: [{ id: 'u', login: 'l', groups: ['Nope'] }] }),
    );
    const refused = await runFlopack('simulate', f, '--flow', QUARANTINE, '--org', wrong);
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
    const f = tempFile('reset.flopack', unwrap(writeFlopack(edited)));
    const name = ws.flows[flowId]!.name;
    const r = await runFlopack(
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
