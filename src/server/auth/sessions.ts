/**
 * Session cookies: the cookie carries a random secret; the database keeps only its SHA-256,
 * so a leaked database row cannot be replayed as a cookie. Sessions live in the database, so
 * any instance serves any request.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { SessionRecord, Store } from '../storage/store.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'flopack_session';

const hash = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Whether the studio is served over HTTPS (directly, or behind a TLS-terminating proxy). */
export function servedOverHttps(c: Context, publicUrl: string | null): boolean {
  if (publicUrl) return publicUrl.startsWith('https:');
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/** Starts a session: stores it and sets the cookie (HttpOnly, SameSite=Lax, Secure on HTTPS). */
export async function startSession(
  c: Context,
  store: Store,
  who: { userId: string; email: string; name: string },
  hours: number,
  secure: boolean,
  now: Date,
): Promise<SessionRecord> {
  const secret = randomBytes(32).toString('base64url');
  const session: SessionRecord = {
    id: hash(secret),
    ...who,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + hours * 3_600_000).toISOString(),
  };
  await store.transaction((tx) => tx.putSession(session));
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    maxAge: Math.round(hours * 3600),
  });
  return session;
}

/** The live session of a request, or null; an expired one is deleted. */
export async function currentSession(
  c: Context,
  store: Store,
  now: Date,
): Promise<SessionRecord | null> {
  const secret = getCookie(c, SESSION_COOKIE);
  if (!secret || secret.length > 200) return null;
  const id = hash(secret);
  const session = await store.transaction((tx) => tx.session(id));
  if (!session) return null;
  if (Date.parse(session.expiresAt) <= now.getTime()) {
    await store.transaction((tx) => tx.deleteSession(id));
    return null;
  }
  return session;
}

/** Ends the request's session, if any, and clears the cookie. */
export async function endSession(c: Context, store: Store): Promise<SessionRecord | null> {
  const secret = getCookie(c, SESSION_COOKIE);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  if (!secret || secret.length > 200) return null;
  const id = hash(secret);
  return store.transaction(async (tx) => {
    const s = await tx.session(id);
    await tx.deleteSession(id);
    return s;
  });
}
