import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { FlowId } from '../../model/ids.ts';
import { SQLITE_MIGRATIONS } from './schema.ts';
import { openSqliteStore } from './sqlite.ts';

describe('SQLite migrations', () => {
  it('upgrades a database made before versioned migrations, keeping its versions', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'flopack-mig-')), 'old.sqlite');
    const db = new Database(file);
    db.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO meta VALUES ('schema_version', '1');
      CREATE TABLE folders (id TEXT PRIMARY KEY, parent_id TEXT, name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '', raw TEXT);
      CREATE TABLE flows (id TEXT PRIMARY KEY, folder_id TEXT, name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '', active INTEGER NOT NULL DEFAULT 0, save_all_data INTEGER NOT NULL DEFAULT 0, kind TEXT NOT NULL, card_count INTEGER NOT NULL, revision INTEGER NOT NULL, updated_at TEXT NOT NULL, content TEXT NOT NULL, rest TEXT);
      CREATE TABLE versions (flow_id TEXT NOT NULL, revision INTEGER NOT NULL, created_at TEXT NOT NULL, summary TEXT NOT NULL, snapshot TEXT NOT NULL, PRIMARY KEY (flow_id, revision));
      CREATE TABLE tables (id TEXT PRIMARY KEY, raw TEXT NOT NULL);
      CREATE TABLE configs (id TEXT PRIMARY KEY, raw TEXT NOT NULL);
      INSERT INTO versions VALUES ('f1', 1, 'then', 'Created', '{}');`);
    db.close();
    const store = openSqliteStore(file);
    const versions = await store.transaction((tx) => tx.versions('f1' as FlowId));
    expect(versions).toEqual([
      { flowId: 'f1', revision: 1, createdAt: 'then', summary: 'Created', author: '' },
    ]);
    await store.close();
    const check = new Database(file);
    expect(check.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get()).toEqual({
      value: String(SQLITE_MIGRATIONS.length),
    });
    expect(
      check.prepare("SELECT name FROM sqlite_master WHERE name = 'risk_policy'").get(),
    ).toEqual({ name: 'risk_policy' });
    expect(
      check
        .prepare(
          "SELECT name FROM sqlite_master WHERE name IN ('reviews', 'folder_review_rules') ORDER BY name",
        )
        .all(),
    ).toEqual([{ name: 'folder_review_rules' }, { name: 'reviews' }]);
    check.prepare("UPDATE meta SET value = '99' WHERE key = 'schema_version'").run();
    check.close();
    expect(() => openSqliteStore(file)).toThrow(/STORE_E001/);
  });
});
