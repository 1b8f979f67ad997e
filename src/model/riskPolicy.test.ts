import { describe, expect, it } from 'vitest';
import { unwrap } from './errors.ts';
import type { PolicyFlow } from './riskPolicy.ts';
import { parseRiskPolicy, policyWarnings } from './riskPolicy.ts';

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
];

describe('risk policy rules', () => {
  it('warns about double session termination, non-delegated, OFF and missing flows', () => {
    const policy = unwrap(
      parseRiskPolicy({
        policyId: 'rst1',
        rules: [
          { name: 'High', riskLevel: 'HIGH', flow: 'a', terminateAllSessions: true },
          { name: 'Medium', riskLevel: 'MEDIUM', flow: 'Remove user from group' },
          { name: 'Low', riskLevel: 'LOW', flow: 'Quarantine' },
          { name: 'Any', riskLevel: 'ANY', flow: 'Gone' },
        ],
      }),
    );
    expect(policyWarnings(policy, flows).map((w) => [w.rule, w.code])).toEqual([
      [0, 'POLICY_W004'],
      [1, 'POLICY_W002'],
      [2, 'POLICY_W003'],
      [3, 'POLICY_W001'],
    ]);
  });

  it('finds nothing to say about a sound rule', () => {
    const policy = unwrap(
      parseRiskPolicy({
        policyId: 'rst1',
        rules: [{ name: 'High', riskLevel: 'HIGH', flow: 'a' }],
      }),
    );
    expect(policyWarnings(policy, flows)).toEqual([]);
  });
});
