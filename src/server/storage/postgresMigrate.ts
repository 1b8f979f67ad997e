/** Brings a PostgreSQL database to the schema this app writes. */
import type pg from 'pg';
import { POSTGRES_MIGRATIONS } from './postgresSchema.ts';

/** Applies pending migrations; the advisory lock makes concurrent starts wait for each other. */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
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
