/** Import and export of flopacks. */
import type { Hono } from 'hono';
import type { FlowId, FolderId } from '../../model/ids.ts';
import { canonicalFlopack } from '../../export/flopack/canonical.ts';
import { MAX_FLOPACK_BYTES } from '../../export/flopack/read.ts';
import { ApiError, MAX_ARCHIVE_BYTES, readBody } from '../http.ts';
import { TEMPLATES } from '../../model/templates.ts';
import type { WorkspaceService } from '../service.ts';

/** A file name safe in a Content-Disposition header, on every OS. */
export function safeFileName(name: string): string {
  const cleaned = Array.from(name, (ch) =>
    ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? '_' : ch,
  )
    .join('')
    .replace(/[\\/:*?"<>|]+/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  return cleaned === '' ? 'export' : cleaned;
}

/** Mounts /api/import and /api/export. */
export function transferRoutes(app: Hono, service: WorkspaceService): void {
  app.post('/api/import', async (c) => {
    const folder = c.req.query('folder');
    const target = folder && folder !== '' ? folder : null;
    // A whole-workspace backup is restored at the top level and may exceed a flopack's cap:
    // a backup that cannot be restored would be data lost.
    const cap = target === null ? MAX_ARCHIVE_BYTES : MAX_FLOPACK_BYTES;
    const text = await readBody(c, cap);
    const source = c.req.query('name') ?? 'an uploaded file';
    return c.json(await service.importFlopack(text, target, source.slice(0, 200), cap), 201);
  });
  app.get('/api/templates', (c) => c.json(TEMPLATES));
  app.post('/api/templates/:id', async (c) => {
    const folder = c.req.query('folder');
    if (!folder)
      throw new ApiError(400, 'TEMPLATE_E002', 'Choose the folder to create the template in.');
    const opts = Object.fromEntries(
      (['atRiskGroupId', 'slackChannel', 'adminEmails'] as const)
        .map((k) => [k, c.req.query(k)] as const)
        .filter(
          (e): e is readonly [(typeof e)[0], string] => typeof e[1] === 'string' && e[1] !== '',
        ),
    );
    return c.json(await service.createFromTemplate(c.req.param('id'), folder, opts), 201);
  });
  app.get('/api/export', async (c) => {
    const flow = c.req.query('flow');
    const folder = c.req.query('folder');
    const target = flow
      ? ({ kind: 'flow', id: flow as FlowId } as const)
      : folder
        ? ({
            kind: 'folder',
            id: folder as FolderId,
            subfolders: c.req.query('subfolders') !== 'false',
          } as const)
        : ({ kind: 'workspace' } as const);
    const exported = await service.exportFlopack(target);
    const { filename } = exported;
    // ?format=canonical: the `flopack fmt` form, for files kept in git (docs/format.md).
    const text =
      c.req.query('format') === 'canonical'
        ? canonicalFlopack(JSON.parse(exported.text))
        : exported.text;
    const safe = safeFileName(filename);
    return c.body(text, 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${safe.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(safe)}`,
    });
  });
}
