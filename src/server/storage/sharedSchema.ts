/**
 * Migrations written once for both stores: their SQL is the same in SQLite and PostgreSQL but
 * for the type of a boolean column (SQLite keeps 0/1 in an INTEGER). Each text must stay
 * exactly as released — `schema.test.ts` pins them.
 */

/** How a dialect declares a boolean column. */
export type BooleanColumn = 'INTEGER' | 'BOOLEAN';

/** Migration: the workspace's entity risk policy (one row, the policy document as JSON text). */
export const RISK_POLICY_MIGRATION = `
CREATE TABLE risk_policy (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  doc TEXT NOT NULL,
  revision INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
`;

/** Migration: review before release (one review per flow version) and per-folder rules. */
export const reviewsMigration = (boolean: BooleanColumn): string => `
CREATE TABLE reviews (
  flow_id TEXT NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  state TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  request_comment TEXT NOT NULL DEFAULT '',
  decided_by TEXT NOT NULL DEFAULT '',
  decided_at TEXT,
  decision_comment TEXT NOT NULL DEFAULT '',
  row_version INTEGER NOT NULL,
  PRIMARY KEY (flow_id, revision)
);
CREATE TABLE folder_review_rules (
  folder_id TEXT PRIMARY KEY REFERENCES folders(id) ON DELETE CASCADE,
  require_approval ${boolean} NOT NULL,
  revision INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
`;
