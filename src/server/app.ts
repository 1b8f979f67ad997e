/** The HTTP application: the JSON API under /api and the built studio. */
import { Hono } from 'hono';
import { ApiError } from './http.ts';
import { folderRoutes } from './routes/folders.ts';
import { flowRoutes } from './routes/flows.ts';
import { transferRoutes } from './routes/transfer.ts';
import { WorkspaceService } from './service.ts';
import { mountStatic } from './static.ts';
import { jsonOnly } from './middleware/contentType.ts';
import type { HeavyJobLimits } from './middleware/heavyJobs.ts';
import { heavyJobs } from './middleware/heavyJobs.ts';
import { hostGuard } from './middleware/hosts.ts';
import { originGuard } from './middleware/origin.ts';
import { securityHeaders } from './middleware/securityHeaders.ts';
import type { Store } from './storage/store.ts';
import type { AuthSettings } from './auth/config.ts';
import { mountAuth } from './auth/guard.ts';
import { auditRoutes } from './routes/audit.ts';
import { eventRoutes } from './routes/events.ts';
import { riskPolicyRoutes } from './routes/riskPolicy.ts';
import { RiskPolicyService } from './riskPolicyService.ts';
import { reviewRoutes } from './routes/reviews.ts';
import { ReviewService } from './reviewService.ts';
import { connectionRoutes } from './routes/connections.ts';
import { ConnectionService } from './connectionService.ts';

/** What the app needs from its host. */
export interface AppOptions {
  store: Store;
  /** Folder of the built client (dist/); omit in API-only tests. */
  distDir?: string;
  /** Injected clock, for tests. */
  clock?: () => Date;
  /** Host names (`name` or `name:port`) this server answers to; null or omitted: loopback only. */
  allowedHosts?: readonly string[] | null;
  /** How many imports and exports run and wait at once (default: 2 and 8). */
  heavyJobs?: HeavyJobLimits;
  /** Sign-in settings; omitted means local mode (no sign-in). */
  auth?: AuthSettings;
}

const LOCAL_MODE: AuthSettings = {
  oidc: null,
  publicUrl: null,
  sessionHours: 12,
  admins: [],
  defaultRole: 'viewer',
};

/** Builds the Hono app. */
export function createApp(opts: AppOptions): Hono {
  const app = new Hono();
  const teamMode = (opts.auth ?? LOCAL_MODE).oidc !== null;
  const service = new WorkspaceService(opts.store, opts.clock, undefined, teamMode);
  app.use('*', securityHeaders());
  app.use('*', hostGuard(opts.allowedHosts ?? null));
  app.use('/api/*', originGuard());
  app.use('/api/*', jsonOnly());
  app.get('/api/health', (c) => c.json({ ok: true, app: 'flopack-studio' }));
  mountAuth(app, opts.store, opts.auth ?? LOCAL_MODE, opts.clock ?? (() => new Date()));
  const heavy = heavyJobs(opts.heavyJobs);
  app.use('/api/import', heavy);
  app.use('/api/export', heavy);
  auditRoutes(app, opts.store);
  eventRoutes(app, opts.store);
  folderRoutes(app, service);
  flowRoutes(app, service);
  transferRoutes(app, service);
  riskPolicyRoutes(app, new RiskPolicyService(opts.store, opts.clock));
  reviewRoutes(app, new ReviewService(opts.store, teamMode, opts.clock));
  connectionRoutes(app, new ConnectionService(opts.store, opts.clock));
  app.all('/api/*', (c) =>
    c.json({ code: 'API_E404', message: `No API route ${c.req.method} ${c.req.path}.` }, 404),
  );
  app.onError((err, c) => {
    if (err instanceof ApiError)
      return c.json({ code: err.code, message: err.message, ...err.details }, err.status);
    console.error(err);
    return c.json(
      {
        code: 'API_E500',
        message: 'The server failed to handle this request; nothing was changed. Try again.',
      },
      500,
    );
  });
  if (opts.distDir) mountStatic(app, opts.distDir);
  return app;
}
