/** Serves the built app (dist/) with an SPA fallback; unknown /api paths get a JSON 404. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/** Mounts static file serving for `distDir` on the app. */
export function mountStatic(app: Hono, distDir: string): void {
  // serveStatic resolves `root` against the working directory.
  const root = path.relative(process.cwd(), distDir) || '.';
  app.use('/assets/*', serveStatic({ root }));
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    const file = path.join(distDir, path.normalize(c.req.path));
    if (file.startsWith(distDir) && c.req.path !== '/' && path.extname(file) !== '') {
      try {
        const body = await readFile(file);
        return c.body(body, 200, { 'content-type': contentType(file) });
      } catch {
        // fall through to the SPA page
      }
    }
    try {
      return c.html(await readFile(path.join(distDir, 'index.html'), 'utf8'));
    } catch {
      return c.text('The app is not built: run `npm run build` first.', 503);
    }
  });
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.html': 'text/html; charset=utf-8',
};

const contentType = (file: string): string =>
  TYPES[path.extname(file)] ?? 'application/octet-stream';
