import { describe, expect, it } from 'vitest';
import { catalog, makeWorkspace } from '../../../tests/builders.ts';
import { corpusText, describeCorpus } from '../../../tests/corpus.ts';
import { readFlopack } from '../../export/flopack/read.ts';
import { unwrap } from '../errors.ts';
import { seededIds } from '../ids.ts';
import { planImport } from '../importPack.ts';
import type { RawScope } from '../raw.ts';
import { inlineFlows } from '../scope.ts';
import { buildTemplate } from '../templates.ts';
import type { Workspace } from '../workspace.ts';
import type { Execution, StepRecord } from './engine.ts';
import { laneLabel } from './lanes.ts';
import { AT_RISK_GROUP_ID, sampleOrg } from './org.ts';
import { simulate } from './run.ts';

const NOW = new Date('2026-11-29T12:00:00.000Z');

/** Every run of an inline lane (nested anywhere), with the card that started it. */
function laneRuns(e: Execution): { step: StepRecord; run: Execution }[] {
  return e.steps.flatMap((s) =>
    (s.calls ?? []).flatMap((c) => [
      ...(c.flowId === s.card ? [{ step: s, run: c }] : []),
      ...laneRuns(c),
    ]),
  );
}

const allSteps = (e: Execution): StepRecord[] =>
  e.steps.flatMap((s) => [s, ...(s.calls ?? []).flatMap(allSteps)]);

/** What the history says of lanes: names, and each lane's first listed card. */
function lanesSaid(e: Execution): string[] {
  return laneRuns(e).map(
    ({ run }) => `${run.flowName} | ${run.steps[0]?.app} ${run.steps[0]?.title}`,
  );
}

function quarantine(): { ws: Workspace; main: string } {
  const { ws, folderId } = makeWorkspace();
  const built = unwrap(
    buildTemplate(catalog, 'quarantine', seededIds(5), { atRiskGroupId: AT_RISK_GROUP_ID }),
  );
  const plan = unwrap(planImport(ws, built, folderId));
  return { ws: plan.workspace, main: plan.flows[0]?.id as string };
}

/** Cards of a scope and its inline flows, with the inline entries they hold. */
const containers = (scope: RawScope): RawScope['methods'] =>
  scope.methods.flatMap((m) => [
    ...(inlineFlows(m).length ? [m] : []),
    ...inlineFlows(m).flatMap((e) => containers(e.flo)),
  ]);

describe('lanes of inline flows in a run', () => {
  it('names the quarantine helper’s If Error lanes by the card and the arm, never “Helper Flow”', () => {
    const { ws, main } = quarantine();
    const r = simulate(ws, main, sampleOrg(), { oktaUserId: '00u1alice' }, { now: NOW });
    const said = lanesSaid(r.execution);
    // Three groups are removed (Try), one refusal is caught (Try, then If Error).
    expect(said).toEqual([
      'If Error (removal) › Try | Error Handling If Error (removal) › Try',
      'If Error (removal) › Try | Error Handling If Error (removal) › Try',
      'If Error (removal) › Try | Error Handling If Error (removal) › Try',
      'If Error (removal) › If Error | Error Handling If Error (removal) › If Error',
    ]);
    const inLanes = allSteps(r.execution).filter((s) => s.path.length > 0);
    expect(inLanes.length).toBeGreaterThan(4);
    expect(inLanes.filter((s) => s.title === 'Helper Flow')).toEqual([]);
    // Real helper flows still start with their Helper Flow card.
    expect(r.execution.steps[2]?.calls?.[0]?.steps[0]?.title).toBe('Helper Flow');
  });

  it('names untitled containers as Okta does, never with an empty label', () => {
    const { ws } = quarantine();
    const helper = Object.values(ws.flows).find((f) => f.name === 'Remove user from group')!;
    const tryIt = helper.data.methods.find((m) => m.node.key === 'tryCatch')!;
    const untitled = { ...tryIt, node: { ...tryIt.node, data: { ...tryIt.node.data, name: ' ' } } };
    expect(inlineFlows(untitled).map((e) => laneLabel(untitled, e))).toEqual([
      'If Error › Try',
      'If Error › If Error',
    ]);
  });
});

describeCorpus('lanes of inline flows in Okta’s own exports', () => {
  it('labels If Error lanes “If Error › Try” and “If Error › If Error”', () => {
    const ws = unwrap(readFlopack(corpusText('okta_add_user_to_a_group_ispm_remediation_flow')));
    const flow = Object.values(ws.flows)[0]!;
    const r = simulate(ws, flow.id, sampleOrg(), { oktaUserId: '00u1alice' }, { now: NOW });
    expect(lanesSaid(r.execution)).toEqual([
      'If Error › Try | Error Handling If Error › Try',
      'If Error › If Error | Error Handling If Error › If Error',
    ]);
    const said = JSON.stringify(r.execution);
    expect(said).not.toContain('Helper Flow');
    expect(said).not.toContain('· :');
  });

  it('labels If/ElseIf arms and an event wrapper’s lane by Okta’s names', () => {
    const branches = unwrap(readFlopack(corpusText('create_contact_in_salesforce')));
    const labels = Object.values(branches.flows).flatMap((f) =>
      containers(f.data).flatMap((m) => inlineFlows(m).map((e) => laneLabel(m, e))),
    );
    expect(labels).toContain('If/ElseIf › If');
    expect(labels).toContain('If/ElseIf › Else');
    const wrapped = unwrap(readFlopack(corpusText('assign_temporary_group_memberships')));
    const wrapperLabels = Object.values(wrapped.flows).flatMap((f) =>
      containers(f.data)
        .filter((m) => m.node.key === 'asyncEach')
        .flatMap((m) => inlineFlows(m).map((e) => laneLabel(m, e))),
    );
    expect(wrapperLabels).toContain('User Added to Group');
  });
});
