/** `npm start`: serves the studio and its API on 127.0.0.1. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
// Built layout: dist-server/src/server/index.js; the client is in <project>/dist.
const projectRoot = path.resolve(
  here,
  '..',
  '..',
  here.includes(`${path.sep}dist-server${path.sep}`) ? '..' : '',
);
const port = Number(process.env['PORT'] ?? 4310);
const host = process.env['HOST'] ?? '127.0.0.1';

const app = createApp({ distDir: path.join(projectRoot, 'dist') });
serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.log(`Flopack Studio is running at http://${host}:${info.port}/`);
});
