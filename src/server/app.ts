/** The HTTP application: the JSON API under /api and the built studio. */
import { Hono } from 'hono';
import { mountStatic } from './static.ts';

/** What the app needs from its host. */
export interface AppOptions {
  /** Folder of the built client (dist/); omit in API-only tests. */
  distDir?: string;
}

/** Builds the Hono app. */
export function createApp(opts: AppOptions = {}): Hono {
  const app = new Hono();
  app.get('/api/health', (c) => c.json({ ok: true, app: 'flopack-studio' }));
  app.all('/api/*', (c) =>
    c.json({ code: 'API_E404', message: `No API route ${c.req.method} ${c.req.path}.` }, 404),
  );
  if (opts.distDir) mountStatic(app, opts.distDir);
  return app;
}
