import { canonicalFlopack } from '../export/flopack/canonical.ts';
import { readFlopack } from '../export/flopack/read.ts';
import type { ImportPlanReport } from '../export/plan/plan.ts';
import { importPlan } from '../export/plan/plan.ts';
import type { RiskPolicyDto, TableDto } from '../contract/api.ts';
import { parseRiskPolicy } from '../contract/riskPolicy.ts';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusFile, itCorpus } from '../../tests/corpus.ts';
import { fixtureText } from '../../tests/fixtures/flopacks.ts';
import type { Hono } from 'hono';
import { createApp } from './app.ts';
import type { FlowDto, FolderDto, ImportDto, TreeDto, VersionDto } from './dto.ts';
import { openSqliteStore } from './storage/sqlite.ts';
import type { Store } from './storage/store.ts';
import type { VersionHeader } from './storage/store.ts';

let dir: string;
let store: Store;
let app: Hono;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'flopack-api-'));
  store = openSqliteStore(path.join(dir, 'studio.sqlite'));
  app = createApp({ store });
});
afterEach(() => store.close());

async function call<T>(
  method: string,
  url: string,
  body?: unknown,
  raw?: string,
): Promise<{ status: number; json: T; text: string; headers: Headers }> {
  const init: RequestInit = { method };
  if (method !== 'GET') init.headers = { 'content-type': 'application/json' };
  if (raw !== undefined) init.body = raw;
  else if (body !== undefined) init.body = JSON.stringify(body);
  const res = await app.request(url, init);
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json: json as T, text, headers: res.headers };
}
const folder = async (name: string, parentId: string | null = null): Promise<FolderDto> =>
  (await call<FolderDto>('POST', '/api/folders', { name, parentId })).json;
const flopack = (name: string): string => readFileSync(corpusFile(name), 'utf8');

describe('folders API', () => {
  it('creates folders and subfolders and lists them', async () => {
    const top = await folder('Entity Risk');
    const sub = await folder('Low', top.id);
    const tree = (await call<TreeDto>('GET', '/api/workspace')).json;
    expect(tree.folders.map((f) => [f.name, f.parentId])).toEqual([
      ['Entity Risk', null],
      ['Low', top.id],
    ]);
    expect(sub.parentId).toBe(top.id);
  });

  it('enforces the depth limit with a coded 422', async () => {
    let parent: string | null = null;
    for (let i = 1; i <= 5; i++) parent = (await folder(`L${i}`, parent)).id;
    const r = await call<{ code: string; message: string }>('POST', '/api/folders', {
      name: 'L6',
      parentId: parent,
    });
    expect(r.status).toBe(422);
    expect(r.json.code).toBe('FOLDER_E002');
  });

  it('renames, moves and refuses to delete a non-empty folder unless asked', async () => {
    const a = await folder('A');
    const b = await folder('B');
    expect(
      (await call<FolderDto>('PATCH', `/api/folders/${b.id}`, { name: 'B2', parentId: a.id })).json,
    ).toMatchObject({ name: 'B2', parentId: a.id });
    const refused = await call<{ code: string }>('DELETE', `/api/folders/${a.id}`);
    expect(refused.status).toBe(422);
    expect(refused.json.code).toBe('FOLDER_E005');
    await call('POST', '/api/flows', { folderId: b.id });
    expect((await call('DELETE', `/api/folders/${a.id}?recursive=true`)).json).toEqual({
      folders: 2,
      flows: 1,
    });
    expect((await call<TreeDto>('GET', '/api/workspace')).json).toEqual({ folders: [], flows: [] });
  });

  it('answers unknown ids with 404 and bad bodies with 400', async () => {
    expect((await call('PATCH', '/api/folders/nope', { name: 'x' })).status).toBe(404);
    expect((await call('POST', '/api/folders', undefined, '{not json')).status).toBe(400);
    expect((await call('POST', '/api/folders', { name: 42 })).status).toBe(400);
    expect((await call('GET', '/api/nowhere')).status).toBe(404);
  });
});

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

describe('risk policy API', () => {
  it('saves rules, warns about their flows, and downloads the document flopack terraform reads', async () => {
    const top = await folder('Entity Risk');
    const flow = (
      await call<FlowDto>('POST', '/api/flows', { folderId: top.id, name: 'Not delegated' })
    ).json;
    const rules = [{ name: 'High', riskLevel: 'HIGH', flow: flow.id, terminateAllSessions: true }];
    const bad = await call('PUT', '/api/risk-policy', {
      baseRevision: 0,
      policy: { policyId: 'rst1', rules: [{ ...rules[0], riskLevel: 'SEVERE' }] },
    });
    expect(bad.status).toBe(400);
    expect((await call<RiskPolicyDto>('GET', '/api/risk-policy')).json.revision).toBe(0);
    const saved = await call<RiskPolicyDto>('PUT', '/api/risk-policy', {
      baseRevision: 0,
      policy: { policyId: 'rst1', rules },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json.warnings.map((w) => w.code)).toEqual(['POLICY_W002', 'POLICY_W003']);
    const stale = await call('PUT', '/api/risk-policy', {
      baseRevision: 0,
      policy: { policyId: 'rst1', rules: [] },
    });
    expect(stale.status).toBe(409);
    const file = await call('GET', '/api/risk-policy.json');
    expect(file.headers.get('content-disposition')).toContain('risk-policy.json');
    expect(parseRiskPolicy(JSON.parse(file.text))).toEqual({
      ok: true,
      value: { policyId: 'rst1', rules: [{ ...rules[0], flow: 'Not delegated' }] },
    });
  });
});

describe('import and export', () => {
  it('imports a generated fixture with tables and a connection, and exports its folder losslessly', async () => {
    const target = await folder('Imported');
    const text = fixtureText('tables-connections');
    const r = await call<ImportDto>(
      'POST',
      `/api/import?folder=${target.id}&name=x.flopack`,
      undefined,
      text,
    );
    expect(r.status).toBe(201);
    const root = r.json.folderIds[0] as string;
    const exported = await call('GET', `/api/export?folder=${root}`);
    expect(exported.status, exported.text.slice(0, 300)).toBe(200);
    const back = JSON.parse(exported.text) as { data: unknown };
    expect(back.data).toEqual((JSON.parse(text) as { data: unknown }).data);
  });

  it('lists the workspace’s tables by id and name, with their columns, for the client to show names', async () => {
    expect((await call<TableDto[]>('GET', '/api/tables')).json).toEqual([]);
    const target = await folder('Tabled');
    await call(
      'POST',
      `/api/import?folder=${target.id}`,
      undefined,
      fixtureText('tables-connections'),
    );
    const r = await call<TableDto[]>('GET', '/api/tables');
    expect(r.status).toBe(200);
    expect(r.json).toEqual([
      {
        id: '1e2b023e-c1da-4c1a-bcbb-a1c4b70aff5b',
        name: 'At-risk users',
        columns: [
          { name: 'User ID', type: 'str' },
          { name: 'Seen', type: 'dte' },
        ],
      },
    ]);
  });

  it('plans an export with the same list as `flopack plan` of the exported file', async () => {
    const target = await folder('Planned');
    const text = fixtureText('tables-connections');
    const r = await call<ImportDto>('POST', `/api/import?folder=${target.id}`, undefined, text);
    const root = r.json.folderIds[0] as string;
    const plan = await call<ImportPlanReport>('GET', `/api/export/plan?folder=${root}`);
    expect(plan.status, plan.text.slice(0, 300)).toBe(200);
    const exported = readFlopack((await call('GET', `/api/export?folder=${root}`)).text);
    if (!exported.ok) throw new Error(exported.problems[0]?.message);
    expect(plan.json).toEqual(importPlan(exported.value));
    expect(plan.json.connections.length).toBeGreaterThan(0);
    expect(plan.json.tables.length).toBeGreaterThan(0);
    const one = await call<ImportPlanReport>('GET', `/api/export/plan?flow=${r.json.flowIds[0]}`);
    expect(one.json.flows.map((f) => f.id)).toContain(r.json.flowIds[0]);
    const missing = await call('GET', '/api/export/plan?flow=nope');
    expect(missing.status).toBe(404);
  });

  itCorpus('imports a real flopack into a folder and exports its folder losslessly', async () => {
    const target = await folder('Imported');
    const text = flopack('remotely_lock_all_kandji_devices_based_on_security');
    const r = await call<ImportDto>(
      'POST',
      `/api/import?folder=${target.id}&name=x.flopack`,
      undefined,
      text,
    );
    expect(r.status).toBe(201);
    expect(r.json.report.renamed).toEqual([]);
    const root = r.json.folderIds[0] as string;
    const exported = await call('GET', `/api/export?folder=${root}`);
    expect(exported.status, exported.text.slice(0, 300)).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('.folder');
    const original = JSON.parse(text) as { data: unknown };
    const back = JSON.parse(exported.text) as { data: unknown; version: string };
    expect(back.data).toEqual(original.data);
    expect(back.version).toBe('1.5.0');
    const tree = (await call<TreeDto>('GET', '/api/workspace')).json;
    expect(tree.flows.every((f) => !f.active)).toBe(true);
    expect(tree.flows.some((f) => f.kind === 'delegated')).toBe(true);
  });

  itCorpus('exports in the canonical `flopack fmt` form when asked', async () => {
    const target = await folder('Canonical');
    const text = flopack('suspend_okta_account_ispm_remediation_flow');
    const r = (await call<ImportDto>('POST', `/api/import?folder=${target.id}`, undefined, text))
      .json;
    const plain = await call('GET', `/api/export?flow=${r.flowIds[0]}`);
    const canonical = await call('GET', `/api/export?flow=${r.flowIds[0]}&format=canonical`);
    expect(plain.text.includes('\n')).toBe(false);
    const created = (t: string): string => (JSON.parse(t) as { created: string }).created;
    expect(canonical.text).toBe(
      canonicalFlopack({ ...JSON.parse(plain.text), created: created(canonical.text) }),
    );
    expect(canonical.text.startsWith('{\n  "type": "flopack",')).toBe(true);
  });

  itCorpus(
    'imports a single-flow export into the chosen folder and exports it as a .flow',
    async () => {
      const target = await folder('Single');
      const text = flopack('suspend_okta_account_ispm_remediation_flow');
      const r = (await call<ImportDto>('POST', `/api/import?folder=${target.id}`, undefined, text))
        .json;
      expect(r.folderIds).toEqual([]);
      const exported = await call('GET', `/api/export?flow=${r.flowIds[0]}`);
      expect(exported.headers.get('content-disposition')).toContain('.flow');
      type Pack = { data: { flos: Record<string, { data: { group: string } }>; groups: object } };
      const original = JSON.parse(text) as Pack;
      const back = JSON.parse(exported.text) as Pack;
      const id = r.flowIds[0] as string;
      expect(back.data.flos[id]?.data.group).toBe(target.id);
      expect({ ...back.data.flos[id]?.data, group: null }).toEqual({
        ...original.data.flos[id]?.data,
        group: null,
      });
      expect(back.data.groups).toEqual({});
    },
  );

  itCorpus('imports the same file twice without overwriting: suffixed names, new ids', async () => {
    const text = flopack('remotely_lock_all_kandji_devices_based_on_security');
    const target = await folder('T');
    const first = (
      await call<ImportDto>('POST', `/api/import?folder=${target.id}`, undefined, text)
    ).json;
    const second = (
      await call<ImportDto>('POST', `/api/import?folder=${target.id}`, undefined, text)
    ).json;
    expect(second.report.renamed).toEqual([
      {
        kind: 'folder',
        from: 'Remotely Lock All Kandji Devices Based on Security Events',
        to: 'Remotely Lock All Kandji Devices Based on Security Events (2)',
      },
    ]);
    expect(second.report.reidentified).toBeGreaterThan(0);
    expect(second.flowIds.some((id) => first.flowIds.includes(id))).toBe(false);
    const exported = JSON.parse(
      (await call('GET', `/api/export?folder=${second.folderIds[0]}`)).text,
    ) as {
      data: {
        flos: Record<
          string,
          {
            data: {
              methods: {
                node: {
                  model: {
                    inputs: { data: Record<string, { value: { type: unknown; data: unknown } }> };
                  };
                };
              }[];
            };
          }
        >;
      };
    };
    const flowRefs = Object.values(exported.data.flos).flatMap((f) =>
      f.data.methods.flatMap((m) =>
        Object.values(m.node.model.inputs.data).filter(
          (i) => i.value.type === 'flo' && typeof i.value.data === 'string',
        ),
      ),
    );
    for (const ref of flowRefs) expect(Object.keys(exported.data.flos)).toContain(ref.value.data);
  });

  it('refuses a malformed upload with a coded error and changes nothing', async () => {
    const target = await folder('T');
    const before = (await call<TreeDto>('GET', '/api/workspace')).json;
    for (const bad of [
      '{"type":"flopack"',
      'null',
      '{"type":"flopack","version":"1.5.0","created":"x","flags":{},"data":{"flos":{"a":{"id":"a","name":"x","description":"","data":{"uuid":"a","methods":[],"orderings":{"e":["p","q"]}}}}}}',
    ]) {
      const r = await call<{ code: string; message: string }>(
        'POST',
        `/api/import?folder=${target.id}`,
        undefined,
        bad,
      );
      expect(r.status).toBe(422);
      expect(r.json.code).toMatch(/^FLOPACK_E0/);
      expect(r.json.message.length).toBeGreaterThan(20);
    }
    expect((await call<TreeDto>('GET', '/api/workspace')).json).toEqual(before);
  });

  it('refuses an oversized upload with 413', async () => {
    const r = await call<{ code: string }>(
      'POST',
      '/api/import?folder=any',
      undefined,
      'x'.repeat(26 * 1024 * 1024),
    );
    expect(r.status).toBe(413);
  });

  itCorpus('exports a single flow with its helper flow and the whole workspace', async () => {
    const target = await folder('T');
    const imported = (
      await call<ImportDto>(
        'POST',
        `/api/import?folder=${target.id}`,
        undefined,
        flopack('assign_temporary_group_memberships'),
      )
    ).json;
    const tree = (await call<TreeDto>('GET', '/api/workspace')).json;
    const scan = tree.flows.find((f) => f.name === 'Scan users for removal');
    const one = JSON.parse((await call('GET', `/api/export?flow=${scan?.id}`)).text) as {
      data: { flos: Record<string, { name: string }>; groups: object };
    };
    expect(
      Object.values(one.data.flos)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['SUB - Remove User from Group', 'Scan users for removal']);
    expect(one.data.groups).toEqual({});
    const all = JSON.parse((await call('GET', '/api/export')).text) as {
      data: { flos: object; tables: object };
    };
    expect(Object.keys(all.data.flos)).toHaveLength(imported.flowIds.length);
    expect(Object.keys(all.data.tables)).toHaveLength(2);
  });
});

describe('templates', () => {
  it('lists the three remediation templates and creates one in a folder, helper flow included', async () => {
    const list = (await call<{ id: string }[]>('GET', '/api/templates')).json;
    expect(list.map((t) => t.id)).toEqual(['slack-notify', 'clear-sessions', 'quarantine']);
    const f = await folder('Entity Risk');
    const made = await call<ImportDto>('POST', `/api/templates/quarantine?folder=${f.id}`);
    expect(made.status).toBe(201);
    const tree = (await call<TreeDto>('GET', '/api/workspace')).json;
    expect(tree.flows.map((x) => [x.name, x.kind, x.folderId])).toEqual([
      ['Risk Policy - High (Quarantine)', 'delegated', f.id],
      ['Remove user from group', 'helper', f.id],
    ]);
    const again = (await call<ImportDto>('POST', `/api/templates/quarantine?folder=${f.id}`)).json;
    expect(again.report.renamed.map((r) => r.to)).toEqual([
      'Risk Policy - High (Quarantine) (2)',
      'Remove user from group (2)',
    ]);
    const exported = await call('GET', `/api/export?folder=${f.id}`);
    expect(exported.status).toBe(200);
  });

  it('refuses an unknown template and a missing folder', async () => {
    const f = await folder('F');
    expect((await call('POST', `/api/templates/nope?folder=${f.id}`)).status).toBe(404);
    expect((await call('POST', '/api/templates/slack-notify')).status).toBe(400);
  });
});

describe('persistence', () => {
  it('keeps everything in the SQLite file across a reopen', async () => {
    const f = await folder('Persisted');
    await call('POST', '/api/flows', { folderId: f.id, name: 'Kept' });
    await store.close();
    store = openSqliteStore(path.join(dir, 'studio.sqlite'));
    app = createApp({ store });
    const tree = (await call<TreeDto>('GET', '/api/workspace')).json;
    expect(tree.flows.map((x) => x.name)).toEqual(['Kept']);
  });
});
