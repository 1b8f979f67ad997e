import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { corpusFile, itCorpus } from '../../../tests/corpus.ts';
import { fixtureText } from '../../../tests/fixtures/flopacks.ts';
import type { TableDto } from '../../contract/api.ts';
import { canonicalFlopack } from '../../export/flopack/canonical.ts';
import { readFlopack } from '../../export/flopack/read.ts';
import type { ImportPlanReport } from '../../export/plan/plan.ts';
import { importPlan } from '../../export/plan/plan.ts';
import type { ImportDto, TreeDto } from '../dto.ts';
import { localTestApp } from '../../../tests/localTestApp.ts';

const { call, folder } = localTestApp();

/** A real Okta flopack's text, by name (corpus tests only). */
const corpusText = (name: string): string => readFileSync(corpusFile(name), 'utf8');

/** Uploads a flopack into a folder, as the Import dialog does (`name`: the file's name). */
const upload = <T = ImportDto>(text: string, folderId: string, name?: string) =>
  call<T>(
    'POST',
    `/api/import?folder=${folderId}${name === undefined ? '' : `&name=${name}`}`,
    undefined,
    text,
  );

describe('import and export', () => {
  it('imports a generated fixture with tables and a connection, and exports its folder losslessly', async () => {
    const target = await folder('Imported');
    const text = fixtureText('tables-connections');
    const r = await upload(text, target.id, 'x.flopack');
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
    await upload(fixtureText('tables-connections'), target.id);
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
    const r = await upload(text, target.id);
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
    const text = corpusText('remotely_lock_all_kandji_devices_based_on_security');
    const r = await upload(text, target.id, 'x.flopack');
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
    const text = corpusText('suspend_okta_account_ispm_remediation_flow');
    const r = (await upload(text, target.id)).json;
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
      const text = corpusText('suspend_okta_account_ispm_remediation_flow');
      const r = (await upload(text, target.id)).json;
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
    const text = corpusText('remotely_lock_all_kandji_devices_based_on_security');
    const target = await folder('T');
    const first = (await upload(text, target.id)).json;
    const second = (await upload(text, target.id)).json;
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
      const r = await upload<{ code: string; message: string }>(bad, target.id);
      expect(r.status).toBe(422);
      expect(r.json.code).toMatch(/^FLOPACK_E0/);
      expect(r.json.message.length).toBeGreaterThan(20);
    }
    expect((await call<TreeDto>('GET', '/api/workspace')).json).toEqual(before);
  });

  it('refuses an oversized upload with 413', async () => {
    const r = await upload('x'.repeat(26 * 1024 * 1024), 'any');
    expect(r.status).toBe(413);
  });

  itCorpus('exports a single flow with its helper flow and the whole workspace', async () => {
    const target = await folder('T');
    const imported = (await upload(corpusText('assign_temporary_group_memberships'), target.id))
      .json;
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
