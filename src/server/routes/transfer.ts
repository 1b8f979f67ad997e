/** Import and export of flopacks. */
import type { FileHandle } from 'node:fs/promises';
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Hono } from 'hono';
import type { FlowId, FolderId } from '../../model/ids.ts';
import type { ImportPlanDto } from '../../contract/api.ts';
import type { ExportTarget } from '../../export/flopack/write.ts';
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

/** What an export (or its plan) covers: `?flow=`, `?folder=&subfolders=`, or the workspace. */
function exportTarget(q: (k: string) => string | undefined): ExportTarget {
  const flow = q('flow');
  const folder = q('folder');
  if (flow) return { kind: 'flow', id: flow as FlowId };
  if (folder)
    return { kind: 'folder', id: folder as FolderId, subfolders: q('subfolders') !== 'false' };
  return { kind: 'workspace' };
}

/** Removes a finished export's temporary file and its folder. */
function removeExport(file: string): Promise<void> {
  return rm(path.dirname(file), { recursive: true, force: true });
}

/**
 * A temporary export file as a response body, read 256 KB at a time as the client takes it,
 * and removed once sent, failed or abandoned.
 */
function fileStream(file: string): ReadableStream<Uint8Array> {
  let handle: FileHandle | null = null;
  const done = async (): Promise<void> => {
    const h = handle;
    handle = null;
    await h?.close().catch(() => undefined);
    await removeExport(file);
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          handle ??= await open(file, 'r');
          const buf = Buffer.allocUnsafe(256 * 1024);
          const { bytesRead } = await handle.read(buf, 0, buf.length, null);
          if (bytesRead === 0) {
            await done();
            controller.close();
          } else controller.enqueue(new Uint8Array(buf.buffer, buf.byteOffset, bytesRead));
        } catch (e) {
          await done();
          controller.error(e);
        }
      },
      cancel: done,
    },
    { highWaterMark: 0 },
  );
}

/** Mounts /api/import, /api/export, /api/export/plan and /api/export/approval. */
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
  app.get('/api/export/plan', async (c) =>
    c.json((await service.exportPlan(exportTarget((k) => c.req.query(k)))) satisfies ImportPlanDto),
  );
  app.get('/api/export/approval', async (c) =>
    c.json(await service.exportApproval(exportTarget((k) => c.req.query(k)))),
  );
  app.get('/api/export', async (c) => {
    const exported = await service.exportFlopack(exportTarget((k) => c.req.query(k)));
    const safe = safeFileName(exported.filename);
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${safe.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(safe)}`,
    };
    // ?format=canonical: the `flopack fmt` form, for files kept in git (docs/format.md).
    const canonical = c.req.query('format') === 'canonical';
    if ('text' in exported)
      return c.body(
        canonical ? canonicalFlopack(JSON.parse(exported.text)) : exported.text,
        200,
        headers,
      );
    if (canonical) {
      const text = await readFile(exported.file, 'utf8').finally(() => removeExport(exported.file));
      return c.body(canonicalFlopack(JSON.parse(text)), 200, headers);
    }
    return c.body(fileStream(exported.file), 200, {
      ...headers,
      'content-length': String(exported.bytes),
    });
  });
}
