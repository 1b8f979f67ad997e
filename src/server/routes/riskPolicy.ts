/** The workspace's entity risk policy: read, save, and download as `flopack terraform` input. */
import type { Hono } from 'hono';
import { putRiskPolicyBody } from '../../contract/api.ts';
import { readJson } from '../http.ts';
import type { RiskPolicyService } from '../riskPolicyService.ts';

/** Mounts /api/risk-policy and /api/risk-policy.json. */
export function riskPolicyRoutes(app: Hono, service: RiskPolicyService): void {
  app.get('/api/risk-policy', async (c) => c.json(await service.get()));
  app.put('/api/risk-policy', async (c) => {
    const { baseRevision, policy } = await readJson(c, putRiskPolicyBody, 1024 * 1024);
    return c.json(await service.save(baseRevision, policy));
  });
  app.get('/api/risk-policy.json', async (c) =>
    c.body(`${JSON.stringify(await service.document(), null, 2)}\n`, 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="risk-policy.json"',
    }),
  );
}
