/**
 * The PostgreSQL store, shared by any number of studio instances. Each unit of work is one
 * SERIALIZABLE transaction, retried when PostgreSQL reports a conflict with another instance;
 * the retry re-reads the flow, so a stale save becomes a 409, never a lost update. Change
 * notices travel with the transaction (`pg_notify`), so they reach every instance only when it
 * commits.
 */
import pg from 'pg';
import { postgresAccess } from './postgresAccess.ts';
import { migratePostgres } from './postgresMigrate.ts';
import { pgQuery } from './postgresQuery.ts';
import { postgresReviews } from './postgresReviews.ts';
import { postgresWorkspace } from './postgresWorkspace.ts';
import type { ChangeNotice, Store, StoreTx } from './store.ts';

/** The channel change notices travel on. */
const CHANNEL = 'flopack_changes';
/** Serialization failure and deadlock: the unit is safe to run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 30;

/** One unit of work over one transaction's connection; notices wait in `pending` for COMMIT. */
function makeTx(client: pg.PoolClient, pending: ChangeNotice[]): StoreTx {
  const q = pgQuery(client);
  return {
    ...postgresWorkspace(q),
    ...postgresAccess(q),
    ...postgresReviews(q),
    notify: (notice) => {
      pending.push(notice);
    },
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const sqlState = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';

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
  await migratePostgres(pool);

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
