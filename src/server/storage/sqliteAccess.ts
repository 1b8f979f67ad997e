/** SQLite: who may use the workspace and what they did — the audit trail, sessions, members. */
import type Database from 'better-sqlite3';
import type { Sync } from './asAsync.ts';
import { auditWhere } from './auditQuery.ts';
import type { Row } from './rows.ts';
import { toAuditEntry, toMember, toSession } from './rows.ts';
import type { AccessTx } from './store.ts';

/** Prepares the statements about people once, for every unit of work on `db`. */
export function sqliteAccess(db: Database.Database): Sync<AccessTx> {
  const q = {
    addAudit: db.prepare(
      'INSERT INTO audit (at, actor, action, target, detail, instance) VALUES (@at, @actor, @action, @target, @detail, @instance)',
    ),
    session: db.prepare<[string], Row>('SELECT * FROM sessions WHERE id = ?'),
    putSession: db.prepare(
      `INSERT INTO sessions (id, user_id, email, name, created_at, expires_at)
       VALUES (@id, @user_id, @email, @name, @created_at, @expires_at)
       ON CONFLICT(id) DO UPDATE SET expires_at = excluded.expires_at`,
    ),
    deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
    members: db.prepare<[], Row>('SELECT * FROM members ORDER BY added_at, user_id'),
    member: db.prepare<[string], Row>('SELECT * FROM members WHERE user_id = ?'),
    putMember: db.prepare(
      `INSERT INTO members (user_id, email, name, role, added_at) VALUES (@user_id, @email, @name, @role, @added_at)
       ON CONFLICT(user_id) DO UPDATE SET email = excluded.email, name = excluded.name, role = excluded.role`,
    ),
  };

  return {
    addAudit: (e) => {
      q.addAudit.run(e);
    },
    audit: (f) => {
      // The filter decides the WHERE clause, so this statement is prepared per query.
      const { where, params } = auditWhere(f, () => '?');
      return db
        .prepare<unknown[], Row>(
          `SELECT seq, at, actor, action, target, detail, instance FROM audit ${where} ORDER BY seq DESC LIMIT ?`,
        )
        .all(...params, f.limit)
        .map(toAuditEntry);
    },
    session: (id) => {
      const r = q.session.get(id);
      return r ? toSession(r) : null;
    },
    putSession: (s) => {
      q.putSession.run({
        id: s.id,
        user_id: s.userId,
        email: s.email,
        name: s.name,
        created_at: s.createdAt,
        expires_at: s.expiresAt,
      });
    },
    deleteSession: (id) => {
      q.deleteSession.run(id);
    },
    members: () => q.members.all().map(toMember),
    member: (id) => {
      const r = q.member.get(id);
      return r ? toMember(r) : null;
    },
    putMember: (m) => {
      q.putMember.run({
        user_id: m.userId,
        email: m.email,
        name: m.name,
        role: m.role,
        added_at: m.addedAt,
      });
    },
  };
}
