import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mutatePack, twoFolderPack } from '../../tests/hostile.ts';
import { createApp } from './app.ts';
import type { FolderDto, ImportDto, TreeDto } from './dto.ts';
import { openSqliteStore } from './storage/sqlite.ts';
import type { Store } from './storage/store.ts';

let dir: string;
let dbFile: string;
let store: Store;
let app: Hono;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'flopack-hostile-'));
  dbFile = path.join(dir, 'studio.sqlite');
  store = openSqliteStore(dbFile);
  app = createApp({ store });
});
afterEach(() => store.close());

const JSON_TYPE = { 'content-type': 'application/json' };

async function call<T>(
  method: string,
  url: string,
  body?: string,
  headers: Record<string, string> = JSON_TYPE,
): Promise<{ status: number; json: T; headers: Headers }> {
  const res = await app.request(url, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json: json as T, headers: res.headers };
}

const tree = async (): Promise<TreeDto> => (await call<TreeDto>('GET', '/api/workspace')).json;

describe('folder trees from hostile files', () => {
  const pack = twoFolderPack();

  it('refuses a flopack with a self-parent folder with a coded 422 and stores nothing', async () => {
    const text = mutatePack(pack.text, (d) => {
      const a = d.data.groups[pack.a];
      if (a) a.data.path = pack.a;
    });
    const r = await call<{ code: string }>('POST', '/api/import', text);
    expect(r.status).toBe(422);
    expect(r.json.code).toBe('FLOPACK_E022');
    expect((await tree()).folders).toEqual([]);
  });

  it('refuses a parent cycle A ↔ B with a coded 422, not a 500', async () => {
    const text = mutatePack(pack.text, (d) => {
      const a = d.data.groups[pack.a];
      if (a) a.data.path = pack.b;
    });
    const r = await call<{ code: string }>('POST', '/api/import', text);
    expect(r.status).toBe(422);
    expect(r.json.code).toBe('FLOPACK_E022');
  });

  it('exports and deletes a self-parent folder already stored, without looping', async () => {
    const ok = await call<ImportDto>('POST', '/api/import', pack.text);
    expect(ok.status).toBe(201);
    const [a] = ok.json.folderIds;
    const raw = new Database(dbFile);
    raw.prepare('UPDATE folders SET parent_id = id WHERE id = ?').run(a);
    raw.close();
    const listed = await tree();
    expect(listed.folders.find((f) => f.id === a)?.parentId).toBeNull();
    const exported = await call<{ data: { groups: object } }>('GET', `/api/export?folder=${a}`);
    expect(exported.status).toBe(200);
    expect(Object.keys(exported.json.data.groups)).toHaveLength(2);
    const gone = await call<{ folders: number }>('DELETE', `/api/folders/${a}?recursive=true`);
    expect(gone.status).toBe(200);
    expect(gone.json.folders).toBe(2);
    expect((await tree()).folders).toEqual([]);
  });

  it('refuses a folder move into itself with a coded 422', async () => {
    const made = await call<FolderDto>('POST', '/api/folders', JSON.stringify({ name: 'Solo' }));
    const r = await call<{ code: string }>(
      'PATCH',
      `/api/folders/${made.json.id}`,
      JSON.stringify({ parentId: made.json.id }),
    );
    expect(r.status).toBe(422);
    expect(r.json.code).toBe('FOLDER_E004');
  });

  it('answers an empty folder name with 422 NAME_E001, not 404', async () => {
    const r = await call<{ code: string }>('POST', '/api/folders', JSON.stringify({ name: '  ' }));
    expect(r.status).toBe(422);
    expect(r.json.code).toBe('NAME_E001');
  });
});
