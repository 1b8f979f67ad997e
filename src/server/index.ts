/**
 * `npm start`: serves the studio and its API on 127.0.0.1, over an embedded SQLite file, or
 * over PostgreSQL when `DATABASE_URL=postgres://…` is set (many instances may share it).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { idleCollector } from './idleGc.ts';
import { parseAllowedHosts } from './middleware/hosts.ts';
import { openSqliteStore } from './storage/sqlite.ts';
import { openPostgresStore } from './storage/postgres.ts';
import { readAuthSettings, startupProblem } from './auth/config.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
// Built layout: <project>/dist-server/src/server/index.js; source: <project>/src/server/index.ts.
const projectRoot = here.includes(`${path.sep}dist-server${path.sep}`)
  ? path.resolve(here, '..', '..', '..')
  : path.resolve(here, '..', '..');
const port = Number(process.env['PORT'] ?? 4310);
const host = process.env['HOST'] ?? '127.0.0.1';
const dbFile = process.env['DB_FILE'] ?? path.join(projectRoot, 'data', 'flopack-studio.sqlite');

let auth;
try {
  auth = readAuthSettings(process.env);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
const problem = startupProblem(host, auth);
if (problem) {
  console.error(problem);
  process.exit(1);
}

const databaseUrl = process.env['DATABASE_URL'] ?? '';
const store = /^postgres(ql)?:\/\//.test(databaseUrl)
  ? await openPostgresStore(databaseUrl)
  : openSqliteStore(dbFile);
const app = createApp({
  store,
  auth,
  distDir: path.join(projectRoot, 'dist'),
  allowedHosts: parseAllowedHosts(process.env['ALLOWED_HOSTS']),
});
const collector = idleCollector();
const fetchAndTouch: typeof app.fetch = (req, env, ctx) => {
  collector.touch();
  return app.fetch(req, env, ctx);
};
const server = serve({ fetch: fetchAndTouch, port, hostname: host }, (info) => {
  console.log(`Flopack Studio is running at http://${host}:${info.port}/`);
  console.log(`Workspace database: ${store.describe()}`);
  console.log(
    auth.oidc
      ? `Sign-in: OpenID Connect via ${auth.oidc.issuer}`
      : 'Sign-in: none (local mode, this machine only)',
  );
});

const shutdown = (): void => {
  server.close(() => {
    void store.close().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
