import { describe, expect, it } from 'vitest';
import { quarantineFlows } from '../../../tests/builders.ts';
import { corpusText, describeCorpus } from '../../../tests/corpus.ts';
import { readFlopack } from '../../export/flopack/read.ts';
import { unwrap } from '../errors.ts';
import type { RawScope } from '../raw.ts';
import { inlineFlows } from '../scope.ts';
import { cardStatuses } from './cardStatus.ts';
import { AT_RISK_GROUP_ID, sampleOrg } from './org.ts';
import { groupRecord } from './records.ts';
import { simulate } from './run.ts';

const NOW = new Date('2026-11-29T12:00:00.000Z');

/** "title: text" for every titled card of a scope and its lanes, in file order. */
function said(scope: RawScope, statuses: ReturnType<typeof cardStatuses>): string[] {
  return scope.methods.flatMap((m) => {
    const s = statuses.get(m.uuid);
    const inner = inlineFlows(m).map((e) => e.flo);
    return [
      ...(s ? [`${m.node.data.name}: ${s.text}`] : []),
      ...inner.flatMap((x) => said(x, statuses)),
    ];
  });
}

describe('each card’s status after a run', () => {
  it('marks every card of a completed quarantine run as ran', () => {
    const { ws, main } = quarantineFlows(AT_RISK_GROUP_ID);
    const r = simulate(ws, main.id, sampleOrg(), { oktaUserId: '00u1alice' }, { now: NOW });
    const st = cardStatuses(main.data, r.execution);
    const cards = said(main.data, st).filter((x) => !x.startsWith('The at-risk user'));
    expect(cards).toEqual(
      expect.arrayContaining([
        'Delegated Flow: Ran',
        'Get Users Groups: Ran',
        'For Each: Ran',
        'Add User to At-Risk Group: Ran',
        'Deactivate User: Ran',
      ]),
    );
  });

  it('shows the failed card with the error’s first line and the cards after it as not reached', () => {
    const { ws, main } = quarantineFlows('00g5wrong');
    const r = simulate(ws, main.id, sampleOrg(), { oktaUserId: '00u1alice' }, { now: NOW });
    const st = cardStatuses(main.data, r.execution);
    const byTitle = (t: string) =>
      st.get(main.data.methods.find((m) => m.node.data.name === t)!.uuid);
    expect(byTitle('Add User to At-Risk Group')).toEqual({
      state: 'failed',
      text: 'Failed: Okta answered 404: no group "00g5wrong" in the mock org.',
    });
    expect(byTitle('Deactivate User')).toEqual({ state: 'not reached', text: 'Not reached' });
    expect(byTitle('For Each')?.state).toBe('ran');
  });

  it('marks the If Error lane a run did not enter as skipped, and a refused removal as failed', () => {
    const { ws, helper } = quarantineFlows(AT_RISK_GROUP_ID);
    const org = sampleOrg();
    const run = (groupId: string) =>
      cardStatuses(
        helper.data,
        simulate(
          ws,
          helper.id,
          org,
          {
            values: {
              Group: groupRecord(org.groups.find((g) => g.id === groupId)!),
              'User ID': '00u1alice',
            },
          },
          { now: NOW },
        ).execution,
      );
    const ok = said(helper.data, run('00g1engineering'));
    expect(ok).toContain('Remove User from Group: Ran');
    expect(ok.filter((x) => x.startsWith('Return'))).toEqual([
      'Return: Ran',
      'Return: Skipped: the run took another branch',
    ]);
    const refused = said(helper.data, run('00g4payroll'));
    expect(refused).toContain(
      'Remove User from Group: Failed: Okta answered 403: "alice@example.com" cannot be removed from "Payroll Approvers": the membership is kept by the group rule "Payroll staff".',
    );
    expect(refused.filter((x) => x.startsWith('Return'))).toEqual([
      'Return: Not reached',
      'Return: Ran',
    ]);
    const everyone = said(helper.data, run('00g0everyone'));
    expect(everyone).toContain(
      'Continue If Okta group: Stopped the flow: The condition is false: the flow stops here.',
    );
    expect(everyone).toContain('Remove User from Group: Not reached');
  });
});

describeCorpus('card statuses on Okta’s own flows', () => {
  it('an If Error whose Try fails: the failing card failed, the If Error lane ran', () => {
    const ws = unwrap(readFlopack(corpusText('okta_add_user_to_a_group_ispm_remediation_flow')));
    const flow = Object.values(ws.flows)[0]!;
    const r = simulate(ws, flow.id, sampleOrg(), { oktaUserId: '00u1alice' }, { now: NOW });
    const lines = said(flow.data, cardStatuses(flow.data, r.execution));
    expect(lines.some((l) => /^Add User to Group: Failed: Okta answered 404/.test(l))).toBe(true);
    expect(lines).toContain('Create Row: Ran');
    expect(lines).toContain('If Error: Ran');
  });
});
