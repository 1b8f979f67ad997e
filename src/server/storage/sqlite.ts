/** The embedded SQLite store (better-sqlite3, WAL journal). */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { flowKind } from '../../model/flows.ts';
import { cardsInOrder } from '../../model/insert.ts';
import type { FlowId, FolderId } from '../../model/ids.ts';
import type { JsonObject, RawConfig, RawFloData, RawGroup, RawTable } from '../../model/raw.ts';
import type { Flow, Folder } from '../../model/workspace.ts';
import type {
  AuditEntry,
  ChangeNotice,
  FlowHeader,
  FolderReviewRule,
  Member,
  Review,
  Role,
  Store,
  StoreTx,
  StoredFlow,
  Version,
  VersionHeader,
} from './store.ts';
import { SCHEMA_VERSION, SQLITE_MIGRATIONS } from './schema.ts';
import { HEADER_DESCRIPTION_CHARS } from './store.ts';
import { auditWhere } from './auditQuery.ts';

interface FolderRow {
  id: string;
  parent_id: string | null;
  name: string;
  description: string;
  raw: string | null;
}
interface FlowRow {
  id: string;
  folder_id: string | null;
  name: string;
  description: string;
  active: number;
  save_all_data: number;
  kind: string;
  card_count: number;
  revision: number;
  updated_at: string;
  content?: string;
  rest?: string | null;
}
interface VersionRow {
  flow_id: string;
  revision: number;
  created_at: string;
  summary: string;
  author: string;
  snapshot?: string;
}
interface SessionRow {
  id: string;
  user_id: string;
  email: string;
  name: string;
  created_at: string;
  expires_at: string;
}
interface MemberRow {
  user_id: string;
  email: string;
  name: string;
  role: string;
  added_at: string;
}

const toMember = (r: MemberRow): Member => ({
  userId: r.user_id,
  email: r.email,
  name: r.name,
  role: r.role as Role,
  addedAt: r.added_at,
});

const toFolder = (r: FolderRow): Folder => ({
  id: r.id as FolderId,
  name: r.name,
  description: r.description,
  parentId: r.parent_id as FolderId | null,
  raw: r.raw === null ? null : (JSON.parse(r.raw) as RawGroup),
});

const toHeader = (r: FlowRow): FlowHeader => ({
  id: r.id as FlowId,
  name: r.name,
  description: r.description,
  folderId: r.folder_id as FolderId | null,
  active: r.active === 1,
  saveAllData: r.save_all_data === 1,
  kind: r.kind as FlowHeader['kind'],
  cardCount: r.card_count,
  revision: r.revision,
  updatedAt: r.updated_at,
});

const toFlow = (r: FlowRow): StoredFlow => ({
  id: r.id as FlowId,
  name: r.name,
  description: r.description,
  folderId: r.folder_id as FolderId | null,
  active: r.active === 1,
  data: JSON.parse(r.content ?? '{}') as RawFloData,
  rest: r.rest ? (JSON.parse(r.rest) as JsonObject) : null,
  revision: r.revision,
  updatedAt: r.updated_at,
});

interface ReviewRow {
  flow_id: string;
  revision: number;
  state: string;
  requested_by: string;
  requested_at: string;
  request_comment: string;
  decided_by: string;
  decided_at: string | null;
  decision_comment: string;
  row_version: number;
}
interface RuleRow {
  folder_id: string;
  require_approval: number;
  revision: number;
  updated_at: string;
  updated_by: string;
}

const toReview = (r: ReviewRow): Review => ({
  flowId: r.flow_id,
  revision: r.revision,
  state: r.state as Review['state'],
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  requestComment: r.request_comment,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  decisionComment: r.decision_comment,
  rowVersion: r.row_version,
});

const reviewParams = (r: Review) => ({
  flow_id: r.flowId,
  revision: r.revision,
  state: r.state,
  requested_by: r.requestedBy,
  requested_at: r.requestedAt,
  request_comment: r.requestComment,
  decided_by: r.decidedBy,
  decided_at: r.decidedAt,
  decision_comment: r.decisionComment,
  row_version: r.rowVersion,
});

interface RiskPolicyRow {
  doc: string;
  revision: number;
  updated_at: string;
  updated_by: string;
}

/** Opens (creating if needed) a SQLite store. `file` may be ':memory:'. */
export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL'); // an acknowledged save survives power loss, not just a crash
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const q = {
    folders: db.prepare<[], FolderRow>(
      'SELECT id, parent_id, name, description, raw FROM folders ORDER BY rowid',
    ),
    putFolder: db.prepare(
      `INSERT INTO folders (id, parent_id, name, description, raw) VALUES (@id, @parent_id, @name, @description, @raw)
       ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id, name = excluded.name,
         description = excluded.description, raw = excluded.raw`,
    ),
    deleteFolder: db.prepare('DELETE FROM folders WHERE id = ?'),
    headers: db.prepare<[], FlowRow>(
      `SELECT id, folder_id, name, substr(description, 1, ${HEADER_DESCRIPTION_CHARS}) AS description, active, save_all_data, kind, card_count, revision, updated_at FROM flows ORDER BY rowid`,
    ),
    flow: db.prepare<[string], FlowRow>('SELECT * FROM flows WHERE id = ?'),
    allFlows: db.prepare<[], FlowRow>('SELECT * FROM flows ORDER BY rowid'),
    putFlow: db.prepare(
      `INSERT INTO flows (id, folder_id, name, description, active, save_all_data, kind, card_count, revision, updated_at, content, rest)
       VALUES (@id, @folder_id, @name, @description, @active, @save_all_data, @kind, @card_count, @revision, @updated_at, @content, @rest)
       ON CONFLICT(id) DO UPDATE SET folder_id = excluded.folder_id, name = excluded.name, description = excluded.description,
         active = excluded.active, save_all_data = excluded.save_all_data, kind = excluded.kind, card_count = excluded.card_count,
         revision = excluded.revision, updated_at = excluded.updated_at, content = excluded.content, rest = excluded.rest`,
    ),
    deleteFlow: db.prepare('DELETE FROM flows WHERE id = ?'),
    addVersion: db.prepare(
      'INSERT INTO versions (flow_id, revision, created_at, summary, author, snapshot) VALUES (@flow_id, @revision, @created_at, @summary, @author, @snapshot)',
    ),
    versions: db.prepare<[string], VersionRow>(
      'SELECT flow_id, revision, created_at, summary, author FROM versions WHERE flow_id = ? ORDER BY revision DESC',
    ),
    version: db.prepare<[string, number], VersionRow>(
      'SELECT * FROM versions WHERE flow_id = ? AND revision = ?',
    ),
    tables: db.prepare<[], { raw: string }>('SELECT raw FROM tables ORDER BY rowid'),
    putTable: db.prepare(
      'INSERT INTO tables (id, raw) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET raw = excluded.raw',
    ),
    deleteTable: db.prepare('DELETE FROM tables WHERE id = ?'),
    deleteConfig: db.prepare('DELETE FROM configs WHERE id = ?'),
    configs: db.prepare<[], { raw: string }>('SELECT raw FROM configs ORDER BY rowid'),
    putConfig: db.prepare(
      'INSERT INTO configs (id, raw) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET raw = excluded.raw',
    ),
    addAudit: db.prepare(
      'INSERT INTO audit (at, actor, action, target, detail, instance) VALUES (@at, @actor, @action, @target, @detail, @instance)',
    ),
    session: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?'),
    putSession: db.prepare(
      `INSERT INTO sessions (id, user_id, email, name, created_at, expires_at)
       VALUES (@id, @user_id, @email, @name, @created_at, @expires_at)
       ON CONFLICT(id) DO UPDATE SET expires_at = excluded.expires_at`,
    ),
    deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
    members: db.prepare<[], MemberRow>('SELECT * FROM members ORDER BY added_at, user_id'),
    member: db.prepare<[string], MemberRow>('SELECT * FROM members WHERE user_id = ?'),
    putMember: db.prepare(
      `INSERT INTO members (user_id, email, name, role, added_at) VALUES (@user_id, @email, @name, @role, @added_at)
       ON CONFLICT(user_id) DO UPDATE SET email = excluded.email, name = excluded.name, role = excluded.role`,
    ),
    riskPolicy: db.prepare<[], RiskPolicyRow>(
      'SELECT doc, revision, updated_at, updated_by FROM risk_policy WHERE id = 1',
    ),
    putRiskPolicy: db.prepare(
      `INSERT INTO risk_policy (id, doc, revision, updated_at, updated_by) VALUES (1, @doc, @revision, @updated_at, @updated_by)
       ON CONFLICT(id) DO UPDATE SET doc = excluded.doc, revision = excluded.revision,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ),
    reviews: db.prepare<[string], ReviewRow>(
      'SELECT * FROM reviews WHERE flow_id = ? ORDER BY revision DESC',
    ),
    review: db.prepare<[string, number], ReviewRow>(
      'SELECT * FROM reviews WHERE flow_id = ? AND revision = ?',
    ),
    insertReview: db.prepare(
      `INSERT INTO reviews (flow_id, revision, state, requested_by, requested_at, request_comment, decided_by, decided_at, decision_comment, row_version)
       VALUES (@flow_id, @revision, @state, @requested_by, @requested_at, @request_comment, @decided_by, @decided_at, @decision_comment, @row_version)
       ON CONFLICT(flow_id, revision) DO NOTHING`,
    ),
    updateReview: db.prepare(
      `UPDATE reviews SET state = @state, requested_by = @requested_by, requested_at = @requested_at,
         request_comment = @request_comment, decided_by = @decided_by, decided_at = @decided_at,
         decision_comment = @decision_comment, row_version = @row_version
       WHERE flow_id = @flow_id AND revision = @revision AND row_version = @expected`,
    ),
    rules: db.prepare<[], RuleRow>('SELECT * FROM folder_review_rules ORDER BY folder_id'),
    putRule: db.prepare(
      `INSERT INTO folder_review_rules (folder_id, require_approval, revision, updated_at, updated_by)
       VALUES (@folder_id, @require_approval, @revision, @updated_at, @updated_by)
       ON CONFLICT(folder_id) DO UPDATE SET require_approval = excluded.require_approval,
         revision = excluded.revision, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ),
  };
  const listeners = new Set<(notice: ChangeNotice) => void>();
  let pending: ChangeNotice[] = [];

  const sync: Sync<StoreTx> = {
    folders: () => q.folders.all().map(toFolder),
    putFolder: (f) => {
      q.putFolder.run({
        id: f.id,
        parent_id: f.parentId,
        name: f.name,
        description: f.description,
        raw: f.raw ? JSON.stringify(f.raw) : null,
      });
    },
    deleteFolders: (ids) => {
      for (const id of ids) q.deleteFolder.run(id);
    },
    flowHeaders: () => q.headers.all().map(toHeader),
    flow: (id) => {
      const row = q.flow.get(id);
      return row ? toFlow(row) : null;
    },
    flows: (ids) => {
      if (!ids) return q.allFlows.all().map(toFlow);
      return ids
        .map((id) => q.flow.get(id))
        .filter((r): r is FlowRow => r !== undefined)
        .map(toFlow);
    },
    putFlow: (f) => {
      q.putFlow.run({
        id: f.id,
        folder_id: f.folderId,
        name: f.name,
        description: f.description,
        active: f.active ? 1 : 0,
        save_all_data: f.data.log ? 1 : 0,
        kind: flowKind(f.data),
        card_count: cardsInOrder(f.data).length,
        revision: f.revision,
        updated_at: f.updatedAt,
        content: JSON.stringify(f.data),
        rest: f.rest ? JSON.stringify(f.rest) : null,
      });
    },
    deleteFlows: (ids) => {
      for (const id of ids) q.deleteFlow.run(id);
    },
    addVersion: (v) => {
      q.addVersion.run({
        flow_id: v.flowId,
        revision: v.revision,
        created_at: v.createdAt,
        summary: v.summary,
        author: v.author,
        snapshot: JSON.stringify(v.flow),
      });
    },
    versions: (flowId) =>
      q.versions.all(flowId).map((r): VersionHeader => ({
        flowId: r.flow_id as FlowId,
        revision: r.revision,
        createdAt: r.created_at,
        summary: r.summary,
        author: r.author,
      })),
    version: (flowId, revision) => {
      const r = q.version.get(flowId, revision);
      if (!r) return null;
      return {
        flowId: r.flow_id as FlowId,
        revision: r.revision,
        createdAt: r.created_at,
        summary: r.summary,
        author: r.author,
        flow: JSON.parse(r.snapshot ?? '{}') as Flow,
      } satisfies Version;
    },
    tables: () => q.tables.all().map((r) => JSON.parse(r.raw) as RawTable),
    putTable: (t) => {
      q.putTable.run(t.id, JSON.stringify(t));
    },
    deleteTables: (ids) => {
      for (const id of ids) q.deleteTable.run(id);
    },
    configs: () => q.configs.all().map((r) => JSON.parse(r.raw) as RawConfig),
    putConfig: (c) => {
      q.putConfig.run(c.id, JSON.stringify(c));
    },
    deleteConfig: (id) => {
      q.deleteConfig.run(id);
    },
    addAudit: (e) => {
      q.addAudit.run(e);
    },
    audit: (f) => {
      const { where, params } = auditWhere(f, () => '?');
      return db
        .prepare<unknown[], AuditEntry>(
          `SELECT seq, at, actor, action, target, detail, instance FROM audit ${where} ORDER BY seq DESC LIMIT ?`,
        )
        .all(...params, f.limit);
    },
    session: (id) => {
      const r = q.session.get(id);
      return r
        ? {
            id: r.id,
            userId: r.user_id,
            email: r.email,
            name: r.name,
            createdAt: r.created_at,
            expiresAt: r.expires_at,
          }
        : null;
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
    riskPolicy: () => {
      const r = q.riskPolicy.get();
      return r
        ? { doc: r.doc, revision: r.revision, updatedAt: r.updated_at, updatedBy: r.updated_by }
        : null;
    },
    putRiskPolicy: (p) => {
      q.putRiskPolicy.run({
        doc: p.doc,
        revision: p.revision,
        updated_at: p.updatedAt,
        updated_by: p.updatedBy,
      });
    },
    reviews: (flowId) => q.reviews.all(flowId).map(toReview),
    review: (flowId, revision) => {
      const r = q.review.get(flowId, revision);
      return r ? toReview(r) : null;
    },
    putReview: (r, expected) =>
      (expected === 0
        ? q.insertReview.run(reviewParams(r))
        : q.updateReview.run({ ...reviewParams(r), expected })
      ).changes === 1,
    folderReviewRules: () =>
      q.rules.all().map((r): FolderReviewRule => ({
        folderId: r.folder_id,
        requireApproval: r.require_approval === 1,
        revision: r.revision,
        updatedAt: r.updated_at,
        updatedBy: r.updated_by,
      })),
    putFolderReviewRule: (r) => {
      q.putRule.run({
        folder_id: r.folderId,
        require_approval: r.requireApproval ? 1 : 0,
        revision: r.revision,
        updated_at: r.updatedAt,
        updated_by: r.updatedBy,
      });
    },
    notify: () => undefined,
  };

  const tx: StoreTx = {
    ...asAsync<Omit<StoreTx, 'notify'>>(sync),
    notify: (notice) => {
      pending.push(notice);
    },
  };

  // Transactions are serialized: a unit of work may await between statements, and SQLite
  // has one connection here, so a second unit must not interleave with the first.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    transaction<T>(fn: (t: StoreTx) => Promise<T>): Promise<T> {
      const run = async (): Promise<T> => {
        db.exec('BEGIN IMMEDIATE');
        pending = [];
        try {
          const result = await fn(tx);
          db.exec('COMMIT');
          const told = pending;
          pending = [];
          for (const notice of told) for (const l of listeners) l(notice);
          return result;
        } catch (e) {
          pending = [];
          if (db.inTransaction) db.exec('ROLLBACK');
          throw e;
        }
      };
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return next;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    describe: () =>
      file === ':memory:' ? 'in memory (nothing is kept after exit)' : path.resolve(file),
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
}

/** The synchronous twin of an async interface (SQLite answers immediately). */
type Sync<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : T[K];
};

/** Wraps synchronous methods as the asynchronous interface callers program against. */
function asAsync<T extends object>(sync: Sync<T>): T {
  const out: Record<string, unknown> = {};
  const methods = Object.entries<(...a: unknown[]) => unknown>(
    sync as Record<string, (...a: unknown[]) => unknown>,
  );
  for (const [name, fn] of methods) {
    out[name] = (...args: unknown[]): Promise<unknown> => {
      try {
        return Promise.resolve(fn(...args));
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
  }
  return out as T;
}

/** Applies the pending migrations in order, each in its own transaction. */
function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  const row = db
    .prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema_version'")
    .get();
  // A database made before versioned migrations has its tables and version 1.
  const current = row ? Number(row.value) : 0;
  if (!Number.isInteger(current) || current > SCHEMA_VERSION)
    throw new Error(
      `STORE_E001: the database was written by a newer Flopack Studio (schema ${row?.value}) — upgrade the app.`,
    );
  const setVersion = db.prepare(
    "INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  );
  SQLITE_MIGRATIONS.forEach((sql, i) => {
    if (i < current) return;
    db.transaction(() => {
      db.exec(sql);
      setVersion.run(String(i + 1));
    }).immediate();
  });
}
