import { describe, expect, it } from 'vitest';
import { catalog } from '../../../tests/builders.ts';
import type { FlowId } from '../ids.ts';
import { seededIds } from '../ids.ts';
import { FlowBuilder } from '../templateBuilder.ts';
import type { Flow, Workspace } from '../workspace.ts';
import { emptyWorkspace } from '../workspace.ts';
import { sampleOrg } from './org.ts';
import { simulate } from './run.ts';
import { appsOf, readScenario } from './scenario.ts';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const OKTA = 'root:channels:http:okta:';
const AD = '0oa1activedirectory';
const SALESFORCE = '0oa2salesforce';

const flowOf = (id: FlowId, name: string, b: FlowBuilder): Flow => ({
  id,
  name,
  description: '',
  folderId: null,
  active: false,
  data: b.data,
  rest: null,
});

const workspace = (flows: Flow[]): Workspace => ({
  ...emptyWorkspace(),
  flows: Object.fromEntries(flows.map((f) => [f.id, f])),
});

/** Delegated Flow → Get Assigned User for Application (AD) → Remove User from Application (appId). */
function offboarding(removeFrom: string): { ws: Workspace; id: FlowId } {
  const ids = seededIds(41);
  const id = ids.uuid() as FlowId;
  const b = new FlowBuilder(catalog, ids, id);
  const event = b.event('root:kernel:http:delegated');
  const read = b.add(`${OKTA}getAssignedUserForApplication`);
  b.set(read, 'application', AD, 'parameters');
  b.map(event, 'okta-user-id', read, 'id', 'User');
  const remove = b.add(`${OKTA}removeUserFromApplication`);
  b.set(remove, 'application', '-- Enter Application ID --', 'parameters');
  b.set(remove, 'applicationID', removeFrom, 'Application');
  b.map(event, 'okta-user-id', remove, 'id', 'User');
  return { ws: workspace([flowOf(id, 'Offboard apps', b)]), id };
}

describe('application users in the mock org', () => {
  it('Get Assigned User for Application returns the app user by Okta’s keys; Remove User from Application unassigns', () => {
    const { ws, id } = offboarding(SALESFORCE);
    const org = sampleOrg();
    const r = simulate(ws, id, org, { oktaUserId: '00u1alice' }, { now: NOW });
    expect(r.execution.status).toBe('completed');
    const read = r.execution.steps[1]!;
    const out = Object.fromEntries(read.outputs.map((o) => [o.label, o.value]));
    expect(out).toMatchObject({
      'User ID': '00u1alice',
      Scope: 'USER',
      Status: 'PROVISIONED',
      Credentials: { Username: 'alice@example.local', Password: false },
      sAMAccountName: 'alice',
      distinguishedName: 'CN=Alice Example,OU=Staff,DC=example,DC=local',
    });
    expect(r.execution.steps[2]?.outputs).toEqual([{ label: 'Status', value: 204 }]);
    expect(appsOf(r.org, '00u1alice')).toEqual(['example.local']);
    expect(appsOf(org, '00u1alice')).toEqual(['example.local', 'Salesforce']);
  });

  it('Okta refuses to remove an app user assigned through a group, and a user not assigned is a 404', () => {
    const { ws, id } = offboarding(AD);
    const bob = simulate(ws, id, sampleOrg(), { oktaUserId: '00u2bob' }, { now: NOW });
    expect(bob.execution.status).toBe('failed');
    expect(bob.execution.message).toContain('assigned to "example.local" through a group');
    expect(appsOf(bob.org, '00u2bob')).toEqual(['example.local']);
    const none = simulate(offboarding(SALESFORCE).ws, id, sampleOrg(), { oktaUserId: '00u2bob' });
    expect(none.execution.status).toBe('failed');
  });

  it('List Users Assigned to Application streams each app user to the helper flow as its Record', () => {
    const ids = seededIds(43);
    const helperId = ids.uuid() as FlowId;
    const h = new FlowBuilder(catalog, ids, helperId);
    h.event('root:kernel:control:callable');
    // The record type the helper of `identify_inactive_third_party_app_users` declares.
    h.input('Record', {
      'System Properties': {
        type: {
          'User ID': { type: 'string', collection: false },
          Scope: { type: 'string', collection: false },
        },
        collection: false,
      },
    });
    const id = ids.uuid() as FlowId;
    const b = new FlowBuilder(catalog, ids, id);
    b.event('root:kernel:http:delegated');
    const list = b.add(`${OKTA}listUsersAssignedToApplication`);
    b.set(list, 'application', AD, 'parameters');
    b.set(list, 'Flow', helperId, 'Streaming');
    const ws = workspace([flowOf(id, 'Review AD users', b), flowOf(helperId, 'Check one', h)]);
    const r = simulate(ws, id, sampleOrg(), { oktaUserId: '00u1alice' }, { now: NOW });
    expect(r.execution.status).toBe('completed');
    const step = r.execution.steps[1]!;
    expect(step.outputs).toEqual([{ label: 'Records Streamed', value: 2 }]);
    expect(
      step.calls?.map((c) => c.steps[0]?.outputs.find((o) => o.label === 'Record')?.value),
    ).toEqual([
      { 'System Properties': { 'User ID': '00u1alice', Scope: 'USER' } },
      { 'System Properties': { 'User ID': '00u2bob', Scope: 'GROUP' } },
    ]);
  });

  it('a scenario lists apps and their users (by id or login); unknown users are refused', () => {
    const org = readScenario(
      JSON.stringify({
        groups: [{ id: '00gE', name: 'Everyone', type: 'BUILT_IN' }],
        users: [{ id: '00uC', login: 'carol@corp.test', groups: ['Everyone'] }],
        apps: [
          {
            id: '0oaS',
            label: 'Slack',
            users: [{ user: 'carol@corp.test', scope: 'GROUP', profile: { email: 'c@corp.test' } }],
          },
        ],
      }),
    );
    expect(org.ok && org.value.apps[0]?.users[0]).toMatchObject({
      userId: '00uC',
      scope: 'GROUP',
      username: 'carol@corp.test',
      profile: { email: 'c@corp.test' },
    });
    const wrong = readScenario(
      JSON.stringify({
        groups: [],
        users: [],
        apps: [{ id: 'a', label: 'A', users: [{ user: 'x' }] }],
      }),
    );
    expect(wrong.ok ? null : wrong.problems[0]?.code).toBe('SIM_E007');
  });
});
