import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawConfig } from '../model/raw.ts';
import { createApp } from './app.ts';
import type { FlowDto, FolderDto, TreeDto } from './dto.ts';
import type { VersionHeader } from './storage/store.ts';
import type { FlowUse } from '../model/connections.ts';
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

  it('lists, per connection, the saved flows that use it and how many cards in each', async () => {
    const f = (await call<FolderDto>('POST', '/api/folders', { name: 'Risk', parentId: null }))
      .json;
    await call('POST', `/api/templates/slack-notify?folder=${f.id}`);
    const [okta, slack] = (await call<RawConfig[]>('GET', '/api/connections')).json;
    const tree = (await call<TreeDto>('GET', '/api/workspace')).json;
    const usage = (await call<Record<string, FlowUse[]>>('GET', '/api/connections/usage')).json;
    expect(usage[slack!.id]).toEqual([
      { flowId: tree.flows[0]!.id, flowName: 'Risk Policy - Low (Notify)', cards: 1 },
    ]);
    expect(usage[okta!.id]?.map((u) => u.flowName)).toEqual(['Risk Policy - Low (Notify)']);
  });

  it('removes a used connection from its cards only when asked, saving each flow as a new version', async () => {
    const f = (await call<FolderDto>('POST', '/api/folders', { name: 'Risk', parentId: null }))
      .json;
    await call('POST', `/api/templates/slack-notify?folder=${f.id}`);
    const slack = (await call<RawConfig[]>('GET', '/api/connections')).json[1]!;
    const flow = (await call<TreeDto>('GET', '/api/workspace')).json.flows[0]!;
    const before = (await call<FlowDto>('GET', `/api/flows/${flow.id}`)).json;

    const hostile = await call<{ code: string }>(
      'DELETE',
      `/api/connections/${slack.id}?detach=yes`,
    );
    expect([hostile.status, hostile.json.code]).toEqual([400, 'CONN_E009']);
    expect((await call('DELETE', `/api/connections/${slack.id}?detach=false`)).status).toBe(409);
    expect((await call<FlowDto>('GET', `/api/flows/${flow.id}`)).json.revision).toBe(
      before.revision,
    );

    const done = await call<{ deleted: string; detached: string[] }>(
      'DELETE',
      `/api/connections/${slack.id}?detach=true`,
    );
    expect(done.status).toBe(200);
    expect(done.json).toEqual({ deleted: slack.id, detached: [flow.id] });
    const after = (await call<FlowDto>('GET', `/api/flows/${flow.id}`)).json;
    expect(after.revision).toBe(before.revision + 1);
    expect(after.content.methods.map((m) => m.node.model.config)).not.toContain(slack.id);
    // Only the one card's config changed: every other card is as it was.
    const configs = (d: FlowDto) => d.content.methods.map((m) => m.node.model.config);
    expect(configs(after)).toEqual(configs(before).map((c) => (c === slack.id ? null : c)));
    const versions = (await call<VersionHeader[]>('GET', `/api/flows/${flow.id}/versions`)).json;
    expect(versions.map((v) => v.summary)).toContain('Removed connection “Slack” from 1 card');
    expect((await call<RawConfig[]>('GET', '/api/connections')).json.map((c) => c.name)).toEqual([
      'Okta',
    ]);
  });
});
