/**
 * The PostgreSQL schema as versioned migrations, applied under an advisory lock so instances
 * starting together migrate once. Flow content is kept as JSON text, never jsonb, because
 * jsonb reorders keys and a flopack must round-trip byte for byte. A migration never changes
 * once released: add a new one instead.
 */
import { RISK_POLICY_MIGRATION, reviewsMigration } from './sharedSchema.ts';

/** Migration 1: the workspace, versions, audit trail, sessions and members. */
const V1 = `
CREATE TABLE folders (
  seq BIGSERIAL NOT NULL,
  id TEXT PRIMARY KEY,
  parent_id TEXT REFERENCES folders(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  raw TEXT
);
CREATE TABLE flows (
  seq BIGSERIAL NOT NULL,
  id TEXT PRIMARY KEY,
  folder_id TEXT REFERENCES folders(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  active BOOLEAN NOT NULL DEFAULT FALSE,
  save_all_data BOOLEAN NOT NULL DEFAULT FALSE,
  kind TEXT NOT NULL,
  card_count INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  content TEXT NOT NULL,
  rest TEXT
);
CREATE INDEX flows_folder ON flows(folder_id);
CREATE TABLE versions (
  flow_id TEXT NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  summary TEXT NOT NULL,
  author TEXT NOT NULL DEFAULT '',
  snapshot TEXT NOT NULL,
  PRIMARY KEY (flow_id, revision)
);
CREATE TABLE tables (
  seq BIGSERIAL NOT NULL,
  id TEXT PRIMARY KEY,
  raw TEXT NOT NULL
);
CREATE TABLE configs (
  seq BIGSERIAL NOT NULL,
  id TEXT PRIMARY KEY,
  raw TEXT NOT NULL
);
CREATE TABLE audit (
  seq BIGSERIAL PRIMARY KEY,
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
export const POSTGRES_MIGRATIONS: readonly string[] = [
  V1,
  RISK_POLICY_MIGRATION,
  reviewsMigration('BOOLEAN'),
];
