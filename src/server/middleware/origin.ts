/**
 * Cross-site request defence: a page on another site must not drive the API, whether by a
 * form post, a `no-cors` fetch or a link. Browsers say where a request comes from in
 * `Sec-Fetch-Site` and `Origin`; anything other than this very origin is refused.
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../http.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses cross-site API requests with 403 ORIGIN_E001. */
export function originGuard(): MiddlewareHandler {
  return async (c, next) => {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    let foreign = site !== undefined && site !== 'same-origin' && site !== 'none';
    if (!foreign && origin !== undefined && !SAFE.has(c.req.method)) {
      try {
        const o = new URL(origin);
        foreign = o.host.toLowerCase() !== host.toLowerCase() || !/^https?:$/.test(o.protocol);
      } catch {
        foreign = true; // "null" (sandboxed frames, file: pages) or garbage
      }
    }
    if (foreign)
      throw new ApiError(
        403,
        'ORIGIN_E001',
        'This request came from another web site; the studio only takes requests from its own pages.',
      );
    await next();
  };
}
