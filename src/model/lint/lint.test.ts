import { describe, expect, it } from 'vitest';
import {
  add,
  catalog,
  makeDelegatedFlow,
  makeWorkspace,
  withValue,
} from '../../../tests/builders.ts';
import { unwrap } from '../errors.ts';
import { seededIds } from '../ids.ts';
import { planImport } from '../importPack.ts';
import type { RawFloData, RawMethod } from '../raw.ts';
import type { TemplateOptions } from '../templates.ts';
import { buildTemplate } from '../templates.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusFiles, itCorpus } from '../../../tests/corpus.ts';
import { readFlopack } from '../../export/flopack/read.ts';
import type { CardId, FieldId } from '../ids.ts';
import { mapField } from '../mapping.ts';
import { newFlowData } from '../flows.ts';
import { removeCard } from '../insert.ts';
import type { Flow, Workspace } from '../workspace.ts';
import { lintFlow } from './lint.ts';
import type { FlowInfo } from './types.ts';

const info = (ws: Workspace): FlowInfo[] =>
  Object.values(ws.flows).map((f) => ({
    id: f.id,
    name: f.name,
    folderId: f.folderId,
    active: f.active,
    kind: 'x',
  }));
function quarantine(opts: TemplateOptions): Workspace {
  const { ws, folderId } = makeWorkspace();
  const built = unwrap(buildTemplate(catalog, 'quarantine', seededIds(3), opts));
  return unwrap(planImport(ws, built, folderId)).workspace;
}
const helperOf = (ws: Workspace): Flow =>
  Object.values(ws.flows).find((f) => f.name === 'Remove user from group') as Flow;

const rules = (flow: Flow, ws: Workspace): string[] =>
  lintFlow(flow, { flows: info(ws) }).map((f) => `${f.severity}:${f.rule}`);

function delegated(build: (d: RawFloData) => RawFloData = (d) => d): { flow: Flow; ws: Workspace } {
  const { ws, flowId } = makeDelegatedFlow();
  const flow = ws.flows[flowId] as Flow;
  const next = { ...flow, data: build(flow.data) };
  return { flow: next, ws: { ...ws, flows: { ...ws.flows, [flowId]: next } } };
}

describe('lint rules for remediation flows', () => {
  it('finds nothing wrong in the quarantine template created with an at-risk group', () => {
    const placed = quarantine({ atRiskGroupId: '00g5atriskusers' });
    for (const flow of Object.values(placed.flows))
      expect(lintFlow(flow, { flows: info(placed) })).toEqual([]);
  });

  it('asks for the at-risk group when the template was created without one', () => {
    const placed = quarantine({});
    const main = Object.values(placed.flows).find((f) => f.name.startsWith('Risk Policy'));
    expect(rules(main!, placed)).toEqual(['warning:required-input']);
  });

  it('flags a Pause card in a delegated flow as an error', () => {
    const { flow, ws } = delegated((d) => {
      const r = add(d, 'root:kernel:control:continueIf');
      const pause = (m: RawMethod): RawMethod =>
        m.uuid === r.id
          ? {
              ...m,
              address: 'root:kernel:http:0.0.1:pause',
              node: { ...m.node, key: 'pause', data: { name: 'Pause' } },
            }
          : m;
      return { ...r.data, methods: r.data.methods.map(pause) };
    });
    expect(rules(flow, ws)).toContain('error:pause-in-delegated');
  });

  it('flags a required input that is neither set nor mapped', () => {
    const { flow, ws } = delegated((d) => add(d, 'root:channels:http:okta:readUser').data);
    const found = lintFlow(flow, { flows: info(ws) });
    expect(found.map((f) => f.message)).toContain(
      '“Read User” needs “ID or Login”: map an earlier output into it or type a value.',
    );
    expect(found[0]?.card).toBeDefined();
  });

  it('flags a call to a missing helper flow, and to an OFF helper from an ON flow', () => {
    const { flow, ws } = delegated((d) => {
      const r = add(d, 'root:kernel:control:spawn');
      return withValue(r.data, r.id, 'flo', 'helper-1');
    });
    expect(rules(flow, ws)).toContain('error:helper-flow');
    const helper: FlowInfo = {
      id: 'helper-1',
      name: 'Helper',
      folderId: flow.folderId,
      active: false,
      kind: 'helper',
    };
    const on = { ...flow, active: true };
    expect(lintFlow(on, { flows: [...info(ws), helper] }).map((f) => f.message)).toContain(
      '“Call Flow” calls “Helper”, which is OFF — helper flows must be ON too.',
    );
  });

  it("flags removing each of the user's groups without an Everyone guard", () => {
    const bare = delegated((d) => {
      const groups = add(d, 'root:channels:http:okta:getUsersGroups');
      return add(groups.data, 'root:channels:http:okta:removeUserFromGroup').data;
    });
    expect(rules(bare.flow, bare.ws)).toContain('warning:everyone-guard');
    const oneGroup = delegated((d) => add(d, 'root:channels:http:okta:removeUserFromGroup').data);
    expect(rules(oneGroup.flow, oneGroup.ws)).not.toContain('warning:everyone-guard');
  });

  it('an Everyone guard that compares nothing from the group record is an error', () => {
    const typed = delegated((d) => {
      const g = add(d, 'root:kernel:control:continueIf');
      const guardedData = withValue(g.data, g.id, 'right-operand', 'Everyone');
      const groups = add(guardedData, 'root:channels:http:okta:getUsersGroups');
      return add(groups.data, 'root:channels:http:okta:removeUserFromGroup').data;
    });
    expect(rules(typed.flow, typed.ws).filter((r) => r.endsWith('everyone-guard'))).toEqual([
      'error:everyone-guard',
    ]);
  });

  it('checks the guard’s operator: Profile.Name == "Everyone" or Type == "BUILT_IN" is the wrong way round', () => {
    const placed = quarantine({ atRiskGroupId: '00g5atriskusers' });
    const helper = helperOf(placed);
    const guard = helper.data.methods.find((m) => m.node.key === 'continueIf')!;
    const builtIn = {
      ...helper,
      data: withValue(helper.data, guard.uuid, 'right-operand', 'BUILT_IN'),
    };
    expect(rules(builtIn, placed)).toEqual(['error:everyone-guard']);
    const notBuiltIn = { ...helper, data: withValue(builtIn.data, guard.uuid, 'operator', '!=') };
    expect(rules(notBuiltIn, placed)).toEqual([]);
    // Compare the name instead: only != "Everyone" keeps the other groups.
    const pick = helper.data.methods.find((m) => m.node.key === 'pick')!;
    const nameOut = Object.values(pick.node.model.outputs.data).find(
      (f) => f.key === 'Profile.Name',
    )!;
    const left = Object.values(guard.node.model.inputs.data).find((f) => f.key === 'left-operand')!;
    const byName = unwrap(
      mapField(helper.data, {
        from: { card: pick.uuid as CardId, output: nameOut.id as FieldId },
        to: { card: guard.uuid as CardId, input: left.id as FieldId },
      }),
    );
    const eq = { ...helper, data: withValue(byName, guard.uuid, 'right-operand', 'Everyone') };
    expect(rules(eq, placed)).toEqual(['error:everyone-guard']);
    const ne = { ...helper, data: withValue(eq.data, guard.uuid, 'operator', '!=') };
    expect(rules(ne, placed)).toEqual([]);
  });

  it('flags a card reading a field the group record does not declare (id instead of ID)', () => {
    const placed = quarantine({ atRiskGroupId: '00g5atriskusers' });
    const helper = helperOf(placed);
    const pick = helper.data.methods.find((m) => m.node.key === 'pick')!;
    const renamed = {
      ...helper,
      data: {
        ...helper.data,
        methods: helper.data.methods.map((m) =>
          m.uuid !== pick.uuid
            ? m
            : {
                ...m,
                node: {
                  ...m.node,
                  model: {
                    ...m.node.model,
                    outputs: {
                      ...m.node.model.outputs,
                      data: Object.fromEntries(
                        Object.entries(m.node.model.outputs.data).map(([k, f]) => [
                          k,
                          f.key === 'ID' ? { ...f, key: 'id' } : f,
                        ]),
                      ),
                    },
                  },
                },
              },
        ),
      },
    };
    const found = lintFlow(renamed, { flows: info(placed) });
    expect(found.map((f) => `${f.severity}:${f.rule}`)).toEqual(['warning:undeclared-field']);
    expect(found[0]?.message).toContain('reads “id”');
  });

  it('the quarantine helper without its guard gets the Everyone warning', () => {
    const placed = quarantine({ atRiskGroupId: '00g5atriskusers' });
    const helper = helperOf(placed);
    const guard = helper.data.methods.find((m) => m.node.key === 'continueIf');
    const unguarded = { ...helper, data: unwrap(removeCard(helper.data, guard?.uuid as never)) };
    expect(rules(unguarded, placed)).toEqual(['warning:everyone-guard']);
  });

  it('flags placeholders and empty recipients: Slack channel, Group ID, email To', () => {
    const slack = delegated((d) => add(d, 'root:channels:http:slack:sendMessageToChannel2').data);
    expect(lintFlow(slack.flow, { flows: info(slack.ws) }).map((f) => f.message)).toContain(
      '“Send Message to Channel” has no Slack channel — choose one (or map it), or the card fails in Okta.',
    );
    const group = delegated((d) => {
      const r = add(d, 'root:channels:http:okta:addNewUserToGroup');
      return withValue(r.data, r.id, 'id', '00gATRISKGROUPID');
    });
    expect(rules(group.flow, group.ws)).toContain('warning:placeholder-input');
    const mail = delegated((d) => {
      const r = add(d, 'root:channels:http:gmail:sendEmail2');
      return withValue(r.data, r.id, 'To', ['security-admins@example.com']);
    });
    expect(lintFlow(mail.flow, { flows: info(mail.ws) }).map((f) => f.message)).toContain(
      '“Send Email” · email recipients: “security-admins@example.com” is an example address — type the real value (or map it).',
    );
  });

  it('a flow with no event, run by hand, gets an info rather than a warning', () => {
    const { ws, flowId } = makeDelegatedFlow();
    const flow = ws.flows[flowId] as Flow;
    const added = add(newFlowData(flowId, null, seededIds(4)), 'root:kernel:string:compose');
    const f = { ...flow, data: added.data };
    const found = lintFlow(f, { flows: info(ws) }).filter((x) => x.rule === 'no-event');
    expect(found.map((x) => x.severity)).toEqual(['info']);
  });

  itCorpus('finds no Everyone, field-name or Group ID problems in Okta’s own flows', () => {
    for (const file of corpusFiles()) {
      const read = readFlopack(readFileSync(file, 'utf8'));
      if (!read.ok) continue;
      const ws = read.value;
      for (const flow of Object.values(ws.flows)) {
        const found = lintFlow(flow, { flows: info(ws) });
        expect(
          found.filter((x) => x.rule === 'everyone-guard' || x.rule === 'undeclared-field'),
          `${path.basename(file)} · ${flow.name}`,
        ).toEqual([]);
        // Placeholders are reported only for values really left empty in the export.
        for (const x of found.filter((y) => y.rule === 'placeholder-input'))
          expect(x.message).toContain(' has no ');
      }
    }
  });

  it('flags a card the sequence does not reach', () => {
    const { flow, ws } = delegated((d) => {
      const r = add(d, 'root:kernel:string:compose');
      const s = add(r.data, 'root:kernel:string:length');
      // Cut the edge into the last card: it is left unconnected.
      const orderings = Object.fromEntries(
        Object.entries(s.data.orderings).filter(([, [, b]]) => b !== s.id),
      );
      return { ...s.data, orderings };
    });
    expect(rules(flow, ws)).toContain('warning:unreachable');
  });

  it('flags a name used twice in a folder and more active flows than Okta allows', () => {
    const { flow, ws } = delegated();
    const twin: FlowInfo = {
      id: 'twin',
      name: flow.name.toUpperCase(),
      folderId: flow.folderId,
      active: false,
      kind: 'delegated',
    };
    expect(lintFlow(flow, { flows: [...info(ws), twin] }).map((f) => f.rule)).toContain(
      'name-clash',
    );
    const many: FlowInfo[] = Array.from({ length: 101 }, (_, i) => ({
      id: `f${i}`,
      name: `F${i}`,
      folderId: null,
      active: true,
      kind: 'delegated',
    }));
    expect(lintFlow({ ...flow, active: true }, { flows: many }).map((f) => f.rule)).toContain(
      'limits',
    );
    expect(lintFlow(flow, { flows: info(ws), folderDepth: 6 }).map((f) => f.rule)).toContain(
      'limits',
    );
  });
});
