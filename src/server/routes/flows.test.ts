import { describe, expect, it } from 'vitest';
import type { FlowDto, TreeDto, VersionDto } from '../dto.ts';
import { localTestApp } from '../../../tests/localTestApp.ts';
import type { VersionHeader } from '../storage/store.ts';

const { call, folder } = localTestApp();

describe('flows API', () => {
  it('creates "Unnamed" flows, saves properties as new revisions with versions', async () => {
    const f = await folder('Entity Risk');
    const a = (await call<FlowDto>('POST', '/api/flows', { folderId: f.id })).json;
    const b = (await call<FlowDto>('POST', '/api/flows', { folderId: f.id })).json;
    expect([a.name, b.name]).toEqual(['Unnamed', 'Unnamed (2)']);
    expect(a).toMatchObject({ revision: 1, active: false, saveAllData: false, kind: 'none' });
    const saved = await call<FlowDto>('PUT', `/api/flows/${a.id}`, {
      baseRevision: 1,
      name: 'Risk Policy - Low (Notify)',
      description: 'Posts to Slack',
      active: true,
      saveAllData: true,
    });
    expect(saved.json).toMatchObject({
      revision: 2,
      name: 'Risk Policy - Low (Notify)',
      active: true,
      saveAllData: true,
    });
    expect(saved.json.content.log).toBe(true);
    const versions = (await call<VersionHeader[]>('GET', `/api/flows/${a.id}/versions`)).json;
    expect(versions.map((v) => v.revision)).toEqual([2, 1]);
    expect(versions[0]?.summary).toBe(
      'Renamed to "Risk Policy - Low (Notify)"; Description changed; Turned ON; Data saving on',
    );
  });

  it('refuses a duplicate name in the folder with 422 and a stale revision with 409', async () => {
    const f = await folder('F');
    const a = (await call<FlowDto>('POST', '/api/flows', { folderId: f.id, name: 'One' })).json;
    await call('POST', '/api/flows', { folderId: f.id, name: 'Two' });
    const dup = await call<{ code: string }>('PUT', `/api/flows/${a.id}`, {
      baseRevision: 1,
      name: 'two',
    });
    expect([dup.status, dup.json.code]).toEqual([422, 'FLOW_E002']);
    await call('PUT', `/api/flows/${a.id}`, { baseRevision: 1, description: 'first' });
    const stale = await call<{ code: string; revision: number; message: string }>(
      'PUT',
      `/api/flows/${a.id}`,
      { baseRevision: 1, description: 'second' },
    );
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ code: 'FLOW_E409', revision: 2 });
    expect(stale.json.message).toContain('reload it, or overwrite');
    expect((await call<FlowDto>('GET', `/api/flows/${a.id}`)).json.description).toBe('first');
  });

  it('validates content and refuses a broken sequence, leaving the flow unchanged', async () => {
    const f = await folder('F');
    const a = (await call<FlowDto>('POST', '/api/flows', { folderId: f.id })).json;
    const broken = { ...a.content, orderings: { x: ['ghost1', 'ghost2'] } };
    const r = await call<{ code: string }>('PUT', `/api/flows/${a.id}`, {
      baseRevision: 1,
      content: broken,
    });
    expect(r.status).toBe(422);
    expect(r.json.code).toBe('FLOPACK_E010');
    expect((await call<FlowDto>('GET', `/api/flows/${a.id}`)).json.revision).toBe(1);
  });

  it('turns a flow ON and OFF at once, with no new version and the same revision', async () => {
    const f = await folder('F');
    const a = (await call<FlowDto>('POST', '/api/flows', { folderId: f.id, name: 'Risk' })).json;
    const on = await call<FlowDto>('PUT', `/api/flows/${a.id}/active`, { active: true });
    expect(on.status).toBe(200);
    expect(on.json).toMatchObject({ active: true, revision: 1 });
    const tree = (await call<TreeDto>('GET', '/api/workspace')).json;
    expect(tree.flows.find((x) => x.id === a.id)?.active).toBe(true);
    const versions = (await call<VersionHeader[]>('GET', `/api/flows/${a.id}/versions`)).json;
    expect(versions.map((v) => v.revision)).toEqual([1]);
    // A draft opened before the switch still saves: its base revision did not move.
    const saved = await call<FlowDto>('PUT', `/api/flows/${a.id}`, {
      baseRevision: 1,
      description: 'x',
    });
    expect(saved.json).toMatchObject({ revision: 2, active: true });
    const bad = await call<{ code: string }>('PUT', `/api/flows/${a.id}/active`, { active: 'yes' });
    expect(bad.status).toBe(400);
    expect((await call<FlowDto>('GET', `/api/flows/${a.id}`)).json.active).toBe(true);
  });

  it('restores a version as a new revision', async () => {
    const f = await folder('F');
    const a = (await call<FlowDto>('POST', '/api/flows', { folderId: f.id, name: 'Original' }))
      .json;
    await call('PUT', `/api/flows/${a.id}`, { baseRevision: 1, name: 'Changed' });
    const v1 = (await call<VersionDto>('GET', `/api/flows/${a.id}/versions/1`)).json;
    expect(v1.flow.name).toBe('Original');
    const restored = (
      await call<FlowDto>('POST', `/api/flows/${a.id}/versions/1/restore`, { baseRevision: 2 })
    ).json;
    expect(restored).toMatchObject({ name: 'Original', revision: 3 });
    const versions = (await call<VersionHeader[]>('GET', `/api/flows/${a.id}/versions`)).json;
    expect(versions[0]?.summary).toBe('Restored version 1');
  });
});
