/**
 * The PostgreSQL store, shared by any number of studio instances. Each unit of work is one
 * SERIALIZABLE transaction, retried when PostgreSQL reports a conflict with another instance;
 * the retry re-reads the flow, so a stale save becomes a 409, never a lost update. Change
 * notices travel with the transaction (`pg_notify`), so they reach every instance only when it
 * commits.
 */
import pg from 'pg';
import { flowKind } from '../../model/flows.ts';
import { cardsInOrder } from '../../model/insert.ts';
import type { FlowId, FolderId } from '../../model/ids.ts';
import type { JsonObject, RawConfig, RawFloData, RawGroup, RawTable } from '../../model/raw.ts';
import type { Flow } from '../../model/workspace.ts';
import { auditWhere } from './auditQuery.ts';
import { POSTGRES_MIGRATIONS } from './postgresSchema.ts';
import { HEADER_DESCRIPTION_CHARS } from './store.ts';
import type {
  AuditEntry,
  ChangeNotice,
  FlowHeader,
  Member,
  Review,
  Role,
  Store,
  StoreTx,
  StoredFlow,
} from './store.ts';

/** The channel change notices travel on. */
const CHANNEL = 'flopack_changes';
/** Serialization failure and deadlock: the unit is safe to run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 30;

type Row = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : String(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : str(v));

const toHeader = (r: Row): FlowHeader => ({
  id: str(r['id']) as FlowId,
  name: str(r['name']),
  description: str(r['description']),
  folderId: strOrNull(r['folder_id']) as FolderId | null,
  active: r['active'] === true,
  saveAllData: r['save_all_data'] === true,
  kind: str(r['kind']) as FlowHeader['kind'],
  cardCount: Number(r['card_count']),
  revision: Number(r['revision']),
  updatedAt: str(r['updated_at']),
});

const toFlow = (r: Row): StoredFlow => ({
  id: str(r['id']) as FlowId,
  name: str(r['name']),
  description: str(r['description']),
  folderId: strOrNull(r['folder_id']) as FolderId | null,
  active: r['active'] === true,
  data: JSON.parse(str(r['content'])) as RawFloData,
  rest: r['rest'] ? (JSON.parse(str(r['rest'])) as JsonObject) : null,
  revision: Number(r['revision']),
  updatedAt: str(r['updated_at']),
});

const toMember = (r: Row): Member => ({
  userId: str(r['user_id']),
  email: str(r['email']),
  name: str(r['name']),
  role: str(r['role']) as Role,
  addedAt: str(r['added_at']),
});

const toReview = (r: Row): Review => ({
  flowId: str(r['flow_id']),
  revision: Number(r['revision']),
  state: str(r['state']) as Review['state'],
  requestedBy: str(r['requested_by']),
  requestedAt: str(r['requested_at']),
  requestComment: str(r['request_comment']),
  decidedBy: str(r['decided_by']),
  decidedAt: strOrNull(r['decided_at']),
  decisionComment: str(r['decision_comment']),
  rowVersion: Number(r['row_version']),
});

const reviewValues = (r: Review): unknown[] => [
  r.flowId,
  r.revision,
  r.state,
  r.requestedBy,
  r.requestedAt,
  r.requestComment,
  r.decidedBy,
  r.decidedAt,
  r.decisionComment,
  r.rowVersion,
];

function makeTx(client: pg.PoolClient, pending: ChangeNotice[]): StoreTx {
  const rows = async (sql: string, params: unknown[] = []): Promise<Row[]> =>
    (await client.query<Row>(sql, params)).rows;
  const run = async (sql: string, params: unknown[] = []): Promise<void> => {
    await client.query(sql, params);
  };
  return {
    folders: async () =>
      (await rows('SELECT id, parent_id, name, description, raw FROM folders ORDER BY seq')).map(
        (r) => ({
          id: str(r['id']) as FolderId,
          name: str(r['name']),
          description: str(r['description']),
          parentId: strOrNull(r['parent_id']) as FolderId | null,
          raw: r['raw'] ? (JSON.parse(str(r['raw'])) as RawGroup) : null,
        }),
      ),
    putFolder: (f) =>
      run(
        `INSERT INTO folders (id, parent_id, name, description, raw) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET parent_id = EXCLUDED.parent_id, name = EXCLUDED.name,
           description = EXCLUDED.description, raw = EXCLUDED.raw`,
        [f.id, f.parentId, f.name, f.description, f.raw ? JSON.stringify(f.raw) : null],
      ),
    deleteFolders: async (ids) => {
      for (const id of ids) await run('DELETE FROM folders WHERE id = $1', [id]);
    },
    flowHeaders: async () =>
      (
        await rows(
          `SELECT id, folder_id, name, left(description, ${HEADER_DESCRIPTION_CHARS}) AS description, active, save_all_data, kind, card_count, revision, updated_at FROM flows ORDER BY seq`,
        )
      ).map(toHeader),
    flow: async (id) => {
      const r = (await rows('SELECT * FROM flows WHERE id = $1', [id]))[0];
      return r ? toFlow(r) : null;
    },
    flows: async (ids) =>
      (ids
        ? await rows('SELECT * FROM flows WHERE id = ANY($1) ORDER BY seq', [ids])
        : await rows('SELECT * FROM flows ORDER BY seq')
      ).map(toFlow),
    putFlow: (f) =>
      run(
        `INSERT INTO flows (id, folder_id, name, description, active, save_all_data, kind, card_count, revision, updated_at, content, rest)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (id) DO UPDATE SET folder_id = EXCLUDED.folder_id, name = EXCLUDED.name,
           description = EXCLUDED.description, active = EXCLUDED.active, save_all_data = EXCLUDED.save_all_data,
           kind = EXCLUDED.kind, card_count = EXCLUDED.card_count, revision = EXCLUDED.revision,
           updated_at = EXCLUDED.updated_at, content = EXCLUDED.content, rest = EXCLUDED.rest`,
        [
          f.id,
          f.folderId,
          f.name,
          f.description,
          f.active,
          f.data.log,
          flowKind(f.data),
          cardsInOrder(f.data).length,
          f.revision,
          f.updatedAt,
          JSON.stringify(f.data),
          f.rest ? JSON.stringify(f.rest) : null,
        ],
      ),
    deleteFlows: async (ids) => {
      if (ids.length) await run('DELETE FROM flows WHERE id = ANY($1)', [ids]);
    },
    addVersion: (v) =>
      run(
        'INSERT INTO versions (flow_id, revision, created_at, summary, author, snapshot) VALUES ($1, $2, $3, $4, $5, $6)',
        [v.flowId, v.revision, v.createdAt, v.summary, v.author, JSON.stringify(v.flow)],
      ),
    versions: async (flowId) =>
      (
        await rows(
          'SELECT flow_id, revision, created_at, summary, author FROM versions WHERE flow_id = $1 ORDER BY revision DESC',
          [flowId],
        )
      ).map((r) => ({
        flowId: str(r['flow_id']) as FlowId,
        revision: Number(r['revision']),
        createdAt: str(r['created_at']),
        summary: str(r['summary']),
        author: str(r['author']),
      })),
    version: async (flowId, revision) => {
      const r = (
        await rows('SELECT * FROM versions WHERE flow_id = $1 AND revision = $2', [
          flowId,
          revision,
        ])
      )[0];
      if (!r) return null;
      return {
        flowId: str(r['flow_id']) as FlowId,
        revision: Number(r['revision']),
        createdAt: str(r['created_at']),
        summary: str(r['summary']),
        author: str(r['author']),
        flow: JSON.parse(str(r['snapshot'])) as Flow,
      };
    },
    tables: async () =>
      (await rows('SELECT raw FROM tables ORDER BY seq')).map(
        (r) => JSON.parse(str(r['raw'])) as RawTable,
      ),
    putTable: (t) =>
      run(
        'INSERT INTO tables (id, raw) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET raw = EXCLUDED.raw',
        [t.id, JSON.stringify(t)],
      ),
    deleteTables: async (ids) => {
      if (ids.length) await run('DELETE FROM tables WHERE id = ANY($1)', [ids]);
    },
    configs: async () =>
      (await rows('SELECT raw FROM configs ORDER BY seq')).map(
        (r) => JSON.parse(str(r['raw'])) as RawConfig,
      ),
    putConfig: (c) =>
      run(
        'INSERT INTO configs (id, raw) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET raw = EXCLUDED.raw',
        [c.id, JSON.stringify(c)],
      ),
    deleteConfig: (id) => run('DELETE FROM configs WHERE id = $1', [id]),
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
      ).map((r): AuditEntry => ({
        seq: Number(r['seq']),
        at: str(r['at']),
        actor: str(r['actor']),
        action: str(r['action']),
        target: str(r['target']),
        detail: str(r['detail']),
        instance: str(r['instance']),
      }));
    },
    session: async (id) => {
      const r = (await rows('SELECT * FROM sessions WHERE id = $1', [id]))[0];
      return r
        ? {
            id: str(r['id']),
            userId: str(r['user_id']),
            email: str(r['email']),
            name: str(r['name']),
            createdAt: str(r['created_at']),
            expiresAt: str(r['expires_at']),
          }
        : null;
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
    riskPolicy: async () => {
      const r = (
        await rows('SELECT doc, revision, updated_at, updated_by FROM risk_policy WHERE id = 1')
      )[0];
      return r
        ? {
            doc: str(r['doc']),
            revision: Number(r['revision']),
            updatedAt: str(r['updated_at']),
            updatedBy: str(r['updated_by']),
          }
        : null;
    },
    putRiskPolicy: (p) =>
      run(
        `INSERT INTO risk_policy (id, doc, revision, updated_at, updated_by) VALUES (1, $1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc, revision = EXCLUDED.revision,
           updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
        [p.doc, p.revision, p.updatedAt, p.updatedBy],
      ),
    reviews: async (flowId) =>
      (await rows('SELECT * FROM reviews WHERE flow_id = $1 ORDER BY revision DESC', [flowId])).map(
        toReview,
      ),
    review: async (flowId, revision) => {
      const r = (
        await rows('SELECT * FROM reviews WHERE flow_id = $1 AND revision = $2', [flowId, revision])
      )[0];
      return r ? toReview(r) : null;
    },
    putReview: async (r, expected) => {
      const res =
        expected === 0
          ? await client.query(
              `INSERT INTO reviews (flow_id, revision, state, requested_by, requested_at, request_comment, decided_by, decided_at, decision_comment, row_version)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (flow_id, revision) DO NOTHING`,
              reviewValues(r),
            )
          : await client.query(
              `UPDATE reviews SET state = $3, requested_by = $4, requested_at = $5, request_comment = $6,
                 decided_by = $7, decided_at = $8, decision_comment = $9, row_version = $10
               WHERE flow_id = $1 AND revision = $2 AND row_version = $11`,
              [...reviewValues(r), expected],
            );
      return res.rowCount === 1;
    },
    folderReviewRules: async () =>
      (await rows('SELECT * FROM folder_review_rules ORDER BY folder_id')).map((r) => ({
        folderId: str(r['folder_id']),
        requireApproval: r['require_approval'] === true,
        revision: Number(r['revision']),
        updatedAt: str(r['updated_at']),
        updatedBy: str(r['updated_by']),
      })),
    putFolderReviewRule: (r) =>
      run(
        `INSERT INTO folder_review_rules (folder_id, require_approval, revision, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (folder_id) DO UPDATE SET require_approval = EXCLUDED.require_approval,
           revision = EXCLUDED.revision, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
        [r.folderId, r.requireApproval, r.revision, r.updatedAt, r.updatedBy],
      ),
    notify: (notice) => {
      pending.push(notice);
    },
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const sqlState = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'code' in e ? str(e.code) : '';

/** Applies pending migrations; the advisory lock makes concurrent starts wait for each other. */
async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('flopack_migrations'))");
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const done = await client.query<{ v: number | null }>(
      'SELECT MAX(version) AS v FROM schema_migrations',
    );
    const current = done.rows[0]?.v ?? 0;
    if (current > POSTGRES_MIGRATIONS.length)
      throw new Error(
        `STORE_E001: the database was written by a newer Flopack Studio (schema ${current}) — upgrade the app.`,
      );
    for (let i = current; i < POSTGRES_MIGRATIONS.length; i++) {
      await client.query(POSTGRES_MIGRATIONS[i] as string);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
        i + 1,
        new Date().toISOString(),
      ]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** Where a connection string points, without its password. */
function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return `PostgreSQL ${u.host}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/** Connects to PostgreSQL at `url`, migrates, and listens for other instances' notices. */
export async function openPostgresStore(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', (e) => console.error(`STORE_E010: a database connection failed: ${e.message}`));
  await migrate(pool);

  const listeners = new Set<(notice: ChangeNotice) => void>();
  let listener: pg.Client | null = null;
  let closed = false;
  const listen = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      let notice: ChangeNotice;
      try {
        notice = JSON.parse(msg.payload) as ChangeNotice;
      } catch {
        return;
      }
      for (const l of listeners) l(notice);
    });
    client.on('error', (e) => {
      console.error(`STORE_E011: lost the change-notice connection (${e.message}); reconnecting.`);
      listener = null;
      client.end().catch(() => undefined);
      if (!closed) setTimeout(() => void listen().catch(() => undefined), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    listener = client;
  };
  await listen();

  return {
    async transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        const pending: ChangeNotice[] = [];
        try {
          await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
          const result = await fn(makeTx(client, pending));
          for (const n of pending)
            await client.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(n)]);
          await client.query('COMMIT');
          return result;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          if (RETRYABLE.has(sqlState(e)) && attempt < MAX_ATTEMPTS) {
            await sleep(Math.random() * 10 * Math.min(attempt, 10));
            continue;
          }
          throw e;
        } finally {
          client.release();
        }
      }
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    describe: () => describeUrl(url),
    close: async () => {
      closed = true;
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
