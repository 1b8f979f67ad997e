import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../model/errors.ts';
import { parseRiskPolicy } from '../../contract/riskPolicy.ts';
import { riskRulesTerraform } from './riskRules.ts';

const policy = unwrap(
  parseRiskPolicy({
    policyId: 'data.okta_entity_risk_policy.this.id',
    rules: [
      {
        name: 'High risk: quarantine',
        riskLevel: 'HIGH',
        flow: 'Risk Policy - High (Quarantine)',
        terminateAllSessions: true,
      },
      {
        name: 'Any risk ${evil} "quoted"',
        riskLevel: 'ANY',
        flow: 'f1d0c0de-0000-4000-8000-000000000001',
        terminateAllSessions: false,
      },
    ],
  }),
);
const ids = {
  'Risk Policy - High (Quarantine)': '1234',
  'f1d0c0de-0000-4000-8000-000000000001': '5678',
};

type Rules = Record<
  string,
  {
    name: string;
    policy_id: string;
    risk_level: string;
    terminate_all_sessions: boolean;
    workflow_id: string;
  }[]
>;

describe('entity risk policy rules as Terraform', () => {
  it('writes one okta_entity_risk_policy_rule per rule that an HCL parser reads back', async () => {
    const hcl = unwrap(riskRulesTerraform(policy, ids));
    const json = (await parse('rules.tf', hcl)) as {
      resource: { okta_entity_risk_policy_rule: Rules };
    };
    const rules = json.resource.okta_entity_risk_policy_rule;
    expect(Object.keys(rules).sort()).toEqual(['any_risk_evil_quoted', 'high_risk_quarantine']);
    expect(rules.high_risk_quarantine?.[0]).toEqual({
      policy_id: '${data.okta_entity_risk_policy.this.id}',
      name: 'High risk: quarantine',
      risk_level: 'HIGH',
      terminate_all_sessions: true,
      workflow_id: '1234',
    });
    // Template sequences in names are escaped, not interpolated.
    // hcl2json keeps template source: $${ is the escaped, literal form.
    expect(rules.any_risk_evil_quoted?.[0]?.name).toBe('Any risk $${evil} "quoted"');
    expect(hcl).toContain('name                   = "Any risk $${evil} \\"quoted\\""');
    expect(rules.any_risk_evil_quoted?.[0]?.workflow_id).toBe('5678');
  });

  it('reports every rule whose flow has no org id, and writes nothing', () => {
    const r = riskRulesTerraform(policy, { 'Risk Policy - High (Quarantine)': '1234' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.code)).toEqual(['TERRAFORM_E003']);
  });

  it('refuses a hostile policy with a coded error', () => {
    expect(
      parseRiskPolicy({ policyId: 'p', rules: [{ name: 'x', riskLevel: 'EXTREME', flow: 'f' }] }),
    ).toMatchObject({
      ok: false,
      problems: [{ code: 'POLICY_E006' }],
    });
    expect(parseRiskPolicy([])).toMatchObject({ ok: false });
    expect(parseRiskPolicy({ policyId: 'p', rules: new Array(201).fill({}) })).toMatchObject({
      ok: false,
      problems: [{ code: 'POLICY_E003' }],
    });
  });
});
