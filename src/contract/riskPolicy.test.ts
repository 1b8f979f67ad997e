import { describe, expect, it } from 'vitest';
import { parseRiskPolicy } from './riskPolicy.ts';

describe('the risk policy document schema', () => {
  it('reads a policy, defaulting terminateAllSessions to false and dropping unknown keys', () => {
    expect(
      parseRiskPolicy({
        policyId: 'rst1',
        extra: 1,
        rules: [{ name: 'High', riskLevel: 'HIGH', flow: 'Quarantine', x: true }],
      }),
    ).toEqual({
      ok: true,
      value: {
        policyId: 'rst1',
        rules: [
          { name: 'High', riskLevel: 'HIGH', flow: 'Quarantine', terminateAllSessions: false },
        ],
      },
    });
  });

  it('names the rule and the field of each problem with a code', () => {
    const r = parseRiskPolicy({
      policyId: 'rst1',
      rules: [
        { name: 'Ok', riskLevel: 'LOW', flow: 'a' },
        { name: 'Bad level', riskLevel: 'SEVERE', flow: 'a' },
        { name: '  ', riskLevel: 'LOW', flow: 'a' },
        { name: 'No flow', riskLevel: 'ANY', flow: '' },
        { name: 'Flag', riskLevel: 'ANY', flow: 'a', terminateAllSessions: 'yes' },
        'not a rule',
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.code)).toEqual([
      'POLICY_E006',
      'POLICY_E005',
      'POLICY_E007',
      'POLICY_E008',
      'POLICY_E004',
    ]);
    expect(r.problems[0]?.message).toBe(
      'Rule 2 ("Bad level"): "riskLevel" must be LOW, MEDIUM, HIGH or ANY.',
    );
  });

  it('refuses what is not a policy, and more rules or longer texts than the limits', () => {
    expect(parseRiskPolicy(null)).toMatchObject({ ok: false, problems: [{ code: 'POLICY_E001' }] });
    expect(parseRiskPolicy({ rules: [] })).toMatchObject({
      ok: false,
      problems: [{ code: 'POLICY_E002' }],
    });
    expect(parseRiskPolicy({ policyId: 'p', rules: {} })).toMatchObject({
      ok: false,
      problems: [{ code: 'POLICY_E003' }],
    });
    const many = parseRiskPolicy({
      policyId: 'p',
      rules: new Array(201).fill({ name: 'r', riskLevel: 'LOW', flow: 'f' }),
    });
    expect(many).toMatchObject({ ok: false, problems: [{ code: 'POLICY_E003' }] });
    expect(parseRiskPolicy({ policyId: 'p'.repeat(501), rules: [] })).toMatchObject({
      ok: false,
      problems: [{ code: 'POLICY_E002' }],
    });
  });
});
