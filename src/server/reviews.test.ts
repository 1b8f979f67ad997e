/** The review-before-release API in team mode: who may ask, decide and set rules, and exports. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { TEST_NOW, teamTestApp, type TeamTestApp, type Who } from './auth/teamTestApp.ts';
import type { Store } from './storage/store.ts';

const NOW = TEST_NOW;

let store: Store;
let signIn: TeamTestApp['signIn'];
let rawCall: TeamTestApp['call'];
const call = (method: string, url: string, who: Who, body?: unknown) =>
  rawCall(method, url, who, body);

beforeEach(() => {
  ({ store, signIn, call: rawCall } = teamTestApp());
});
afterEach(() => store.close());

/** Two editors, an admin and a viewer, and a saved flow (revision 2) in folder `top/sub`. */
async function setup() {
  const ann = await signIn('ann', 'editor');
  const bo = await signIn('bo', 'editor');
  const ada = await signIn('ada', 'admin');
  const vic = await signIn('vic', 'viewer');
  const top = await call('POST', '/api/folders', ann, { name: 'Risk', parentId: null });
  const sub = await call('POST', '/api/folders', ann, { name: 'High', parentId: top.json['id'] });
  const flow = await call('POST', '/api/flows', ann, { folderId: sub.json['id'], name: 'Notify' });
  const id = String(flow.json['id']);
  await call('PUT', `/api/flows/${id}`, ann, { baseRevision: 1, description: 'v2' });
  return { ann, bo, ada, vic, id, top: String(top.json['id']), sub: String(sub.json['id']) };
}

describe('review before release', () => {
  it('lets an editor ask for review of the latest version, and not of an older one', async () => {
    const { ann, id } = await setup();
    const old = await call('POST', `/api/flows/${id}/versions/1/review`, ann, {});
    expect(old).toMatchObject({ status: 409, json: { code: 'REVIEW_E409' } });
    const asked = await call('POST', `/api/flows/${id}/versions/2/review`, ann, {
      comment: 'First pass',
    });
    expect(asked).toMatchObject({
      status: 200,
      json: { state: 'requested', requestedBy: 'ann@example.com', requestComment: 'First pass' },
    });
    const twice = await call('POST', `/api/flows/${id}/versions/2/review`, ann, {});
    expect(twice).toMatchObject({ status: 409, json: { code: 'REVIEW_E409' } });
  });

  it('refuses the requester deciding (403) and a decision on a version not waiting (409)', async () => {
    const { ann, bo, id } = await setup();
    const early = await call('POST', `/api/flows/${id}/versions/2/decision`, bo, {
      decision: 'approve',
    });
    expect(early).toMatchObject({ status: 409, json: { code: 'REVIEW_E409' } });
    await call('POST', `/api/flows/${id}/versions/2/review`, ann, {});
    const own = await call('POST', `/api/flows/${id}/versions/2/decision`, ann, {
      decision: 'approve',
    });
    expect(own).toMatchObject({ status: 403, json: { code: 'REVIEW_E403' } });
    const bare = await call('POST', `/api/flows/${id}/versions/2/decision`, bo, {
      decision: 'request-changes',
    });
    expect(bare).toMatchObject({ status: 422, json: { code: 'REVIEW_E001' } });
    const sent = await call('POST', `/api/flows/${id}/versions/2/decision`, bo, {
      decision: 'request-changes',
      comment: 'Skip the Everyone group',
    });
    expect(sent.json).toMatchObject({
      state: 'changes-requested',
      decidedBy: 'bo@example.com',
      decisionComment: 'Skip the Everyone group',
    });
    const again = await call('POST', `/api/flows/${id}/versions/2/decision`, bo, {
      decision: 'approve',
    });
    expect(again).toMatchObject({ status: 409, json: { code: 'REVIEW_E409' } });
    const listed = await call('GET', `/api/flows/${id}/reviews`, bo);
    expect(listed.json).toMatchObject([{ revision: 2, state: 'changes-requested' }]);
  });

  it('refuses viewers every review write with 403, and lets them read', async () => {
    const { ann, vic, id, top } = await setup();
    await call('POST', `/api/flows/${id}/versions/2/review`, ann, {});
    for (const [method, url, body] of [
      ['POST', `/api/flows/${id}/versions/2/review`, {}],
      ['POST', `/api/flows/${id}/versions/2/decision`, { decision: 'approve' }],
      ['PUT', `/api/folders/${top}/review-rule`, { requireApproval: true, baseRevision: 0 }],
    ] as const) {
      const r = await call(method, url, vic, body);
      expect(r).toMatchObject({ status: 403, json: { code: 'AUTH_E403' } });
    }
    expect((await call('GET', `/api/flows/${id}/reviews`, vic)).status).toBe(200);
    expect((await call('GET', '/api/review-rules', vic)).json).toEqual({
      enabled: true,
      rules: [],
    });
  });

  it('lets only admins set a folder rule, refusing a stale one with 409', async () => {
    const { ann, ada, top } = await setup();
    const editor = await call('PUT', `/api/folders/${top}/review-rule`, ann, {
      requireApproval: true,
      baseRevision: 0,
    });
    expect(editor).toMatchObject({ status: 403, json: { code: 'AUTH_E403' } });
    const on = await call('PUT', `/api/folders/${top}/review-rule`, ada, {
      requireApproval: true,
      baseRevision: 0,
    });
    expect(on.json).toMatchObject({
      rules: [{ folderId: top, requireApproval: true, revision: 1 }],
    });
    const stale = await call('PUT', `/api/folders/${top}/review-rule`, ada, {
      requireApproval: false,
      baseRevision: 0,
    });
    expect(stale).toMatchObject({ status: 409, json: { code: 'RULE_E409', revision: 1 } });
    const missing = await call('PUT', '/api/folders/nope/review-rule', ada, {
      requireApproval: true,
      baseRevision: 0,
    });
    expect(missing).toMatchObject({ status: 404, json: { code: 'FOLDER_E001' } });
  });

  it('refuses every export path under the rule until the latest version is approved', async () => {
    const { ann, bo, ada, vic, id, top, sub } = await setup();
    const paths = [
      `/api/export?flow=${id}`,
      `/api/export?flow=${id}&format=canonical`,
      `/api/export?folder=${top}`,
      `/api/export?folder=${sub}&subfolders=false`,
      '/api/export',
    ];
    for (const p of paths) expect((await call('GET', p, vic)).status).toBe(200);
    await call('PUT', `/api/folders/${top}/review-rule`, ada, {
      requireApproval: true,
      baseRevision: 0,
    });
    for (const p of paths)
      expect(await call('GET', p, vic)).toMatchObject({
        status: 409,
        json: { code: 'REVIEW_E010', blocked: [{ flowId: id, ruleFolderId: top }] },
      });
    expect((await call('GET', `/api/export/plan?flow=${id}`, vic)).status).toBe(200);
    expect((await call('GET', `/api/export/approval?folder=${sub}`, vic)).json).toMatchObject({
      blocked: [{ flowId: id, name: 'Notify', reason: 'version 2 has not been reviewed' }],
    });
    await call('POST', `/api/flows/${id}/versions/2/review`, ann, {});
    await call('POST', `/api/flows/${id}/versions/2/decision`, bo, { decision: 'approve' });
    for (const p of paths) expect((await call('GET', p, vic)).status).toBe(200);
    expect((await call('GET', '/api/export/approval', vic)).json).toEqual({ blocked: [] });
    // A new save is a new version: not approved until reviewed again.
    await call('PUT', `/api/flows/${id}`, ann, { baseRevision: 2, description: 'v3' });
    expect(await call('GET', `/api/export?flow=${id}`, vic)).toMatchObject({
      status: 409,
      json: { code: 'REVIEW_E010' },
    });
  });

  it('records every review event and rule change in the audit trail', async () => {
    const { ann, bo, ada, id, top } = await setup();
    await call('POST', `/api/flows/${id}/versions/2/review`, ann, { comment: 'look' });
    await call('POST', `/api/flows/${id}/versions/2/decision`, bo, {
      decision: 'request-changes',
      comment: 'fix it',
    });
    await call('PUT', `/api/flows/${id}`, ann, { baseRevision: 2, description: 'v3' });
    await call('POST', `/api/flows/${id}/versions/3/review`, ann, {});
    await call('POST', `/api/flows/${id}/versions/3/decision`, bo, { decision: 'approve' });
    await call('PUT', `/api/folders/${top}/review-rule`, ada, {
      requireApproval: true,
      baseRevision: 0,
    });
    const trail = await store.transaction((tx) => tx.audit({ action: 'review.', limit: 20 }));
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ['review.rule', 'ada@example.com'],
      ['review.approve', 'bo@example.com'],
      ['review.request', 'ann@example.com'],
      ['review.changes', 'bo@example.com'],
      ['review.request', 'ann@example.com'],
    ]);
    expect(trail[3]?.detail).toContain('fix it');
  });

  it('tells other studios about each review change', async () => {
    const { ann, id } = await setup();
    const heard: string[] = [];
    const off = store.subscribe((n) => heard.push(`${n.kind}:${n.flowIds.join(',')}`));
    await call('POST', `/api/flows/${id}/versions/2/review`, ann, {});
    off();
    expect(heard).toEqual([`flow.reviewed:${id}`]);
  });
});

describe('review in local mode', () => {
  it('is not offered: review writes are refused with a code and rules are not enforced', async () => {
    const local = createApp({ store, clock: () => NOW });
    const folder = await local.request('/api/folders', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Risk', parentId: null }),
    });
    const { id: folderId } = (await folder.json()) as { id: string };
    const rule = await local.request(`/api/folders/${folderId}/review-rule`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requireApproval: true, baseRevision: 0 }),
    });
    expect(rule.status).toBe(409);
    expect(await rule.json()).toMatchObject({ code: 'REVIEW_E030' });
    expect(await (await local.request('/api/review-rules')).json()).toEqual({
      enabled: false,
      rules: [],
    });
  });
});
