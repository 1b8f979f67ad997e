/** PostgreSQL: who may use the workspace and what they did — the audit trail, sessions, members. */
import { auditWhere } from './auditQuery.ts';
import type { PgQuery } from './postgresQuery.ts';
import { toAuditEntry, toMember, toSession } from './rows.ts';
import type { AccessTx } from './store.ts';

/** The audit trail, sessions and members, through one transaction's queries. */
export function postgresAccess({ rows, run }: PgQuery): AccessTx {
  return {
    addAudit: (e) =>
      run(
        'INSERT INTO audit (at, actor, action, target, detail, instance) VALUES ($1, $2, $3, $4, $5, $6)',
        [e.at, e.actor, e.action, e.target, e.detail, e.instance],
      ),
    audit: async (f) => {
      const { where, params } = auditWhere(f, (n) => `$${n}`);
      return (
        await rows(
          `SELECT seq, at, actor, action, target, detail, instance FROM audit ${where} ORDER BY seq DESC LIMIT $${params.length + 1}`,
          [...params, f.limit],
        )
      ).map(toAuditEntry);
    },
    session: async (id) => {
      const r = (await rows('SELECT * FROM sessions WHERE id = $1', [id]))[0];
      return r ? toSession(r) : null;
    },
    putSession: (s) =>
      run(
        `INSERT INTO sessions (id, user_id, email, name, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at`,
        [s.id, s.userId, s.email, s.name, s.createdAt, s.expiresAt],
      ),
    deleteSession: (id) => run('DELETE FROM sessions WHERE id = $1', [id]),
    members: async () =>
      (await rows('SELECT * FROM members ORDER BY added_at, user_id')).map(toMember),
    member: async (id) => {
      const r = (await rows('SELECT * FROM members WHERE user_id = $1', [id]))[0];
      return r ? toMember(r) : null;
    },
    putMember: (m) =>
      run(
        `INSERT INTO members (user_id, email, name, role, added_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name, role = EXCLUDED.role`,
        [m.userId, m.email, m.name, m.role, m.addedAt],
      ),
  };
}
