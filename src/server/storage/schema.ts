/** The SQLite schema. Flow content is stored as the flopack's own JSON (lossless). */

/** Bumped when the schema changes; a newer database is refused by an older app. */
export const SCHEMA_VERSION = 1;

/** Idempotent DDL. */
export const SCHEMA = `
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
