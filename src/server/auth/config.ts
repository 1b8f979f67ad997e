/** Sign-in settings from the environment, and the rule that local mode stays on loopback. */
import type { Role } from '../../contract/roles.ts';
import { ROLES } from '../../contract/roles.ts';

/** An OpenID Connect client registration. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** How people sign in; `oidc: null` is local mode (no sign-in, loopback only). */
export interface AuthSettings {
  oidc: OidcSettings | null;
  /** The studio's public origin (e.g. https://studio.example.com), for redirects behind a proxy. */
  publicUrl: string | null;
  sessionHours: number;
  /** E-mail addresses that are always admins. */
  admins: string[];
  /** The role of someone signing in for the first time (the very first person becomes admin). */
  defaultRole: Role;
}

/** Reads the settings; throws a coded error for a half-done or invalid configuration. */
export function readAuthSettings(env: NodeJS.ProcessEnv): AuthSettings {
  const issuer = env['OIDC_ISSUER'] ?? '';
  const clientId = env['OIDC_CLIENT_ID'] ?? '';
  const clientSecret = env['OIDC_CLIENT_SECRET'] ?? '';
  const given = [issuer, clientId, clientSecret].filter((v) => v !== '').length;
  if (given > 0 && given < 3)
    throw new Error(
      'AUTH_E010: sign-in needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET — set the missing ones, or none for local mode.',
    );
  const hours = Number(env['SESSION_HOURS'] ?? '12');
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30)
    throw new Error('AUTH_E011: SESSION_HOURS must be a number of hours between 0 and 720.');
  const defaultRole = (env['DEFAULT_ROLE'] ?? 'viewer') as Role;
  if (!ROLES.includes(defaultRole))
    throw new Error('AUTH_E012: DEFAULT_ROLE must be viewer, editor or admin.');
  const publicUrl = env['PUBLIC_URL'] ? env['PUBLIC_URL'].replace(/\/+$/, '') : null;
  if (publicUrl && !/^https?:\/\/[^/]+$/.test(publicUrl))
    throw new Error(
      'AUTH_E013: PUBLIC_URL must be an origin such as https://studio.example.com (no path).',
    );
  return {
    oidc: given === 3 ? { issuer, clientId, clientSecret } : null,
    publicUrl,
    sessionHours: hours,
    admins: (env['OIDC_ADMINS'] ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
    defaultRole,
  };
}

/** Whether a listen address only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Why the server must not start with these settings, or null. */
export function startupProblem(host: string, auth: AuthSettings): string | null {
  if (auth.oidc || isLoopback(host)) return null;
  return `AUTH_E001: HOST=${host} would let anyone who reaches this address change the workspace without signing in. Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET to require sign-in, or listen on 127.0.0.1 (local mode).`;
}
