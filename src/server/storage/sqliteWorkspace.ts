/** SQLite: folders, flows with their versions, tables and connections. */
import type Database from 'better-sqlite3';
import { flowKind } from '../../model/flows.ts';
import { cardsInOrder } from '../../model/insert.ts';
import type { RawConfig, RawTable } from '../../model/raw.ts';
import type { Sync } from './asAsync.ts';
import type { Row } from './rows.ts';
import { toFlow, toFolder, toHeader, toVersion, toVersionHeader } from './rows.ts';
import type { WorkspaceTx } from './store.ts';
import { HEADER_DESCRIPTION_CHARS } from './store.ts';

/** Prepares the workspace's statements once, for every unit of work on `db`. */
export function sqliteWorkspace(db: Database.Database): Sync<WorkspaceTx> {
  const q = {
    folders: db.prepare<[], Row>(
      'SELECT id, parent_id, name, description, raw FROM folders ORDER BY rowid',
    ),
    putFolder: db.prepare(
      `INSERT INTO folders (id, parent_id, name, description, raw) VALUES (@id, @parent_id, @name, @description, @raw)
       ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id, name = excluded.name,
         description = excluded.description, raw = excluded.raw`,
    ),
    deleteFolder: db.prepare('DELETE FROM folders WHERE id = ?'),
    headers: db.prepare<[], Row>(
      `SELECT id, folder_id, name, substr(description, 1, ${HEADER_DESCRIPTION_CHARS}) AS description, active, save_all_data, kind, card_count, revision, updated_at FROM flows ORDER BY rowid`,
    ),
    flow: db.prepare<[string], Row>('SELECT * FROM flows WHERE id = ?'),
    allFlows: db.prepare<[], Row>('SELECT * FROM flows ORDER BY rowid'),
    putFlow: db.prepare(
      `INSERT INTO flows (id, folder_id, name, description, active, save_all_data, kind, card_count, revision, updated_at, content, rest)
       VALUES (@id, @folder_id, @name, @description, @active, @save_all_data, @kind, @card_count, @revision, @updated_at, @content, @rest)
       ON CONFLICT(id) DO UPDATE SET folder_id = excluded.folder_id, name = excluded.name, description = excluded.description,
         active = excluded.active, save_all_data = excluded.save_all_data, kind = excluded.kind, card_count = excluded.card_count,
         revision = excluded.revision, updated_at = excluded.updated_at, content = excluded.content, rest = excluded.rest`,
    ),
    deleteFlow: db.prepare('DELETE FROM flows WHERE id = ?'),
    addVersion: db.prepare(
      'INSERT INTO versions (flow_id, revision, created_at, summary, author, snapshot) VALUES (@flow_id, @revision, @created_at, @summary, @author, @snapshot)',
    ),
    versions: db.prepare<[string], Row>(
      'SELECT flow_id, revision, created_at, summary, author FROM versions WHERE flow_id = ? ORDER BY revision DESC',
    ),
    version: db.prepare<[string, number], Row>(
      'SELECT * FROM versions WHERE flow_id = ? AND revision = ?',
    ),
    tables: db.prepare<[], { raw: string }>('SELECT raw FROM tables ORDER BY rowid'),
    putTable: db.prepare(
      'INSERT INTO tables (id, raw) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET raw = excluded.raw',
    ),
    deleteTable: db.prepare('DELETE FROM tables WHERE id = ?'),
    deleteConfig: db.prepare('DELETE FROM configs WHERE id = ?'),
    configs: db.prepare<[], { raw: string }>('SELECT raw FROM configs ORDER BY rowid'),
    putConfig: db.prepare(
      'INSERT INTO configs (id, raw) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET raw = excluded.raw',
    ),
  };

  return {
    folders: () => q.folders.all().map(toFolder),
    putFolder: (f) => {
      q.putFolder.run({
        id: f.id,
        parent_id: f.parentId,
        name: f.name,
        description: f.description,
        raw: f.raw ? JSON.stringify(f.raw) : null,
      });
    },
    deleteFolders: (ids) => {
      for (const id of ids) q.deleteFolder.run(id);
    },
    flowHeaders: () => q.headers.all().map(toHeader),
    flow: (id) => {
      const row = q.flow.get(id);
      return row ? toFlow(row) : null;
    },
    flows: (ids) => {
      if (!ids) return q.allFlows.all().map(toFlow);
      return ids
        .map((id) => q.flow.get(id))
        .filter((r): r is Row => r !== undefined)
        .map(toFlow);
    },
    putFlow: (f) => {
      q.putFlow.run({
        id: f.id,
        folder_id: f.folderId,
        name: f.name,
        description: f.description,
        active: f.active ? 1 : 0,
        save_all_data: f.data.log ? 1 : 0,
        kind: flowKind(f.data),
        card_count: cardsInOrder(f.data).length,
        revision: f.revision,
        updated_at: f.updatedAt,
        content: JSON.stringify(f.data),
        rest: f.rest ? JSON.stringify(f.rest) : null,
      });
    },
    deleteFlows: (ids) => {
      for (const id of ids) q.deleteFlow.run(id);
    },
    addVersion: (v) => {
      q.addVersion.run({
        flow_id: v.flowId,
        revision: v.revision,
        created_at: v.createdAt,
        summary: v.summary,
        author: v.author,
        snapshot: JSON.stringify(v.flow),
      });
    },
    versions: (flowId) => q.versions.all(flowId).map(toVersionHeader),
    version: (flowId, revision) => {
      const r = q.version.get(flowId, revision);
      return r ? toVersion(r) : null;
    },
    tables: () => q.tables.all().map((r) => JSON.parse(r.raw) as RawTable),
    putTable: (t) => {
      q.putTable.run(t.id, JSON.stringify(t));
    },
    deleteTables: (ids) => {
      for (const id of ids) q.deleteTable.run(id);
    },
    configs: () => q.configs.all().map((r) => JSON.parse(r.raw) as RawConfig),
    putConfig: (c) => {
      q.putConfig.run(c.id, JSON.stringify(c));
    },
    deleteConfig: (id) => {
      q.deleteConfig.run(id);
    },
  };
}
