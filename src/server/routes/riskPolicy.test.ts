import { describe, expect, it } from 'vitest';
import type { FlowDto } from '../dto.ts';
import type { RiskPolicyDto } from '../../contract/api.ts';
import { parseRiskPolicy } from '../../contract/riskPolicy.ts';
import { localTestApp } from '../../../tests/localTestApp.ts';

const { call, folder } = localTestApp();

describe('risk policy API', () => {
  it('saves rules, warns about their flows, and downloads the document flopack terraform reads', async () => {
    const top = await folder('Entity Risk');
    const flow = (
      await call<FlowDto>('POST', '/api/flows', { folderId: top.id, name: 'Not delegated' })
    ).json;
    const rules = [{ name: 'High', riskLevel: 'HIGH', flow: flow.id, terminateAllSessions: true }];
    const bad = await call('PUT', '/api/risk-policy', {
      baseRevision: 0,
      policy: { policyId: 'rst1', rules: [{ ...rules[0], riskLevel: 'SEVERE' }] },
    });
    expect(bad.status).toBe(400);
    expect((await call<RiskPolicyDto>('GET', '/api/risk-policy')).json.revision).toBe(0);
    const saved = await call<RiskPolicyDto>('PUT', '/api/risk-policy', {
      baseRevision: 0,
      policy: { policyId: 'rst1', rules },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json.warnings.map((w) => w.code)).toEqual(['POLICY_W002', 'POLICY_W003']);
    const stale = await call('PUT', '/api/risk-policy', {
      baseRevision: 0,
      policy: { policyId: 'rst1', rules: [] },
    });
    expect(stale.status).toBe(409);
    const file = await call('GET', '/api/risk-policy.json');
    expect(file.headers.get('content-disposition')).toContain('risk-policy.json');
    expect(parseRiskPolicy(JSON.parse(file.text))).toEqual({
      ok: true,
      value: { policyId: 'rst1', rules: [{ ...rules[0], flow: 'Not delegated' }] },
    });
  });
});
