/**
 * DNS-rebinding defence: answer only requests addressed to a host name this server serves.
 * By default the loopback names on the port the request arrived at; `ALLOWED_HOSTS` (a
 * comma-separated list of `name` or `name:port`) replaces that list for a server others reach.
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../http.ts';

/** Loopback names a browser on this machine may use. */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

/** Parses `ALLOWED_HOSTS`; undefined or blank means "loopback only". */
export function parseAllowedHosts(raw: string | undefined): string[] | null {
  const list = (raw ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
  return list.length > 0 ? list : null;
}

/** Splits a Host header into name and port (`[::1]:4310` → `[::1]`, `4310`). */
export function splitHost(host: string): { name: string; port: string | null } | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(host.trim().toLowerCase());
  if (!m?.[1]) return null;
  return { name: m[1], port: m[2] ?? null };
}

/** The local port of the socket a request came in on, when there is one (not in app.request). */
function localPort(env: unknown): string | null {
  const port = (env as { incoming?: { socket?: { localPort?: number } } } | undefined)?.incoming
    ?.socket?.localPort;
  return typeof port === 'number' ? String(port) : null;
}

/** Refuses a request whose Host is not served here with 421 HOST_E001. */
export function hostGuard(allowed: readonly string[] | null): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.header('host') ?? new URL(c.req.url).host;
    const host = splitHost(raw);
    const port = localPort(c.env);
    const ok =
      host !== null &&
      (allowed
        ? allowed.includes(host.name) ||
          (host.port !== null && allowed.includes(`${host.name}:${host.port}`))
        : LOOPBACK_HOSTS.includes(host.name) && (port === null || (host.port ?? '80') === port));
    if (!ok)
      throw new ApiError(
        421,
        'HOST_E001',
        `This studio does not answer to the host name "${raw.slice(0, 100)}" — open it at http://127.0.0.1 (or set ALLOWED_HOSTS on the server).`,
      );
    await next();
  };
}
