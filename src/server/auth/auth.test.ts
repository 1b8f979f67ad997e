import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../app.ts';
import type { Store } from '../storage/store.ts';
import { TEST_AUTH, teamTestApp, type TeamTestApp } from './teamTestApp.ts';
import { isLoopback, readAuthSettings, startupProblem } from './config.ts';

const SETTINGS = TEST_AUTH;

let store: Store;
let app: Hono;
let signIn: TeamTestApp['signIn'];
let call: TeamTestApp['call'];

beforeEach(() => {
  ({ store, app, signIn, call } = teamTestApp());
});
afterEach(() => store.close());

describe('sign-in and roles', () => {
  it('refuses the API without a session (401) but says how to sign in on /api/me', async () => {
    expect((await call('GET', '/api/workspace')).json).toMatchObject({ code: 'AUTH_E401' });
    expect((await call('GET', '/api/workspace')).status).toBe(401);
    expect((await call('GET', '/api/me')).json).toEqual({
      mode: 'oidc',
      user: null,
      loginUrl: '/auth/login',
    });
    expect((await call('GET', '/api/health')).status).toBe(200);
  });

  it("refuses a viewer's save with 403 and a coded message, and lets an editor save", async () => {
    const editor = await signIn('erin', 'editor');
    const viewer = await signIn('vic', 'viewer');
    const folder = await call('POST', '/api/folders', editor, { name: 'Risk', parentId: null });
    expect(folder.status).toBe(201);
    const flow = await call('POST', '/api/flows', editor, { folderId: folder.json['id'] });
    const id = String(flow.json['id']);
    const refused = await call('PUT', `/api/flows/${id}`, viewer, { baseRevision: 1, name: 'X' });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: 'AUTH_E403', role: 'viewer', needed: 'editor' });
    expect((await call('GET', `/api/flows/${id}`, viewer)).json['name']).toBe('Unnamed');
    expect((await call('GET', `/api/flows/${id}/versions`, viewer)).status).toBe(200);
    expect((await call('POST', '/api/import', viewer, {})).status).toBe(403);
    expect((await call('DELETE', `/api/folders/${String(folder.json['id'])}`, editor)).status).toBe(
      403,
    );
    const saved = await call('PUT', `/api/flows/${id}`, editor, { baseRevision: 1, name: 'Y' });
    expect(saved.status).toBe(200);
    const versions = await call('GET', `/api/flows/${id}/versions`, viewer);
    expect((versions.json as unknown as { author: string }[])[0]?.author).toBe('erin@example.com');
  });

  it('lets only admins see members and change roles, recording the change, never leaving no admin', async () => {
    const admin = await signIn('ada', 'admin');
    const editor = await signIn('erin', 'editor');
    expect((await call('GET', '/api/members', editor)).status).toBe(403);
    expect((await call('PUT', '/api/members/erin', editor, { role: 'admin' })).status).toBe(403);
    const changed = await call('PUT', '/api/members/erin', admin, { role: 'viewer' });
    expect(changed.json).toMatchObject({ userId: 'erin', role: 'viewer' });
    expect((await call('PUT', '/api/members/erin', admin, { role: 'owner' })).status).toBe(400);
    const last = await call('PUT', '/api/members/ada', admin, { role: 'editor' });
    expect(last.json).toMatchObject({ code: 'MEMBER_E002' });
    const audit = await app.request('/api/audit?action=role', { headers: editor });
    expect(await audit.json()).toMatchObject([
      {
        actor: 'ada@example.com',
        action: 'role.change',
        detail: 'erin@example.com: editor → viewer',
      },
    ]);
    const bad = await call('GET', '/api/audit?since=yesterday-ish', editor);
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ code: 'AUDIT_E003' });
    const later = await app.request('/api/audit?since=2026-06-01T12:00:01Z', { headers: editor });
    expect(await later.json()).toEqual([]);
    const lines = await (await app.request('/api/audit.jsonl', { headers: editor })).text();
    expect(
      lines
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { action: string }).action),
    ).toEqual(['role.change']);
  });

  it('treats an expired session as signed out', async () => {
    const old = await signIn('old', 'admin', '2026-06-01T11:59:59.000Z');
    expect((await call('GET', '/api/workspace', old)).status).toBe(401);
    expect((await call('GET', '/api/me', old)).json['user']).toBeNull();
  });

  it('ends the session on sign-out and records it', async () => {
    const ada = await signIn('ada', 'admin');
    const out = await app.request('/auth/logout', { method: 'POST', headers: ada });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/flopack_session=;/);
    expect((await call('GET', '/api/workspace', ada)).status).toBe(401);
    const trail = await store.transaction((tx) => tx.audit({ action: 'sign-out', limit: 5 }));
    expect(trail.map((e) => e.actor)).toEqual(['ada@example.com']);
  });
});

describe('local mode', () => {
  it('needs no sign-in and acts as the local admin', async () => {
    const local = createApp({ store });
    expect((await local.request('/api/workspace')).status).toBe(200);
    expect(await (await local.request('/api/me')).json()).toMatchObject({
      mode: 'local',
      user: { role: 'admin' },
    });
  });

  it('is only allowed on a loopback address', () => {
    const none = readAuthSettings({});
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(startupProblem('127.0.0.1', none)).toBeNull();
    expect(startupProblem('0.0.0.0', none)).toMatch(/^AUTH_E001: HOST=0\.0\.0\.0/);
    expect(startupProblem('0.0.0.0', { ...none, oidc: SETTINGS.oidc })).toBeNull();
    expect(() => readAuthSettings({ OIDC_ISSUER: 'https://x' })).toThrow(/AUTH_E010/);
  });
});
