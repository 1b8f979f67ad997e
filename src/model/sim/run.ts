/**
 * The simulator: runs a flow against a mock org, card by card in sequence order, and records
 * each card's inputs and outputs as Okta's execution history shows them when data saving is
 * on. Helper flows run nested (For Each, Call Flow), If/Else takes one branch, Continue If
 * stops, If Error catches. Cards it cannot simulate are marked and pass nothing on.
 */
import { unversioned } from '../address.ts';
import { isEventCard, isExpand, isJoin, isNoop, isNote } from '../cardRoles.ts';
import { viewField } from '../cards.ts';
import { mappingsOf } from '../mapping.ts';
import type { RawMethod, RawScope } from '../raw.ts';
import type { ScopePath } from '../scope.ts';
import type { Step } from '../sequence.ts';
import { sequenceOf } from '../sequence.ts';
import type { Workspace } from '../workspace.ts';
import { helperCall } from './calls.ts';
import type { Execution, Run, RunInput, RunResult, StepRecord, Values } from './engine.ts';
import { fieldLabel, MAX_STEPS, record, Stop } from './engine.ts';
import { IMPLS } from './impl.ts';
import type { MockOrg } from './org.ts';
import { shape } from './records.ts';
import { compare, getPath, SimError } from './values.ts';

export type { Execution, RunInput, RunResult, StepRecord } from './engine.ts';

/** Runs a flow of the workspace. */
export function simulate(
  ws: Workspace,
  flowId: string,
  org: MockOrg,
  input: RunInput = {},
  opts: { now?: Date } = {},
): RunResult {
  const run: Run = {
    ws,
    org,
    now: opts.now ?? new Date(),
    budget: { steps: 0 },
    depth: 0,
    runFlow: (...args) => runFlow(run, ...args),
  };
  const flow = ws.flows[flowId];
  if (!flow)
    return {
      execution: {
        flowId,
        flowName: '?',
        status: 'failed',
        steps: [],
        message: `No flow ${flowId}.`,
      },
      org,
    };
  const seeds = eventSeeds(flow.data, input);
  const execution = runFlow(run, flowId, flow.name, flow.data, [], seeds);
  return { execution, org: run.org };
}

/** Event-card output values from the run input, by output key. */
function eventSeeds(scope: RawScope, input: RunInput): Record<string, unknown> {
  const seeds: Record<string, unknown> = { ...(input.values ?? {}) };
  if (input.oktaUserId !== undefined) seeds['okta-user-id'] = input.oktaUserId;
  const event = scope.methods.find((m) => m.uuid === sequenceOf(scope).event);
  if (event) seeds['execution_id'] = 'sim-execution';
  return seeds;
}

function runFlow(
  run: Run,
  flowId: string,
  flowName: string,
  scope: RawScope,
  path: ScopePath,
  seeds: Record<string, unknown>,
): Execution {
  const steps: StepRecord[] = [];
  const values: Values = new Map();
  const seq = sequenceOf(scope);
  const event = scope.methods.find((m) => m.uuid === seq.event);
  if (event) {
    const out = new Map<string, unknown>();
    const outputs: StepRecord['outputs'] = [];
    for (const f of Object.values(event.node.model.outputs.data)) {
      const v = shape(seeds[f.key], f.value.type, f.value.collection);
      out.set(f.id, v);
      if (v !== undefined) outputs.push({ label: fieldLabel(f), value: v });
    }
    values.set(event.uuid, out);
    steps.push(record(event, path, 'done', [], outputs));
  }
  try {
    runSteps(run, scope, path, seq.steps.slice(event ? 1 : 0), values, steps);
    return finished({ flowId, flowName, status: 'completed', steps });
  } catch (e) {
    if (e instanceof Stop)
      return finished({
        flowId,
        flowName,
        status: e.kind === 'returned' ? 'completed' : e.kind,
        steps,
        message: e.message,
        ...(e.kind === 'returned' ? { returned: e.outputs } : {}),
      });
    throw e;
  }
}

/** A run that reached its end but passed a card the simulator cannot run is incomplete. */
function finished(e: Execution): Execution {
  if (e.status !== 'completed' || !isIncomplete(e.steps)) return e;
  const n = unsupportedCards(e.steps);
  return {
    ...e,
    status: 'incomplete',
    message: `The simulator could not run ${n.length === 1 ? 'a card' : `${n.length} cards`} (${[...new Set(n)].join(', ')}); what it shows after them is not what Okta would do.`,
  };
}

const isIncomplete = (steps: readonly StepRecord[]): boolean =>
  steps.some(
    (s) => s.status === 'unsupported' || (s.calls ?? []).some((c) => c.status === 'incomplete'),
  );

/** Titles of the cards a run could not simulate, nested runs included. */
export function unsupportedCards(steps: readonly StepRecord[]): string[] {
  return steps.flatMap((s) => [
    ...(s.status === 'unsupported' ? [s.title] : []),
    ...(s.calls ?? []).flatMap((c) => unsupportedCards(c.steps)),
  ]);
}

function runSteps(
  run: Run,
  scope: RawScope,
  path: ScopePath,
  list: readonly Step[],
  values: Values,
  steps: StepRecord[],
): void {
  const byId = new Map(scope.methods.map((m) => [m.uuid, m]));
  for (const step of list) {
    const m = byId.get(step.id);
    if (!m) continue;
    if (++run.budget.steps > MAX_STEPS)
      throw new Stop('failed', `The run stopped after ${MAX_STEPS} cards (a loop?).`);
    if (step.type === 'ifElse') {
      const inputs = resolveInputs(run, scope, m, values);
      const yes = compare(
        inputs.map.get('left-operand'),
        inputs.map.get('operator'),
        inputs.map.get('right-operand'),
      );
      values.set(
        m.uuid,
        new Map(Object.values(m.node.model.outputs.data).map((f) => [f.id, yes] as const)),
      );
      steps.push(
        record(
          m,
          path,
          'done',
          inputs.shown,
          [{ label: 'result', value: yes }],
          `Took the ${yes ? 'True' : 'False'} branch.`,
        ),
      );
      const branch = step.branches.find((b) => b.value === yes);
      if (branch) runSteps(run, scope, path, branch.steps, values, steps);
      continue;
    }
    runCard(run, scope, path, m, values, steps);
  }
}

interface Resolved {
  map: Map<string, unknown>;
  shown: StepRecord['inputs'];
}

/** An input's value: what its mapping brings (if its source ran), else its literal value. */
function resolveInputs(run: Run, scope: RawScope, m: RawMethod, values: Values): Resolved {
  const map = new Map<string, unknown>();
  const shown: StepRecord['inputs'] = [];
  const mappings = mappingsOf(scope).filter((x) => x.to.card === m.uuid);
  for (const f of Object.values(m.node.model.inputs.data)) {
    const mapping = mappings.find((x) => x.to.input === f.id);
    const value = mapping
      ? outputValue(run, scope, mapping.from.card, mapping.from.output, values)
      : f.value.data;
    map.set(f.key, value);
    if (f.group) map.set(`${f.group}/${f.key}`, value);
    if (!viewField(f).hidden && f.value.type !== 'flo') shown.push({ label: fieldLabel(f), value });
  }
  return { map, shown };
}

/** The value of a card's output: computed for hidden expand and Join cards. */
function outputValue(
  run: Run,
  scope: RawScope,
  card: string,
  output: string,
  values: Values,
): unknown {
  const got = values.get(card);
  if (got?.has(output)) return got.get(output);
  const m = scope.methods.find((x) => x.uuid === card);
  if (!m) return undefined;
  if (isExpand(m)) {
    const f = m.node.model.outputs.data[output];
    const source = resolveInputs(run, scope, m, values).map.get('object');
    const p = f?.metadata['path'];
    return Array.isArray(p) ? getPath(source, p.map(String)) : undefined;
  }
  if (isJoin(m)) {
    for (const [input, targets] of Object.entries(m.joins)) {
      if (!targets.some((t) => t.output === output)) continue;
      for (const x of mappingsOf(scope).filter(
        (y) => y.to.card === m.uuid && y.to.input === input,
      )) {
        const v = values.get(x.from.card)?.get(x.from.output);
        if (v !== undefined) return v;
      }
    }
  }
  return undefined;
}

function runCard(
  run: Run,
  scope: RawScope,
  path: ScopePath,
  m: RawMethod,
  values: Values,
  steps: StepRecord[],
): void {
  if (isNote(m) || isNoop(m) || isEventCard(m)) return;
  const { map, shown } = resolveInputs(run, scope, m, values);
  const key = implKey(m);
  const outputsOf = (out: Record<string, unknown>): StepRecord['outputs'] => {
    const ids = new Map<string, unknown>();
    const list: StepRecord['outputs'] = [];
    for (const f of Object.values(m.node.model.outputs.data)) {
      const raw = f.group && `${f.group}/${f.key}` in out ? out[`${f.group}/${f.key}`] : out[f.key];
      // Exactly the keys the card's output type declares, as Okta returns them.
      const v = shape(raw, f.value.type, f.value.collection);
      ids.set(f.id, v);
      if (v !== undefined) list.push({ label: fieldLabel(f), value: v });
    }
    values.set(m.uuid, ids);
    return list;
  };
  // Cards that run other flows.
  const calls = helperCall({ run, path, m, inputs: map, shown, steps, outputsOf }, key);
  if (calls) return;
  const impl = key ? IMPLS[key] : undefined;
  if (m.node.key === 'return' && key === 'control:return') {
    steps.push(record(m, path, 'done', shown, []));
    throw new Stop('returned', 'Returned.', Object.fromEntries(map));
  }
  if (!impl) {
    values.set(m.uuid, new Map());
    steps.push(
      record(
        m,
        path,
        'unsupported',
        shown,
        [],
        `The simulator does not run “${m.node.data.name}”; later cards get no values from it.`,
      ),
    );
    return;
  }
  if (key === 'object:pick')
    map.set(
      '__outputs__',
      Object.values(m.node.model.outputs.data).map((f) => f.key),
    );
  try {
    const outcome = impl(map, run.org, { now: run.now });
    if (outcome.kind === 'stop') {
      steps.push(record(m, path, 'stopped', shown, [], outcome.message));
      throw new Stop('stopped', outcome.message);
    }
    if (outcome.org) run.org = outcome.org;
    steps.push(record(m, path, 'done', shown, outputsOf(outcome.outputs), outcome.message));
  } catch (e) {
    if (!(e instanceof SimError)) throw e;
    steps.push(record(m, path, 'failed', shown, [], e.message));
    throw new Stop('failed', `“${m.node.data.name}” failed: ${e.message}`);
  }
}

/** `module:key` for kernel cards, `app:key` for connector cards. */
function implKey(m: RawMethod): string | null {
  const parts = unversioned(m.address).split(':');
  const key = parts[parts.length - 1];
  const app = parts[parts.length - 2];
  return key && app ? `${app}:${key}` : null;
}

/** Cards that failed anywhere in a run (nested runs included), e.g. a removal If Error caught. */
export function failedCards(e: Execution): { title: string; message: string }[] {
  return e.steps.flatMap((s) => [
    ...(s.status === 'failed' && !s.calls?.length
      ? [{ title: s.title, message: s.message ?? '' }]
      : []),
    ...(s.calls ?? []).flatMap(failedCards),
  ]);
}
