/** Flow and version routes. */
import type { Hono } from 'hono';
import { z } from 'zod';
import { ApiError, readJson } from '../http.ts';
import type { WorkspaceService } from '../service.ts';

const createBody = z.object({
  folderId: z.string(),
  name: z.string().optional(),
  description: z.string().max(5000).optional(),
});
const updateBody = z.object({
  baseRevision: z.number().int().nonnegative(),
  name: z.string().optional(),
  description: z.string().max(5000).optional(),
  active: z.boolean().optional(),
  saveAllData: z.boolean().optional(),
  folderId: z.string().optional(),
  content: z.unknown().optional(),
});
const restoreBody = z.object({ baseRevision: z.number().int().nonnegative() });

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
