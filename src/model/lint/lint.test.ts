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
import { buildTemplate } from '../templates.ts';
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
const rules = (flow: Flow, ws: Workspace): string[] =>
  lintFlow(flow, { flows: info(ws) }).map((f) => `${f.severity}:${f.rule}`);

function delegated(build: (d: RawFloData) => RawFloData = (d) => d): { flow: Flow; ws: Workspace } {
  const { ws, flowId } = makeDelegatedFlow();
  const flow = ws.flows[flowId] as Flow;
  const next = { ...flow, data: build(flow.data) };
  return { flow: next, ws: { ...ws, flows: { ...ws.flows, [flowId]: next } } };
}

describe('lint rules for remediation flows', () => {
  it('finds nothing wrong in the quarantine template except what an admin must still fill in', () => {
    const { ws, folderId } = makeWorkspace();
    const placed = unwrap(
      planImport(ws, unwrap(buildTemplate(catalog, 'quarantine', seededIds(3))), folderId),
    ).workspace;
    for (const flow of Object.values(placed.flows)) {
      const found = lintFlow(flow, { flows: info(placed) });
      expect(found.filter((f) => f.severity === 'error')).toEqual([]);
      expect(found.map((f) => f.rule).filter((r) => r !== 'required-input')).toEqual([]);
    }
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

  it("flags removing each of the user's groups without an Everyone guard, and not with one", () => {
    const bare = delegated((d) => {
      const groups = add(d, 'root:channels:http:okta:getUsersGroups');
      return add(groups.data, 'root:channels:http:okta:removeUserFromGroup').data;
    });
    expect(rules(bare.flow, bare.ws)).toContain('warning:everyone-guard');
    const guarded = delegated((d) => {
      const g = add(d, 'root:kernel:control:continueIf');
      const guardedData = withValue(g.data, g.id, 'right-operand', 'Everyone');
      const groups = add(guardedData, 'root:channels:http:okta:getUsersGroups');
      return add(groups.data, 'root:channels:http:okta:removeUserFromGroup').data;
    });
    expect(rules(guarded.flow, guarded.ws)).not.toContain('warning:everyone-guard');
    const oneGroup = delegated((d) => add(d, 'root:channels:http:okta:removeUserFromGroup').data);
    expect(rules(oneGroup.flow, oneGroup.ws)).not.toContain('warning:everyone-guard');
  });

  it('flags the quarantine helper once its Everyone guard is removed', () => {
    const { ws, folderId } = makeWorkspace();
    const placed = unwrap(
      planImport(ws, unwrap(buildTemplate(catalog, 'quarantine', seededIds(3))), folderId),
    ).workspace;
    const helper = Object.values(placed.flows).find(
      (f) => f.name === 'Remove user from group',
    ) as Flow;
    const guard = helper.data.methods.find((m) => m.node.key === 'continueIf');
    const unguarded = { ...helper, data: unwrap(removeCard(helper.data, guard?.uuid as never)) };
    expect(rules(unguarded, placed)).toContain('warning:everyone-guard');
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
