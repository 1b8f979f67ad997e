/** Connection routes: the workspace's placeholders per app. */
import type { Hono } from 'hono';
import { createConnectionBody, renameConnectionBody } from '../../contract/api.ts';
import type { ConnectionService } from '../connectionService.ts';
import { ApiError, readJson } from '../http.ts';

/** Mounts /api/connections. */
export function connectionRoutes(app: Hono, service: ConnectionService): void {
  app.get('/api/connections', async (c) => c.json(await service.list()));
  app.get('/api/connections/usage', async (c) => c.json(await service.usage()));
  app.post('/api/connections', async (c) =>
    c.json(await service.create(await readJson(c, createConnectionBody, 16 * 1024)), 201),
  );
  app.patch('/api/connections/:id', async (c) => {
    const { name } = await readJson(c, renameConnectionBody, 16 * 1024);
    return c.json(await service.rename(c.req.param('id'), name));
  });
  app.delete('/api/connections/:id', async (c) => {
    // Removing a connection from cards changes flows: only an explicit detach=true does it.
    const detach = c.req.query('detach');
    if (detach !== undefined && detach !== 'true' && detach !== 'false')
      throw new ApiError(400, 'CONN_E009', 'detach must be "true" or "false".');
    return c.json(await service.delete(c.req.param('id'), detach === 'true'));
  });
}
