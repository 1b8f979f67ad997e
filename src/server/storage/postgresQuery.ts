/** The few ways a PostgreSQL unit of work talks to its connection. */
import type pg from 'pg';
import type { Row } from './rows.ts';

/** Statements run on one transaction's connection. */
export interface PgQuery {
  /** The rows a query answers. */
  rows: (sql: string, params?: unknown[]) => Promise<Row[]>;
  /** Runs a statement for its effect. */
  run: (sql: string, params?: unknown[]) => Promise<void>;
  /** Runs a statement and answers how many rows it changed. */
  changes: (sql: string, params: unknown[]) => Promise<number>;
}

/** The queries of one transaction, on `client`. */
export function pgQuery(client: pg.PoolClient): PgQuery {
  return {
    rows: async (sql, params = []) => (await client.query<Row>(sql, params)).rows,
    run: async (sql, params = []) => {
      await client.query(sql, params);
    },
    changes: async (sql, params) => (await client.query(sql, params)).rowCount ?? 0,
  };
}
