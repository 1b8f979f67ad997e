import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, flowProblems, makeWorkspace, titles } from '../../tests/builders.ts';
import { readFileSync } from 'node:fs';
import { validateFile } from '../../tests/validate.ts';
import { corpusFiles, itCorpus } from '../../tests/corpus.ts';
import { readFlopack } from '../export/flopack/read.ts';
import type { RawMethod } from './raw.ts';
import { forEachScope } from './scope.ts';
import { schemaProblems } from '../export/flopack/schema.ts';
import { writeFlopack } from '../export/flopack/write.ts';
import { unwrap } from './errors.ts';
import { flowKind } from './flows.ts';
import { seededIds } from './ids.ts';
import { planImport } from './importPack.ts';
import { mappingsOf } from './mapping.ts';
import { inlineFlows } from './scope.ts';
import type { RawFloData } from './raw.ts';
import type { TemplateOptions } from './templates.ts';
import { buildTemplate, TEMPLATES } from './templates.ts';
import type { Workspace } from './workspace.ts';

const OPTIONS: TemplateOptions = {
  slackChannel: 'C0SECURITY',
  adminEmails: 'soc@example.org',
  atRiskGroupId: '00g5atriskusers',
};

/** A template placed in the "Entity Risk" folder, as the studio creates it. */
function placed(id: string, opts: TemplateOptions = OPTIONS): Workspace {
  const { ws, folderId } = makeWorkspace();
  return unwrap(planImport(ws, unwrap(buildTemplate(catalog, id, seededIds(8), opts)), folderId))
    .workspace;
}
const byName = (ws: Workspace, name: string): RawFloData => {
  const f = Object.values(ws.flows).find((x) => x.name === name);
  if (!f) throw new Error(`no flow ${name}`);
  return f.data;
};
/** "Card · output → Card · input" for every mapping of a flow. */
const wires = (data: RawFloData): string[] =>
  mappingsOf(data).map((m) => {
    const from = data.methods.find((x) => x.uuid === m.from.card);
    const to = data.methods.find((x) => x.uuid === m.to.card);
    const out = from?.node.model.outputs.data[m.from.output]?.key;
    const inp = to?.node.model.inputs.data[m.to.input]?.key;
    return `${from?.node.data.name} · ${out} → ${to?.node.data.name} · ${inp}`;
  });

describe('the sample remediation templates', () => {
  it.each(TEMPLATES.map((t) => [t.id]))(
    '%s exports a flopack that `flopack validate` accepts',
    async (id) => {
      const ws = placed(id);
      const text = unwrap(writeFlopack(ws, { kind: 'workspace' }));
      expect(schemaProblems(JSON.parse(text))).toEqual([]);
      for (const f of Object.values(ws.flows)) expect(flowProblems(f.data)).toEqual([]);
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'template-')), `${id}.flopack`);
      writeFileSync(file, text);
      expect(await validateFile(file)).toBe(`${file}: ok`);
    },
  );

  it('Slack notification: Delegated Flow → Read User → Compose → Send Message to Channel', () => {
    const data = byName(placed('slack-notify'), 'Risk Policy - Low (Notify)');
    expect(flowKind(data)).toBe('delegated');
    expect(titles(data)).toEqual([
      'Delegated Flow',
      'Comment',
      'Read User',
      'Compose',
      'Send Message to Channel',
    ]);
    const slack = data.methods.find((m) => m.node.key === 'sendMessageToChannel2');
    expect(
      Object.values(slack?.node.model.inputs.data ?? {}).find((f) => f.key === 'channel')?.value
        .data,
    ).toBe('C0SECURITY');
    const w = wires(data);
    expect(w).toContain('Delegated Flow · okta-user-id → Read User · ID or Login');
    expect(w).toContain('Compose · output → Send Message to Channel · Text');
    expect(w.filter((x) => x.startsWith('Read User ·') && x.includes('→ Compose ·'))).toHaveLength(
      5,
    );
  });

  it('Clear sessions: revokes OAuth tokens and emails a fixed list of admins', () => {
    const data = byName(placed('clear-sessions'), 'Risk Policy - Medium (Clear sessions)');
    expect(titles(data)).toEqual([
      'Delegated Flow',
      'Comment',
      'Clear User Sessions',
      'Read User',
      'Compose',
      'Send Email',
    ]);
    const clear = data.methods.find((m) => m.node.key === 'clearUserSessions');
    expect(
      Object.values(clear?.node.model.inputs.data ?? {}).find(
        (f) => f.key === 'Revoke oauthTokens?',
      )?.value.data,
    ).toBe(true);
    const mail = data.methods.find((m) => m.node.key === 'sendEmail2');
    expect(
      Object.values(mail?.node.model.inputs.data ?? {}).find((f) => f.key === 'To')?.value.data,
    ).toEqual(['soc@example.org']);
    expect(wires(data)).toContain('Compose · output → Send Email · Body');
  });

  it('Quarantine: For Each runs the helper with each group and the user; the helper skips Everyone', () => {
    const ws = placed('quarantine');
    const main = byName(ws, 'Risk Policy - High (Quarantine)');
    const helper = byName(ws, 'Remove user from group');
    const helperId = Object.values(ws.flows).find((f) => f.name === 'Remove user from group')?.id;
    expect(flowKind(main)).toBe('delegated');
    expect(flowKind(helper)).toBe('helper');
    expect(titles(main)).toEqual([
      'Delegated Flow',
      'Comment',
      'Get Users Groups',
      'For Each',
      'Add User to At-Risk Group',
      'Deactivate User',
    ]);
    const each = main.methods.find((m) => m.node.key === 'each');
    const fields = Object.values(each?.node.model.inputs.data ?? {});
    expect(fields.find((f) => f.key === 'flo')?.value.data).toBe(helperId);
    expect(wires(main)).toEqual(
      expect.arrayContaining([
        'Get Users Groups · Groups → For Each · list',
        'Delegated Flow · okta-user-id → For Each · User ID',
      ]),
    );
    const add = main.methods.find((m) => m.node.key === 'addNewUserToGroup');
    const groupId = Object.values(add?.node.model.inputs.data ?? {}).find(
      (f) => f.group === 'Group',
    );
    expect(groupId?.value.data).toBe('00g5atriskusers');
    expect(titles(helper)).toEqual([
      'Helper Flow',
      'Get Multiple (group record)',
      'Continue If Okta group',
      'If Error (removal)',
    ]);
    const guard = helper.methods.find((m) => m.node.key === 'continueIf');
    const guardValues = Object.fromEntries(
      Object.values(guard?.node.model.inputs.data ?? {}).map((f) => [f.key, f.value.data]),
    );
    expect(guardValues).toMatchObject({ operator: '==', 'right-operand': 'OKTA_GROUP' });
    expect(wires(helper)).toEqual(
      expect.arrayContaining([
        'Helper Flow · Group → Get Multiple (group record) · object',
        'Get Multiple (group record) · Type → Continue If Okta group · left-operand',
      ]),
    );
    // Remove User from Group sits in If Error's Try arm, fed through Okta's wormholes.
    const tryCatch = helper.methods.find((m) => m.node.key === 'tryCatch')!;
    const arm = inlineFlows(tryCatch).find((e) => e.slot.kind === 'input')!;
    const remove = arm.flo.methods.find((m) => m.node.key === 'removeUserFromGroup');
    expect(remove).toBeDefined();
    const holes = Object.values(tryCatch.node.model.inputs.data).filter(
      (f) => f.group === 'context',
    );
    expect(holes).toHaveLength(2);
    expect(mappingsOf(arm.flo).filter((m) => m.to.card === remove?.uuid)).toHaveLength(2);
  });

  it('a template created without the dialog values leaves those inputs empty, with a note', () => {
    const ws = placed('quarantine', {});
    const main = byName(ws, 'Risk Policy - High (Quarantine)');
    expect(titles(main)).toContain('Comment');
    const add = main.methods.find((m) => m.node.key === 'addNewUserToGroup');
    const groupId = Object.values(add?.node.model.inputs.data ?? {}).find(
      (f) => f.group === 'Group',
    );
    expect(groupId?.value.data).toBe('');
    expect(JSON.stringify(ws)).not.toContain('ATRISK');
  });

  it('a Slack template created without a channel says where to choose it, in a note', () => {
    const data = byName(placed('slack-notify', {}), 'Risk Policy - Low (Notify)');
    expect(JSON.stringify(data)).toContain('Send Message to Channel → options → Channel');
    const slack = data.methods.find((m) => m.node.key === 'sendMessageToChannel2');
    const channel = Object.values(slack?.node.model.inputs.data ?? {}).find(
      (f) => f.key === 'channel',
    );
    expect(channel?.value.data).toBe('');
  });

  it('Get Users Groups declares Okta’s full group record, not the trimmed one of an export', () => {
    const main = byName(placed('quarantine'), 'Risk Policy - High (Quarantine)');
    const get = main.methods.find((m) => m.node.key === 'getUsersGroups');
    const groups = Object.values(get?.node.model.outputs.data ?? {}).find(
      (f) => f.key === 'Groups',
    );
    const type = groups?.value.type as Record<string, { type: unknown }>;
    expect(Object.keys(type)).toEqual([
      'ID',
      'Created',
      'Last Updated',
      'Last Membership Updated',
      'Object Class',
      'Type',
      'Profile',
    ]);
    expect(Object.keys(type['Profile']?.type as object)).toEqual(['Name', 'Description']);
  });

  it('refuses a dialog value that is not a line of text', () => {
    const r = buildTemplate(catalog, 'quarantine', seededIds(1), { atRiskGroupId: 'a\nb' });
    expect(r.ok ? '' : r.problems[0]?.code).toBe('TEMPLATE_E003');
  });

  it('refuses an unknown template', () => {
    expect(buildTemplate(catalog, 'nope').ok).toBe(false);
  });
});

const keys = (o: unknown): string[] =>
  o !== null && typeof o === 'object'
    ? Object.keys(o)
        .filter((k) => k !== '_used')
        .sort()
    : [];
const unversionedAddress = (a: string): string => a.replace(/:\d+\.\d+\.\d+:/, ':');

describe('the templates are written exactly as Okta writes flows', () => {
  const flows = TEMPLATES.flatMap((t) => Object.values(placed(t.id).flows));

  it('display.preview lists every card in order; one connector version per app', () => {
    for (const f of flows) {
      expect(f.data.display.preview?.map((p) => p.name)).toEqual(
        f.data.methods.map((m) => (m.node.key === 'comment' ? 'comment' : m.node.key)),
      );
      const okta = new Set(
        f.data.methods
          .filter((m) => m.address.includes(':okta:'))
          .map((m) => m.address.split(':')[4]),
      );
      expect(okta.size).toBeLessThanOrEqual(1);
    }
  });

  it('For Each proxies, object inputs and _used are as in Okta’s exports', () => {
    const main = flows.find((f) => f.name === 'Risk Policy - High (Quarantine)')!;
    const helper = flows.find((f) => f.name === 'Remove user from group')!;
    const each = main.data.methods.find((m) => m.node.key === 'each')!;
    const custom = Object.values(each.node.model.inputs.data).filter((f) => f.metadata.custom);
    expect(custom.map((f) => f.value.proxy)).toEqual([
      { dynamic: true, path: '', dest: { key: 'Group', group: null } },
      { dynamic: false, path: null, dest: { key: 'User ID', group: null } },
    ]);
    const event = helper.data.methods[0]!;
    for (const io of ['inputs', 'outputs'] as const) {
      const group = Object.values(event.node.model[io].data).find((f) => f.key === 'Group');
      expect(group?.value.data).toEqual({});
      expect(group?._used).toBe(true);
    }
  });

  itCorpus('every card has the keys the same card has in Okta’s own exports', () => {
    const real = new Map<string, RawMethod>();
    for (const file of corpusFiles()) {
      const read = readFlopack(readFileSync(file, 'utf8'));
      if (!read.ok) continue;
      for (const f of Object.values(read.value.flows))
        forEachScope(f.data, (s) => {
          for (const m of s.methods)
            if (!real.has(unversionedAddress(m.address)))
              real.set(unversionedAddress(m.address), m);
        });
    }
    let compared = 0;
    for (const f of flows)
      forEachScope(f.data, (s) => {
        for (const m of s.methods) {
          const okta = real.get(unversionedAddress(m.address));
          if (!okta) continue;
          compared++;
          expect(keys(m.node.model), m.node.data.name).toEqual(
            expect.arrayContaining(
              keys(okta.node.model).filter((k) => k !== 'comments' && k !== 'display'),
            ),
          );
          for (const io of ['inputs', 'outputs'] as const)
            for (const x of Object.values(m.node.model[io].data)) {
              const y = Object.values(okta.node.model[io].data).find(
                (z) => z.key === x.key && z.group === x.group && !z.metadata.custom,
              );
              if (!y || x.metadata.custom) continue;
              expect(keys(x), `${m.node.data.name} ${io} ${x.key}`).toEqual(
                expect.arrayContaining(keys(y)),
              );
            }
        }
      });
    expect(compared).toBeGreaterThan(10);
  });
});
