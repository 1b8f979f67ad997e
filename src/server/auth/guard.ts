/**
 * Who may do what: every /api request runs as an actor — local mode's single user, or the
 * signed-in member — and is refused with 401 (not signed in) or 403 (role too weak) before it
 * reaches a route. Also /api/me (who am I) and the members routes.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { MeDto, MemberDto } from '../../contract/api.ts';
import { memberRoleBody } from '../../contract/api.ts';
import { hasRole, requiredRole } from '../../contract/roles.ts';
import { ApiError, readJson } from '../http.ts';
import type { Store } from '../storage/store.ts';
import type { AuthSettings } from './config.ts';
import type { Actor } from './context.ts';
import { actorLabel, currentActor, INSTANCE_ID, LOCAL_ACTOR, runAs } from './context.ts';
import { oidcRoutes } from './oidc.ts';
import { currentSession } from './sessions.ts';

/** Paths anyone may reach: liveness, and who-am-I (which says how to sign in). */
const OPEN = new Set(['/api/health', '/api/me']);

/** Mounts sign-in, the guard on /api/*, /api/me and /api/members. */
export function mountAuth(
  app: Hono,
  store: Store,
  settings: AuthSettings,
  clock: () => Date,
): void {
  const oidc = settings.oidc;
  const resolve = async (c: Context): Promise<{ actor: Actor; expiresAt: string } | null> => {
    if (!oidc) return { actor: LOCAL_ACTOR, expiresAt: '' };
    const session = await currentSession(c, store, clock());
    if (!session) return null;
    const member = await store.transaction((tx) => tx.member(session.userId));
    return {
      actor: {
        userId: session.userId,
        email: session.email,
        name: session.name,
        role: member?.role ?? 'viewer',
      },
      expiresAt: session.expiresAt,
    };
  };

  if (oidc) oidcRoutes(app, store, settings, oidc, clock);

  app.get('/api/me', async (c) => {
    const who = await resolve(c);
    const user = who && {
      name: who.actor.name,
      email: who.actor.email,
      role: who.actor.role,
    };
    const body: MeDto = !oidc
      ? { mode: 'local', user: user ?? { name: 'local', email: '', role: 'admin' } }
      : user && who
        ? { mode: 'oidc', user, expiresAt: who.expiresAt }
        : { mode: 'oidc', user: null, loginUrl: '/auth/login' };
    return c.json(body);
  });

  const guard: MiddlewareHandler = async (c, next) => {
    if (OPEN.has(c.req.path)) return next();
    const who = await resolve(c as Context);
    if (!who)
      throw new ApiError(
        401,
        'AUTH_E401',
        'You are not signed in, or your session has expired — sign in again.',
      );
    const needed = requiredRole(c.req.method, c.req.path);
    if (!hasRole(who.actor.role, needed))
      throw new ApiError(
        403,
        'AUTH_E403',
        `${c.req.method} ${c.req.path} needs the ${needed} role; ${actorLabel(who.actor)} is a ${who.actor.role} — ask a workspace admin for the ${needed} role.`,
        { role: who.actor.role, needed },
      );
    await runAs(who.actor, next);
  };
  app.use('/api/*', guard);

  app.get('/api/members', async (c) =>
    c.json((await store.transaction((tx) => tx.members())) satisfies MemberDto[]),
  );
  app.put('/api/members/:id', async (c) => {
    const { role } = await readJson(c, memberRoleBody);
    const id = c.req.param('id');
    const actor = currentActor();
    const updated = await store.transaction(async (tx) => {
      const member = await tx.member(id);
      if (!member)
        throw new ApiError(404, 'MEMBER_E001', `No member ${id} — they must sign in once first.`);
      const admins = (await tx.members()).filter((m) => m.role === 'admin');
      if (member.role === 'admin' && role !== 'admin' && admins.length <= 1)
        throw new ApiError(
          409,
          'MEMBER_E002',
          'This is the last admin; make someone else admin first, or nobody could manage roles.',
        );
      const next = { ...member, role };
      await tx.putMember(next);
      await tx.addAudit({
        at: clock().toISOString(),
        actor: actorLabel(actor),
        action: 'role.change',
        target: id,
        detail: `${member.email || member.name}: ${member.role} → ${role}`,
        instance: INSTANCE_ID,
      });
      return next;
    });
    return c.json(updated satisfies MemberDto);
  });
}
