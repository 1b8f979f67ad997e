/**
 * Builds the canvas benchmark page (production mode, as the app ships) and serves it, with the
 * few API answers the editor asks for on an empty workspace. Used by `npm run bench canvas` and
 * by the browser test that keeps the page rendering.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Builds the page into a fresh temporary folder and returns it. */
export async function buildBenchPage(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'canvas-bench-'));
  await build({
    root: here,
    base: './',
    logLevel: 'error',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000 },
  });
  return outDir;
}

/**
 * What the editor reads from the server when it opens: an empty workspace, no connections.
 * Any other API call answers 404, which the page shows as a console error.
 */
const API: Record<string, unknown> = {
  '/api/workspace': { folders: [], flows: [] },
  '/api/connections': [],
};

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/** Serves a built page folder on a free local port. */
export function serveBenchPage(dir: string): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    if (pathname in API && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(API[pathname]));
      return;
    }
    const file = path.join(dir, pathname.replace(/^\/$/, '/index.html'));
    if (!file.startsWith(dir + path.sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => server.close(),
      }),
    ),
  );
}
