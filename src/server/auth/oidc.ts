/**
 * Sign-in with OpenID Connect: authorization code flow with PKCE (openid-client). The login
 * state (PKCE verifier, state, nonce) rides in a short-lived HttpOnly cookie, so the callback
 * may land on any instance.
 */
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as client from 'openid-client';
import type { Role } from '../../contract/roles.ts';
import { ApiError } from '../http.ts';
import type { Store } from '../storage/store.ts';
import type { AuthSettings, OidcSettings } from './config.ts';
import { INSTANCE_ID } from './context.ts';
import { endSession, servedOverHttps, startSession } from './sessions.ts';

const LOGIN_COOKIE = 'flopack_login';

interface LoginState {
  verifier: string;
  state: string;
  nonce: string;
}

/** Finds the issuer's endpoints once, on first use (so a slow issuer does not block start-up). */
function discoverer(oidc: OidcSettings): () => Promise<client.Configuration> {
  let found: Promise<client.Configuration> | null = null;
  return () => {
    found ??= client
      .discovery(
        new URL(oidc.issuer),
        oidc.clientId,
        oidc.clientSecret,
        undefined,
        // Plain http is only for an issuer on this machine (tests, a local provider).
        new URL(oidc.issuer).protocol === 'http:'
          ? { execute: [client.allowInsecureRequests] }
          : undefined,
      )
      .catch((e: unknown) => {
        found = null;
        throw new ApiError(
          502,
          'AUTH_E020',
          `The sign-in provider at ${oidc.issuer} cannot be reached (${e instanceof Error ? e.message : String(e)}) — check OIDC_ISSUER.`,
        );
      });
    return found;
  };
}

const origin = (c: Context, settings: AuthSettings): string =>
  settings.publicUrl ?? new URL(c.req.url).origin;

/** Mounts /auth/login, /auth/callback and /auth/logout. */
export function oidcRoutes(
  app: Hono,
  store: Store,
  settings: AuthSettings,
  oidc: OidcSettings,
  clock: () => Date,
): void {
  const config = discoverer(oidc);

  app.get('/auth/login', async (c) => {
    const cfg = await config();
    const login: LoginState = {
      verifier: client.randomPKCECodeVerifier(),
      state: client.randomState(),
      nonce: client.randomNonce(),
    };
    const url = client.buildAuthorizationUrl(cfg, {
      redirect_uri: `${origin(c, settings)}/auth/callback`,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(login.verifier),
      code_challenge_method: 'S256',
      state: login.state,
      nonce: login.nonce,
    });
    setCookie(c, LOGIN_COOKIE, Buffer.from(JSON.stringify(login)).toString('base64url'), {
      httpOnly: true,
      sameSite: 'Lax',
      secure: servedOverHttps(c, settings.publicUrl),
      path: '/auth',
      maxAge: 600,
    });
    return c.redirect(url.href, 302);
  });

  app.get('/auth/callback', async (c) => {
    const login = readLogin(getCookie(c, LOGIN_COOKIE));
    deleteCookie(c, LOGIN_COOKIE, { path: '/auth' });
    if (!login)
      throw new ApiError(
        400,
        'AUTH_E021',
        'The sign-in took too long or was started elsewhere — start again from the studio.',
      );
    const here = new URL(c.req.url);
    const current = new URL(`${origin(c, settings)}/auth/callback${here.search}`);
    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(await config(), current, {
        pkceCodeVerifier: login.verifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw new ApiError(
        401,
        'AUTH_E022',
        `Sign-in was refused: ${e instanceof Error ? e.message : String(e)} — try again.`,
      );
    }
    if (!claims?.sub) throw new ApiError(401, 'AUTH_E023', 'The provider named no user.');
    const str = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 320) : '');
    const who = {
      userId: claims.sub.slice(0, 500),
      email: str(claims['email']).toLowerCase(),
      name: str(claims['name']) || str(claims['preferred_username']) || claims.sub.slice(0, 200),
    };
    const now = clock();
    await store.transaction(async (tx) => {
      const existing = await tx.member(who.userId);
      const anyone = (await tx.members()).length > 0;
      const role: Role =
        (who.email && settings.admins.includes(who.email)) || !anyone
          ? 'admin'
          : (existing?.role ?? settings.defaultRole);
      await tx.putMember({ ...who, role, addedAt: existing?.addedAt ?? now.toISOString() });
      await tx.addAudit({
        at: now.toISOString(),
        actor: who.email || who.name,
        action: 'sign-in',
        target: who.userId,
        detail: existing ? `Signed in as ${role}` : `First sign-in; joined as ${role}`,
        instance: INSTANCE_ID,
      });
    });
    await startSession(
      c,
      store,
      who,
      settings.sessionHours,
      servedOverHttps(c, settings.publicUrl),
      now,
    );
    return c.redirect('/', 303);
  });

  app.post('/auth/logout', async (c) => {
    const ended = await endSession(c, store);
    if (ended)
      await store.transaction((tx) =>
        tx.addAudit({
          at: clock().toISOString(),
          actor: ended.email || ended.name,
          action: 'sign-out',
          target: ended.userId,
          detail: 'Signed out',
          instance: INSTANCE_ID,
        }),
      );
    return c.redirect('/', 303);
  });
}

function readLogin(raw: string | undefined): LoginState | null {
  if (!raw || raw.length > 2000) return null;
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (typeof v !== 'object' || v === null) return null;
    const { verifier, state, nonce } = v as Record<string, unknown>;
    if (typeof verifier !== 'string' || typeof state !== 'string' || typeof nonce !== 'string')
      return null;
    return { verifier, state, nonce };
  } catch {
    return null;
  }
}
