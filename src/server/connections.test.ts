import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawConfig } from '../model/raw.ts';
import { createApp } from './app.ts';
import type { FolderDto, TreeDto } from './dto.ts';
import { openSqliteStore } from './storage/sqlite.ts';
import type { Store } from './storage/store.ts';

let dir: string;
let store: Store;
let app: Hono;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'flopack-conn-'));
  store = openSqliteStore(path.join(dir, 'studio.sqlite'));
  app = createApp({ store });
});
afterEach(() => store.close());

async function call<T>(method: string, url: string, body?: unknown) {
  const init: RequestInit = { method };
  if (method !== 'GET') init.headers = { 'content-type': 'application/json' };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await app.request(url, init);
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text) as T, text };
}

describe('connections API', () => {
  it('creates, lists and renames placeholders, refusing clashes with a code', async () => {
    const made = await call<RawConfig>('POST', '/api/connections', {
      name: 'Okta',
      module: 'okta',
    });
    expect(made.status).toBe(201);
    expect(Object.keys(made.json)).toEqual(['id', 'name', 'module', 'data']);
    expect(made.json).toMatchObject({ name: 'Okta', module: 'okta', data: null });
    const clash = await call<{ code: string }>('POST', '/api/connections', {
      name: 'okta',
      module: 'okta',
    });
    expect([clash.status, clash.json.code]).toEqual([422, 'CONN_E003']);
    const bad = await call<{ code: string }>('POST', '/api/connections', {
      name: 'x',
      module: 'stash',
    });
    expect([bad.status, bad.json.code]).toEqual([422, 'CONN_E004']);
    const renamed = await call<RawConfig>('PATCH', `/api/connections/${made.json.id}`, {
      name: 'Okta prod',
    });
    expect(renamed.json.name).toBe('Okta prod');
    const list = await call<RawConfig[]>('GET', '/api/connections');
    expect(list.json.map((c) => c.name)).toEqual(['Okta prod']);
    expect((await call('PATCH', '/api/connections/nope', { name: 'x' })).status).toBe(404);
  });

  it('refuses to delete a connection a saved card uses, naming the card, and deletes it once unused', async () => {
    const f = (await call<FolderDto>('POST', '/api/folders', { name: 'Risk', parentId: null }))
      .json;
    const made = await call('POST', `/api/templates/slack-notify?folder=${f.id}`);
    expect(made.status).toBe(201);
    const list = (await call<RawConfig[]>('GET', '/api/connections')).json;
    expect(list.map((c) => [c.name, c.module])).toEqual([
      ['Okta', 'okta'],
      ['Slack', 'slack'],
    ]);
    // A second template reuses the workspace's "Okta" and "Slack" placeholders.
    await call('POST', `/api/templates/slack-notify?folder=${f.id}`);
    expect((await call<RawConfig[]>('GET', '/api/connections')).json).toHaveLength(2);
    const slack = list[1]!;
    const refused = await call<{ code: string; message: string }>(
      'DELETE',
      `/api/connections/${slack.id}`,
    );
    expect([refused.status, refused.json.code]).toEqual([409, 'CONN_E006']);
    expect(refused.json.message).toContain(
      '“Send Message to Channel” in “Risk Policy - Low (Notify)”',
    );
    const tree = (await call<TreeDto>('GET', '/api/workspace')).json;
    for (const fl of tree.flows) await call('DELETE', `/api/flows/${fl.id}`);
    expect((await call('DELETE', `/api/connections/${slack.id}`)).status).toBe(200);
    expect((await call<RawConfig[]>('GET', '/api/connections')).json.map((c) => c.name)).toEqual([
      'Okta',
    ]);
    expect((await call('DELETE', `/api/connections/${slack.id}`)).status).toBe(404);
  });
});
