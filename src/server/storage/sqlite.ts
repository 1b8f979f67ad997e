/** The embedded SQLite store (better-sqlite3, WAL journal). */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ChangeNotice, Store, StoreTx } from './store.ts';
import { asAsync } from './asAsync.ts';
import type { Sync } from './asAsync.ts';
import { sqliteAccess } from './sqliteAccess.ts';
import { migrateSqlite } from './sqliteMigrate.ts';
import { sqliteReviews } from './sqliteReviews.ts';
import { sqliteWorkspace } from './sqliteWorkspace.ts';

/** Opens (creating if needed) a SQLite store. `file` may be ':memory:'. */
export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL'); // an acknowledged save survives power loss, not just a crash
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrateSqlite(db);

  const listeners = new Set<(notice: ChangeNotice) => void>();
  let pending: ChangeNotice[] = [];

  const sync: Sync<Omit<StoreTx, 'notify'>> = {
    ...sqliteWorkspace(db),
    ...sqliteAccess(db),
    ...sqliteReviews(db),
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
