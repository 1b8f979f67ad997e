/** PostgreSQL: folders, flows with their versions, tables and connections. */
import { flowKind } from '../../model/flows.ts';
import { cardsInOrder } from '../../model/insert.ts';
import type { RawConfig, RawTable } from '../../model/raw.ts';
import type { PgQuery } from './postgresQuery.ts';
import { toFlow, toFolder, toHeader, toVersion, toVersionHeader } from './rows.ts';
import type { WorkspaceTx } from './store.ts';
import { HEADER_DESCRIPTION_CHARS } from './store.ts';

/** The workspace's content, read and written through one transaction's queries. */
export function postgresWorkspace({ rows, run }: PgQuery): WorkspaceTx {
  return {
    folders: async () =>
      (await rows('SELECT id, parent_id, name, description, raw FROM folders ORDER BY seq')).map(
        toFolder,
      ),
    putFolder: (f) =>
      run(
        `INSERT INTO folders (id, parent_id, name, description, raw) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET parent_id = EXCLUDED.parent_id, name = EXCLUDED.name,
           description = EXCLUDED.description, raw = EXCLUDED.raw`,
        [f.id, f.parentId, f.name, f.description, f.raw ? JSON.stringify(f.raw) : null],
      ),
    deleteFolders: async (ids) => {
      for (const id of ids) await run('DELETE FROM folders WHERE id = $1', [id]);
    },
    flowHeaders: async () =>
      (
        await rows(
          `SELECT id, folder_id, name, left(description, ${HEADER_DESCRIPTION_CHARS}) AS description, active, save_all_data, kind, card_count, revision, updated_at FROM flows ORDER BY seq`,
        )
      ).map(toHeader),
    flow: async (id) => {
      const r = (await rows('SELECT * FROM flows WHERE id = $1', [id]))[0];
      return r ? toFlow(r) : null;
    },
    flows: async (ids) =>
      (ids
        ? await rows('SELECT * FROM flows WHERE id = ANY($1) ORDER BY seq', [ids])
        : await rows('SELECT * FROM flows ORDER BY seq')
      ).map(toFlow),
    putFlow: (f) =>
      run(
        `INSERT INTO flows (id, folder_id, name, description, active, save_all_data, kind, card_count, revision, updated_at, content, rest)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (id) DO UPDATE SET folder_id = EXCLUDED.folder_id, name = EXCLUDED.name,
           description = EXCLUDED.description, active = EXCLUDED.active, save_all_data = EXCLUDED.save_all_data,
           kind = EXCLUDED.kind, card_count = EXCLUDED.card_count, revision = EXCLUDED.revision,
           updated_at = EXCLUDED.updated_at, content = EXCLUDED.content, rest = EXCLUDED.rest`,
        [
          f.id,
          f.folderId,
          f.name,
          f.description,
          f.active,
          f.data.log,
          flowKind(f.data),
          cardsInOrder(f.data).length,
          f.revision,
          f.updatedAt,
          JSON.stringify(f.data),
          f.rest ? JSON.stringify(f.rest) : null,
        ],
      ),
    deleteFlows: async (ids) => {
      if (ids.length) await run('DELETE FROM flows WHERE id = ANY($1)', [ids]);
    },
    addVersion: (v) =>
      run(
        'INSERT INTO versions (flow_id, revision, created_at, summary, author, snapshot) VALUES ($1, $2, $3, $4, $5, $6)',
        [v.flowId, v.revision, v.createdAt, v.summary, v.author, JSON.stringify(v.flow)],
      ),
    versions: async (flowId) =>
      (
        await rows(
          'SELECT flow_id, revision, created_at, summary, author FROM versions WHERE flow_id = $1 ORDER BY revision DESC',
          [flowId],
        )
      ).map(toVersionHeader),
    version: async (flowId, revision) => {
      const r = (
        await rows('SELECT * FROM versions WHERE flow_id = $1 AND revision = $2', [
          flowId,
          revision,
        ])
      )[0];
      return r ? toVersion(r) : null;
    },
    tables: async () =>
      (await rows('SELECT raw FROM tables ORDER BY seq')).map(
        (r) => JSON.parse(String(r['raw'])) as RawTable,
      ),
    putTable: (t) =>
      run(
        'INSERT INTO tables (id, raw) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET raw = EXCLUDED.raw',
        [t.id, JSON.stringify(t)],
      ),
    deleteTables: async (ids) => {
      if (ids.length) await run('DELETE FROM tables WHERE id = ANY($1)', [ids]);
    },
    configs: async () =>
      (await rows('SELECT raw FROM configs ORDER BY seq')).map(
        (r) => JSON.parse(String(r['raw'])) as RawConfig,
      ),
    putConfig: (c) =>
      run(
        'INSERT INTO configs (id, raw) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET raw = EXCLUDED.raw',
        [c.id, JSON.stringify(c)],
      ),
    deleteConfig: (id) => run('DELETE FROM configs WHERE id = $1', [id]),
  };
}
