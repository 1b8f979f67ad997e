import { describe, expect, it } from 'vitest';
import { catalog, makeWorkspace } from '../../../tests/builders.ts';
import { unwrap } from '../errors.ts';
import { seededIds } from '../ids.ts';
import { planImport } from '../importPack.ts';
import { buildTemplate } from '../templates.ts';
import { AT_RISK_GROUP_ID, sampleOrg } from './org.ts';
import { orgView } from './orgView.ts';
import { simulate } from './run.ts';

describe('the mock org as the Test run lists it', () => {
  it('lists users by ID, login, name and status, and groups by ID, name, type and members', () => {
    const v = orgView(sampleOrg());
    expect(v.users[0]).toEqual({
      id: '00u1alice',
      login: 'alice@example.com',
      name: 'Alice Example',
      status: 'ACTIVE',
      changes: [],
    });
    expect(v.groups.map((g) => `${g.id} ${g.name} ${g.type} ${g.members}`)).toContain(
      '00g0everyone Everyone BUILT_IN 2',
    );
    expect(v.groups.find((g) => g.id === AT_RISK_GROUP_ID)).toMatchObject({
      name: 'At-Risk Users',
      type: 'OKTA_GROUP',
      members: 0,
    });
  });

  it('says in words what a quarantine run changed', () => {
    const { ws, folderId } = makeWorkspace();
    const built = unwrap(
      buildTemplate(catalog, 'quarantine', seededIds(5), { atRiskGroupId: AT_RISK_GROUP_ID }),
    );
    const plan = unwrap(planImport(ws, built, folderId));
    const before = sampleOrg();
    const r = simulate(plan.workspace, plan.flows[0]!.id, before, { oktaUserId: '00u1alice' });
    const v = orgView(r.org, before);
    expect(v.users.find((u) => u.id === '00u1alice')?.changes).toEqual([
      'status ACTIVE → DEPROVISIONED',
      'left Engineering, VPN Users',
      'joined At-Risk Users',
      'sessions 2 → 0',
      'tokens 3 → 0',
    ]);
    expect(v.users.find((u) => u.id === '00u2bob')?.changes).toEqual([]);
    expect(v.groups.find((g) => g.id === AT_RISK_GROUP_ID)?.changes).toEqual(['members 0 → 1']);
    expect(v.groups.find((g) => g.id === '00g0everyone')?.changes).toEqual([]);
  });
});
