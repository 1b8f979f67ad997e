/** Flow and version routes. */
import type { Hono } from 'hono';
import {
  createFlowBody as createBody,
  flowActiveBody,
  restoreBody,
  updateFlowBody as updateBody,
} from '../../contract/api.ts';
import { ApiError, readJson } from '../http.ts';
import type { WorkspaceService } from '../service.ts';

const revisionParam = (raw: string): number => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new ApiError(400, 'API_E402', `"${raw}" is not a version number.`);
  return n;
};

/** Mounts /api/flows. */
export function flowRoutes(app: Hono, service: WorkspaceService): void {
  app.post('/api/flows', async (c) =>
    c.json(await service.createFlow(await readJson(c, createBody)), 201),
  );
  app.get('/api/flows/:id', async (c) => c.json(await service.getFlow(c.req.param('id'))));
  app.put('/api/flows/:id', async (c) =>
    c.json(await service.updateFlow(c.req.param('id'), await readJson(c, updateBody))),
  );
  app.put('/api/flows/:id/active', async (c) => {
    const { active } = await readJson(c, flowActiveBody);
    return c.json(await service.setFlowActive(c.req.param('id'), active));
  });
  app.delete('/api/flows/:id', async (c) => {
    await service.deleteFlow(c.req.param('id'));
    return c.json({ ok: true });
  });
  app.get('/api/flows/:id/versions', async (c) =>
    c.json(await service.versions(c.req.param('id'))),
  );
  app.get('/api/flows/:id/versions/:rev', async (c) =>
    c.json(await service.version(c.req.param('id'), revisionParam(c.req.param('rev')))),
  );
  app.post('/api/flows/:id/versions/:rev/restore', async (c) => {
    const { baseRevision } = await readJson(c, restoreBody);
    return c.json(
      await service.restore(c.req.param('id'), revisionParam(c.req.param('rev')), baseRevision),
    );
  });
}
