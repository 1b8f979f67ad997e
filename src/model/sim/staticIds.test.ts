import { describe, expect, it } from 'vitest';
import { quarantineFlows } from '../../../tests/builders.ts';
import { setInputValue } from '../cards.ts';
import { unwrap } from '../errors.ts';
import { inlineFlows } from '../scope.ts';
import { unmapField } from '../mapping.ts';
import { AT_RISK_GROUP_ID, sampleOrg } from './org.ts';
import { simulate } from './run.ts';
import { unknownIds } from './staticIds.ts';

const NOW = new Date('2026-11-29T12:00:00.000Z');

describe('IDs typed on cards that the mock org does not have', () => {
  it('reports a wrong at-risk group ID before the run, naming the card and input, with the groups it could take', () => {
    const { ws, main } = quarantineFlows('00g5wrong');
    const found = unknownIds(main, sampleOrg());
    expect(found).toHaveLength(1);
    const w = found[0]!;
    expect(w).toMatchObject({
      code: 'SIM_W001',
      cardTitle: 'Add User to At-Risk Group',
      inputLabel: 'Group ID',
      value: '00g5wrong',
      kind: 'group',
      path: [],
    });
    expect(w.message).toContain('“Add User to At-Risk Group” · Group ID is "00g5wrong"');
    // Users can be added only to Okta groups: Everyone and the app group are not offered.
    expect(w.choices).toContainEqual({ id: AT_RISK_GROUP_ID, name: 'At-Risk Users' });
    expect(w.choices.map((c) => c.name)).not.toContain('Everyone');
    expect(w.choices.map((c) => c.name)).not.toContain('Domain Users');
    // Without the warning, the run fails halfway with Okta's 404.
    const r = simulate(ws, main.id, sampleOrg(), { oktaUserId: '00u1alice' }, { now: NOW });
    expect(r.execution.message).toContain('404');
  });

  it('choosing the suggested group clears the warning and the run completes', () => {
    const { ws, main } = quarantineFlows('00g5wrong');
    const w = unknownIds(main, sampleOrg())[0]!;
    const data = unwrap(setInputValue(main.data, w.card, w.input, AT_RISK_GROUP_ID, w.path));
    const fixed = { ...main, data };
    expect(unknownIds(fixed, sampleOrg())).toEqual([]);
    const r = simulate(
      { ...ws, flows: { ...ws.flows, [main.id]: fixed } },
      main.id,
      sampleOrg(),
      { oktaUserId: '00u1alice' },
      { now: NOW },
    );
    expect(r.execution.status).toBe('completed');
  });

  it('is silent for known IDs, mapped inputs and the template as shipped', () => {
    const { main, helper } = quarantineFlows(AT_RISK_GROUP_ID);
    expect(unknownIds(main, sampleOrg())).toEqual([]);
    expect(unknownIds(helper, sampleOrg())).toEqual([]);
  });

  it('finds a typed ID inside an If Error lane, with its path, and a typed user by login or ID', () => {
    const { helper } = quarantineFlows(AT_RISK_GROUP_ID);
    const tryIt = helper.data.methods.find((m) => m.node.key === 'tryCatch')!;
    const lane = inlineFlows(tryIt)[0]!;
    const remove = lane.flo.methods.find((m) => m.node.data.name === 'Remove User from Group')!;
    const groupField = Object.values(remove.node.model.inputs.data).find(
      (f) => f.group === 'Group' && f.key === 'id',
    )!;
    const path = [{ card: tryIt.uuid as never, slot: lane.slot }];
    // Unmap the Group ID and type an ID the org lacks.
    const unmapped = unwrap(
      unmapField(helper.data, { card: remove.uuid as never, input: groupField.id as never }, path),
    );
    const typed = unwrap(
      setInputValue(unmapped, remove.uuid as never, groupField.id as never, '00gnope', path),
    );
    const found = unknownIds({ ...helper, data: typed }, sampleOrg());
    expect(found.map((w) => [w.cardTitle, w.inputLabel, w.value, w.path.length])).toEqual([
      ['Remove User from Group', 'Group ID', '00gnope', 1],
    ]);
  });
});
