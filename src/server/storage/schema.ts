/**
 * The SQLite schema as versioned migrations. Flow content is stored as the flopack's own JSON
 * text (lossless). A migration never changes once released: add a new one instead.
 */
import { RISK_POLICY_MIGRATION, reviewsMigration } from './sharedSchema.ts';

/** Migration 1: the original schema (idempotent, so databases made before migrations apply). */
const V1 = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS folders (
  id TEXT PRIMARY KEY,
  parent_id TEXT REFERENCES folders(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  raw TEXT
);
CREATE TABLE IF NOT EXISTS flows (
  id TEXT PRIMARY KEY,
  folder_id TEXT REFERENCES folders(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 0,
  save_all_data INTEGER NOT NULL DEFAULT 0,
  kind TEXT NOT NULL,
  card_count INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  content TEXT NOT NULL,
  rest TEXT
);
CREATE INDEX IF NOT EXISTS flows_folder ON flows(folder_id);
CREATE TABLE IF NOT EXISTS versions (
  flow_id TEXT NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  summary TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  PRIMARY KEY (flow_id, revision)
);
CREATE TABLE IF NOT EXISTS tables (
  id TEXT PRIMARY KEY,
  raw TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS configs (
  id TEXT PRIMARY KEY,
  raw TEXT NOT NULL
);
`;

/** Migration 2: version authors, the audit trail, sessions and members. */
const V2 = `
ALTER TABLE versions ADD COLUMN author TEXT NOT NULL DEFAULT '';
CREATE TABLE audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  detail TEXT NOT NULL,
  instance TEXT NOT NULL
);
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE members (
  user_id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  added_at TEXT NOT NULL
);
`;

/** The migrations in order; migration N brings the schema to version N. */
export const SQLITE_MIGRATIONS: readonly string[] = [
  V1,
  V2,
  RISK_POLICY_MIGRATION,
  reviewsMigration('INTEGER'),
];

/** The schema version this app writes; a newer database is refused by an older app. */
export const SCHEMA_VERSION = SQLITE_MIGRATIONS.length;
