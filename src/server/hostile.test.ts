import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bigPack, mutatePack, twoFolderPack } from '../../tests/hostile.ts';
import { createApp } from './app.ts';
import type { FolderDto, ImportDto, TreeDto } from './dto.ts';
import type { Answer } from '../../tests/localTestApp.ts';
import { answer } from '../../tests/localTestApp.ts';
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
): Promise<Answer<T>> {
  return answer<T>(
    await app.request(url, { method, headers, ...(body !== undefined ? { body } : {}) }),
  );
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

describe('requests a hostile web page can send', () => {
  const body = JSON.stringify({ name: 'Planted', parentId: null });

  it.each([
    ['text/plain', 'text/plain;charset=UTF-8'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['no type', ''],
  ])('refuses %s bodies with 415 API_E415 and changes nothing', async (_what, type) => {
    const r = await call<{ code: string }>(
      'POST',
      '/api/folders',
      body,
      type ? { 'content-type': type } : {},
    );
    expect(r.status).toBe(415);
    expect(r.json.code).toBe('API_E415');
    expect((await tree()).folders).toEqual([]);
  });

  it('refuses a cross-site request (Sec-Fetch-Site) with 403 ORIGIN_E001, reads included', async () => {
    for (const method of ['POST', 'GET']) {
      const r = await call<{ code: string }>(
        method,
        method === 'POST' ? '/api/folders' : '/api/export',
        method === 'POST' ? body : undefined,
        { ...JSON_TYPE, 'sec-fetch-site': 'cross-site' },
      );
      expect(r.status).toBe(403);
      expect(r.json.code).toBe('ORIGIN_E001');
    }
    expect((await tree()).folders).toEqual([]);
  });

  it('refuses a foreign or null Origin with 403, and takes its own origin', async () => {
    for (const origin of ['http://evil.example', 'null', 'http://localhost.evil.example']) {
      const r = await call<{ code: string }>('POST', '/api/folders', body, {
        ...JSON_TYPE,
        origin,
      });
      expect(r.status).toBe(403);
    }
    const own = await call<FolderDto>('POST', '/api/folders', body, {
      ...JSON_TYPE,
      origin: 'http://localhost',
      'sec-fetch-site': 'same-origin',
    });
    expect(own.status).toBe(201);
  });

  it('refuses a foreign Host (DNS rebinding) with 421 HOST_E001 on the API and the app', async () => {
    for (const url of ['/api/export', '/api/workspace', '/']) {
      const r = await call<{ code: string }>('GET', url, undefined, {
        host: 'evil.example:4310',
      });
      expect(r.status).toBe(421);
      expect(r.json.code).toBe('HOST_E001');
    }
    const loopback = await call('GET', '/api/workspace', undefined, { host: '[::1]:4310' });
    expect(loopback.status).toBe(200);
  });

  it('answers a configured host list and nothing else', async () => {
    app = createApp({ store, allowedHosts: ['studio.example.com'] });
    const named = await call('GET', '/api/workspace', undefined, { host: 'studio.example.com' });
    expect(named.status).toBe(200);
    const other = await call('GET', '/api/workspace', undefined, { host: '127.0.0.1:4310' });
    expect(other.status).toBe(421);
  });

  it('sends the security headers on every answer, errors included', async () => {
    for (const url of ['/api/workspace', '/api/nothing-here']) {
      const r = await call('GET', url);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(r.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    }
  });
});

describe('names in imported files', () => {
  it('cleans control, bidi, blank and over-long names and reports each change', async () => {
    const pack = twoFolderPack();
    const text = mutatePack(pack.text, (d) => {
      const a = d.data.groups[pack.a];
      if (a) a.data.name = 'Evil\u001b]0;pwned\u0007\u202eexe.txt';
      const f = d.data.flos[pack.flow];
      if (f) f.name = '\u0000 \t ';
    });
    const long = mutatePack(twoFolderPack(12).text, (d) => {
      for (const f of Object.values(d.data.flos)) f.name = 'x'.repeat(5000);
    });
    const r = await call<ImportDto>('POST', '/api/import', text);
    expect(r.status).toBe(201);
    expect(r.json.report.cleaned).toEqual([
      {
        kind: 'folder',
        from: 'Evil\\u{1b}]0;pwned\\u{7}\\u{202e}exe.txt',
        to: 'Evil ]0;pwned exe.txt',
      },
      { kind: 'flow', from: '\\u{0} \\u{9} ', to: 'Unnamed' },
    ]);
    const r2 = await call<ImportDto>('POST', '/api/import', long);
    expect(r2.json.report.cleaned[0]?.to).toBe('x'.repeat(200));
    const listed = await tree();
    expect(listed.folders.map((f) => f.name)).toContain('Evil ]0;pwned exe.txt');
    expect(listed.flows.map((f) => f.name).sort()).toEqual(['Unnamed', 'x'.repeat(200)]);
    // The cleaned flow saves again under the same rule (it used to fail with 422).
    const flow = listed.flows.find((f) => f.name === 'Unnamed');
    const saved = await call(
      'PUT',
      `/api/flows/${flow?.id}`,
      JSON.stringify({ baseRevision: 1, name: 'Unnamed' }),
    );
    expect(saved.status).toBe(200);
  });

  it('refuses a typed name with a right-to-left override with 422 NAME_E004', async () => {
    const r = await call<{ code: string }>(
      'POST',
      '/api/folders',
      JSON.stringify({ name: 'Invoice\u202etxt.exe' }),
    );
    expect(r.status).toBe(422);
    expect(r.json.code).toBe('NAME_E004');
  });
});

describe('whole-workspace backups', () => {
  it('re-imports a workspace export larger than 25 MB at the top level', async () => {
    for (const seed of [41, 42]) {
      const r = await call<ImportDto>('POST', '/api/import', bigPack(14, 1024 * 1024, seed));
      expect(r.status).toBe(201);
    }
    const res = await app.request('/api/export');
    const backup = await res.text();
    expect(backup.length).toBeGreaterThan(25 * 1024 * 1024);
    const restored = await call<ImportDto>('POST', '/api/import', backup);
    expect(restored.status).toBe(201);
    expect(restored.json.report.flows).toBe(28);
    expect((await tree()).flows).toHaveLength(56);
  }, 120_000);

  it('keeps the 25 MB cap for a flopack imported into a folder', async () => {
    const made = await call<FolderDto>('POST', '/api/folders', JSON.stringify({ name: 'T' }));
    const r = await call<{ code: string }>(
      'POST',
      `/api/import?folder=${made.json.id}`,
      bigPack(26, 1024 * 1024),
    );
    expect(r.status).toBe(413);
    expect(r.json.code).toBe('API_E413');
  }, 60_000);
});
