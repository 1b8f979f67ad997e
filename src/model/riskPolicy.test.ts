import { describe, expect, it } from 'vitest';
import { catalog } from '../../tests/builders.ts';
import { unwrap } from './errors.ts';
import { seededIds } from './ids.ts';
import { buildTemplate } from './templates.ts';
import type { PolicyFlow, RiskPolicy } from './riskPolicy.ts';
import {
  addRule,
  emptyPolicy,
  policyDocument,
  policyFlows,
  policyWarnings,
  removeRule,
  updateRule,
} from './riskPolicy.ts';

const flows: PolicyFlow[] = [
  {
    id: 'a',
    name: 'Clear sessions and email admins',
    kind: 'delegated',
    active: true,
    clearsSessions: true,
  },
  { id: 'b', name: 'Remove user from group', kind: 'helper', active: true, clearsSessions: false },
  { id: 'c', name: 'Quarantine', kind: 'delegated', active: false, clearsSessions: false },
  { id: 'd', name: 'Twin', kind: 'delegated', active: true, clearsSessions: false },
  { id: 'e', name: 'Twin', kind: 'delegated', active: true, clearsSessions: false },
];

const rule = (name: string, flow: string, terminateAllSessions = false) =>
  ({ name, riskLevel: 'HIGH', flow, terminateAllSessions }) as const;

describe('risk policy rules', () => {
  it('warns about double session termination, non-delegated, OFF and missing flows', () => {
    const policy: RiskPolicy = {
      policyId: 'rst1',
      rules: [
        rule('High', 'a', true),
        rule('Medium', 'Remove user from group'),
        rule('Low', 'Quarantine'),
        rule('Any', 'Gone'),
      ],
    };
    expect(policyWarnings(policy, flows).map((w) => [w.rule, w.code])).toEqual([
      [0, 'POLICY_W004'],
      [1, 'POLICY_W002'],
      [2, 'POLICY_W003'],
      [3, 'POLICY_W001'],
    ]);
  });

  it('finds nothing to say about a sound rule, nor about a clearing flow without termination', () => {
    const policy: RiskPolicy = { policyId: 'rst1', rules: [rule('High', 'a')] };
    expect(policyWarnings(policy, flows)).toEqual([]);
  });

  it('adds, changes and removes rules without touching the policy it was given', () => {
    const start = emptyPolicy();
    const one = addRule(start, 'a');
    const two = addRule(one, 'c');
    expect(start.rules).toEqual([]);
    expect(two.rules.map((r) => r.name)).toEqual(['New rule', 'New rule (2)']);
    const changed = updateRule(two, 1, { riskLevel: 'LOW', terminateAllSessions: true });
    expect(changed.rules[1]).toEqual({
      name: 'New rule (2)',
      riskLevel: 'LOW',
      flow: 'c',
      terminateAllSessions: true,
    });
    expect(two.rules[1]?.riskLevel).toBe('HIGH');
    expect(updateRule(two, 9, { name: 'x' })).toBe(two);
    expect(removeRule(changed, 0).rules.map((r) => r.flow)).toEqual(['c']);
  });

  it('exports rules naming their flow by name, by id when the name is shared, as given when gone', () => {
    const policy: RiskPolicy = {
      policyId: 'rst1',
      rules: [rule('One', 'a'), rule('Two', 'e'), rule('Three', 'Gone')],
    };
    expect(policyDocument(policy, flows).rules.map((r) => r.flow)).toEqual([
      'Clear sessions and email admins',
      'e',
      'Gone',
    ]);
  });

  it('reads each flow of a workspace: kind, ON/OFF and whether it clears sessions', () => {
    const ws = unwrap(buildTemplate(catalog, 'clear-sessions', seededIds(3)));
    const quarantine = unwrap(buildTemplate(catalog, 'quarantine', seededIds(4)));
    const all = [...Object.values(ws.flows), ...Object.values(quarantine.flows)];
    expect(
      policyFlows(all)
        .map((f) => [f.name, f.kind, f.active, f.clearsSessions])
        .sort(),
    ).toEqual(
      [
        ['Risk Policy - Medium (Clear sessions)', 'delegated', false, true],
        ['Risk Policy - High (Quarantine)', 'delegated', false, false],
        ['Remove user from group', 'helper', false, false],
      ].sort(),
    );
  });
});
