import { describe, expect, it } from 'vitest';
import { catalog, makeWorkspace, withValue } from '../../../tests/builders.ts';
import { readFileSync } from 'node:fs';
import { corpusFiles, corpusText, itCorpus } from '../../../tests/corpus.ts';
import { fixtureText } from '../../../tests/fixtures/flopacks.ts';
import type { Json, RawScope } from '../raw.ts';
import { scopeAt } from '../scope.ts';
import type { Execution } from './engine.ts';
import { fieldLabel } from './engine.ts';
import { readFlopack } from '../../export/flopack/read.ts';
import { unwrap } from '../errors.ts';
import { seededIds } from '../ids.ts';
import { planImport } from '../importPack.ts';
import type { TemplateOptions } from '../templates.ts';
import { buildTemplate } from '../templates.ts';
import type { Workspace } from '../workspace.ts';
import { AT_RISK_GROUP_ID, findUser, sampleOrg } from './org.ts';
import { failedCards, simulate } from './run.ts';

const NOW = new Date('2026-11-29T12:00:00.000Z');

const OPTIONS: TemplateOptions = {
  slackChannel: 'C0SECURITY',
  adminEmails: 'soc@example.com, ciso@example.com',
  atRiskGroupId: AT_RISK_GROUP_ID,
};

function template(id: string, opts = OPTIONS): { ws: Workspace; main: string } {
  const { ws, folderId } = makeWorkspace();
  const built = unwrap(buildTemplate(catalog, id, seededIds(5), opts));
  const plan = unwrap(planImport(ws, built, folderId));
  return { ws: plan.workspace, main: plan.flows[0]?.id as string };
}

describe('simulated runs against a mock Okta org', () => {
  it('Slack notification posts the user’s name, login and status', () => {
    const { ws, main } = template('slack-notify');
    const org = sampleOrg();
    const r = simulate(ws, main, org, { oktaUserId: '00u1alice' }, { now: NOW });
    expect(r.execution.status).toBe('completed');
    expect(r.execution.steps.map((s) => `${s.title}:${s.status}`)).toEqual([
      'Delegated Flow:done',
      'Read User:done',
      'Compose:done',
      'Send Message to Channel:done',
    ]);
    expect(r.org.outbox).toEqual([
      {
        kind: 'slack',
        to: ['C0SECURITY'],
        text: 'Entity risk rose for Alice Example (alice@example.com). Okta status: ACTIVE, last changed 2026-11-28T09:00:00.000Z.',
      },
    ]);
    const read = r.execution.steps[1];
    expect(read?.inputs).toEqual([{ label: 'ID or Login', value: '00u1alice' }]);
    expect(read?.outputs).toContainEqual({ label: 'Username', value: 'alice@example.com' });
    expect(org.outbox).toEqual([]);
  });

  it('Clear sessions revokes sessions and tokens and emails the admins', () => {
    const { ws, main } = template('clear-sessions');
    const r = simulate(ws, main, sampleOrg(), { oktaUserId: '00u1alice' }, { now: NOW });
    expect(r.execution.status).toBe('completed');
    expect(findUser(r.org, '00u1alice')).toMatchObject({ sessions: 0, tokens: 0 });
    expect(r.org.outbox[0]).toMatchObject({
      kind: 'email',
      to: ['soc@example.com', 'ciso@example.com'],
      subject: 'Sessions cleared for an at-risk user',
    });
    expect(r.org.outbox[0]?.text).toContain('Alice Example (alice@example.com)');
  });

  it('Quarantine: Alice ends in Everyone, the at-risk group and the group that refused, deactivated', () => {
    const { ws, main } = template('quarantine');
    const r = simulate(ws, main, sampleOrg(), { oktaUserId: '00u1alice' }, { now: NOW });
    expect(r.execution.status).toBe('completed');
    const alice = findUser(r.org, '00u1alice');
    expect(alice?.groups).toEqual(['00g0everyone', '00g4payroll', AT_RISK_GROUP_ID]);
    expect(alice?.status).toBe('DEPROVISIONED');
    const each = r.execution.steps.find((s) => s.title === 'For Each');
    // Everyone (BUILT_IN) is skipped; Payroll Approvers refuses, and If Error catches it.
    expect(each?.calls?.map((c) => c.status)).toEqual([
      'stopped',
      'completed',
      'completed',
      'completed',
    ]);
    expect(failedCards(r.execution)).toEqual([
      {
        title: 'Remove User from Group',
        message: expect.stringContaining('cannot be removed from "Payroll Approvers"') as string,
      },
    ]);
    const tryCatch = each?.calls?.[3]?.steps.find((s) => s.title === 'If Error (removal)');
    expect(tryCatch?.message).toContain('the flow goes on');
    expect(tryCatch?.calls?.map((c) => c.flowName)).toEqual([
      'If Error (removal) › Try',
      'If Error (removal) › If Error',
    ]);
    expect(findUser(r.org, '00u2bob')?.groups).toEqual([
      '00g0everyone',
      '00g3finance',
      '00g6addomain',
    ]);
  });

  it('the helper reads the group record by Okta’s keys: ID, Type and Profile.Name', () => {
    const { ws, main } = template('quarantine');
    const r = simulate(ws, main, sampleOrg(), { oktaUserId: '00u1alice' }, { now: NOW });
    const each = r.execution.steps.find((s) => s.title === 'For Each');
    const pick = each?.calls?.[1]?.steps.find((s) => s.title.startsWith('Get Multiple'));
    expect(pick?.outputs).toEqual([
      { label: 'ID', value: '00g1engineering' },
      { label: 'Type', value: 'OKTA_GROUP' },
      { label: 'Profile.Name', value: 'Engineering' },
    ]);
  });

  it('without the Type guard, Okta refuses to remove the user from Everyone; If Error catches it', () => {
    const { ws, main } = template('quarantine');
    const helper = Object.values(ws.flows).find((f) => f.name === 'Remove user from group');
    const guard = helper?.data.methods.find((m) => m.node.key === 'continueIf');
    // Bypass the guard: its condition always holds.
    const bypassed = withValue(helper!.data, guard!.uuid, 'operator', 'is not empty');
    const unguarded = {
      ...ws,
      flows: { ...ws.flows, [helper!.id]: { ...helper!, data: bypassed } },
    };
    const r = simulate(unguarded, main, sampleOrg(), { oktaUserId: '00u1alice' }, { now: NOW });
    expect(r.execution.status).toBe('completed');
    expect(failedCards(r.execution).map((f) => f.message)).toEqual([
      expect.stringContaining('a user cannot be removed from "Everyone"'),
      expect.stringContaining('"Payroll Approvers"'),
    ]);
    expect(findUser(r.org, '00u1alice')?.groups).toContain('00g0everyone');
  });

  it('a template created without an at-risk group fails at Add User to Group, as Okta would', () => {
    const { ws, main } = template('quarantine', {});
    const r = simulate(ws, main, sampleOrg(), { oktaUserId: '00u1alice' }, { now: NOW });
    expect(r.execution.status).toBe('failed');
    expect(r.execution.message).toContain('Add User to At-Risk Group');
  });

  it('reports an unknown user as Okta would, and never changes the org it was given', () => {
    const { ws, main } = template('quarantine');
    const org = sampleOrg();
    const r = simulate(ws, main, org, { oktaUserId: '00unobody' }, { now: NOW });
    expect(r.execution.status).toBe('failed');
    expect(r.execution.message).toContain('404');
    expect(org).toEqual(sampleOrg());
  });

  it('runs the fixture flows: helper calls from For Each and Call Flow, and an If Error', () => {
    const helpers = unwrap(readFlopack(fixtureText('helpers')));
    const main = Object.values(helpers.flows).find((f) => f.name === 'Check every group')!;
    const r = simulate(helpers, main.id, sampleOrg(), { oktaUserId: '00u1alice' }, { now: NOW });
    expect(r.execution.status).toBe('completed');
    expect(r.execution.steps.length).toBeGreaterThan(2);
    const branches = unwrap(readFlopack(fixtureText('branches')));
    for (const flow of Object.values(branches.flows)) {
      const run = simulate(
        branches,
        flow.id,
        sampleOrg(),
        { oktaUserId: '00u1alice' },
        { now: NOW },
      );
      expect(['completed', 'failed', 'stopped', 'incomplete'], flow.name).toContain(
        run.execution.status,
      );
      expect(run.execution.steps.length, flow.name).toBeGreaterThan(1);
    }
  });

  itCorpus('runs a real delegated flow, marking the cards it cannot simulate', () => {
    const ws = unwrap(readFlopack(corpusText('suspend_okta_account_ispm_remediation_flow')));
    const flow = Object.values(ws.flows)[0];
    const r = simulate(
      ws,
      flow?.id as string,
      sampleOrg(),
      { oktaUserId: '00u1alice', values: { entityId: '00u2bob' } },
      { now: NOW },
    );
    expect(['completed', 'incomplete', 'failed', 'stopped']).toContain(r.execution.status);
    expect(r.execution.steps.length).toBeGreaterThan(1);
  });

  itCorpus('Okta’s own flows simulate without invented keys in any card’s outputs', () => {
    let checked = 0;
    for (const file of corpusFiles()) {
      const read = readFlopack(readFileSync(file, 'utf8'));
      if (!read.ok) continue;
      const ws = read.value;
      for (const flow of Object.values(ws.flows)) {
        const r = simulate(ws, flow.id, sampleOrg(), { oktaUserId: '00u1alice' }, { now: NOW });
        const walk = (e: Execution, root: RawScope): void => {
          for (const st of e.steps) {
            const m = scopeAt(root, st.path)?.methods.find((x) => x.uuid === st.card);
            for (const o of st.outputs) {
              const f = Object.values(m?.node.model.outputs.data ?? {}).find(
                (x) => fieldLabel(x) === o.label,
              );
              if (!f || typeof f.value.type !== 'object' || f.value.type === null) continue;
              checked++;
              expect(extraKeys(o.value, f.value.type), `${flow.name} · ${st.title}`).toEqual([]);
            }
            for (const c of st.calls ?? []) walk(c, ws.flows[c.flowId]?.data ?? root);
          }
        };
        walk(r.execution, flow.data);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

/** Keys a value has that its declared type does not (recursively, into list items). */
function extraKeys(v: unknown, type: Json): string[] {
  if (Array.isArray(v)) return v.flatMap((x) => extraKeys(x, type));
  if (
    v === null ||
    typeof v !== 'object' ||
    type === null ||
    typeof type !== 'object' ||
    Array.isArray(type)
  )
    return [];
  const t = type as Record<string, { type?: Json }>;
  return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) =>
    k in t ? extraKeys(x, t[k]?.type ?? null).map((y) => `${k}.${y}`) : [k],
  );
}
