/** Folder routes. */
import type { Hono } from 'hono';
import {
  createFolderBody as createBody,
  patchFolderBody as patchBody,
} from '../../contract/api.ts';
import { readJson } from '../http.ts';
import type { WorkspaceService } from '../service.ts';

/** Mounts /api/workspace, /api/tables and /api/folders. */
export function folderRoutes(app: Hono, service: WorkspaceService): void {
  app.get('/api/workspace', async (c) => c.json(await service.tree()));
  app.get('/api/tables', async (c) => c.json(await service.tables()));
  app.post('/api/folders', async (c) =>
    c.json(await service.createFolder(await readJson(c, createBody)), 201),
  );
  app.patch('/api/folders/:id', async (c) =>
    c.json(await service.updateFolder(c.req.param('id'), await readJson(c, patchBody))),
  );
  app.delete('/api/folders/:id', async (c) =>
    c.json(await service.deleteFolder(c.req.param('id'), c.req.query('recursive') === 'true')),
  );
}
