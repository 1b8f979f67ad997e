/** Brings a SQLite database to the schema this app writes. */
import type Database from 'better-sqlite3';
import { SCHEMA_VERSION, SQLITE_MIGRATIONS } from './schema.ts';

/** Applies the pending migrations in order, each in its own transaction. */
export function migrateSqlite(db: Database.Database): void {
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
