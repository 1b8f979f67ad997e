/** Test support: a team-mode app on an in-memory store, with people signed in directly. */
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { createApp } from '../app.ts';
import { openSqliteStore } from '../storage/sqlite.ts';
import type { Role, Store } from '../storage/store.ts';
import type { AuthSettings } from './config.ts';

export const TEST_NOW = new Date('2026-06-01T12:00:00.000Z');

export const TEST_AUTH: AuthSettings = {
  oidc: { issuer: 'http://127.0.0.1:1/', clientId: 'studio', clientSecret: 's' },
  publicUrl: null,
  sessionHours: 12,
  admins: [],
  defaultRole: 'viewer',
};

/** The headers that carry someone's session cookie. */
export type Who = Record<string, string>;

export interface TeamTestApp {
  store: Store;
  app: Hono;
  /** Signs someone in directly in the database; returns their cookie header. */
  signIn: (userId: string, role: Role, expiresAt?: string) => Promise<Who>;
  /** Calls the API as JSON; a body that is not JSON comes back as `{ text }`. */
  call: (
    method: string,
    url: string,
    headers?: Record<string, string>,
    body?: unknown,
  ) => Promise<{ status: number; json: Record<string, unknown> }>;
}

export function teamTestApp(): TeamTestApp {
  const store = openSqliteStore(':memory:');
  const app = createApp({ store, auth: TEST_AUTH, clock: () => TEST_NOW });
  return {
    store,
    app,
    signIn: async (userId, role, expiresAt = '2026-06-02T00:00:00.000Z') => {
      const secret = `secret-${userId}`;
      await store.transaction(async (tx) => {
        const person = { userId, email: `${userId}@example.com`, name: userId };
        await tx.putMember({ ...person, role, addedAt: 'x' });
        await tx.putSession({
          id: createHash('sha256').update(secret).digest('hex'),
          ...person,
          createdAt: TEST_NOW.toISOString(),
          expiresAt,
        });
      });
      return { cookie: `flopack_session=${secret}` };
    },
    call: async (method, url, headers = {}, body) => {
      const res = await app.request(url, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      try {
        return { status: res.status, json: JSON.parse(text) as Record<string, unknown> };
      } catch {
        return { status: res.status, json: { text } };
      }
    },
  };
}
