/** Cards that run other flows in a simulated run: For Each, Map, Filter, Call Flow, If Error, If/ElseIf. */
import type { CardId } from '../ids.ts';
import type { RawScope } from '../raw.ts';
import type { ScopePath } from '../scope.ts';
import { inlineFlows } from '../scope.ts';
import type { CardRun, Execution } from './engine.ts';
import { MAX_DEPTH, record, Stop } from './engine.ts';
import { STREAMS } from './impl.ts';
import { asLane, laneLabel } from './lanes.ts';
import { asText, compare, getPath, SimError } from './values.ts';

const LIST_CALLERS = new Set(['each', 'asyncEach', 'map', 'filter']);

/** Runs For Each / Map / Filter / Call Flow cards and streaming list cards; false for others. */
export function helperCall(c: CardRun, implKey: string | null): boolean {
  const { run, path, m, inputs: map, shown, steps, outputsOf } = c;
  const key = m.node.key;
  const kernel = m.address.startsWith('root:kernel:');
  if (!kernel && /^Stream/.test(asText(map.get('parameters/resultSet'))))
    return streaming(c, implKey);
  if (
    !kernel ||
    !(
      LIST_CALLERS.has(key) ||
      key === 'spawn' ||
      key === 'run' ||
      key === 'tryCatch' ||
      key === 'branch'
    )
  )
    return false;
  if (key === 'tryCatch' || key === 'branch') return inlineContainer(c);
  const floField = Object.values(m.node.model.inputs.data).find((f) => f.key === 'flo');
  const target = floField?.value.data;
  const inline = inlineFlows(m)[0];
  const helper = typeof target === 'string' ? run.ws.flows[target] : undefined;
  if (!helper && !inline) {
    steps.push(
      record(m, path, 'failed', shown, [], 'It calls a flow that is not in the workspace.'),
    );
    throw new Stop('failed', `“${m.node.data.name}” calls a flow that is not in the workspace.`);
  }
  if (run.depth >= MAX_DEPTH) throw new Stop('failed', 'Helper flows call each other too deeply.');
  const custom = Object.values(m.node.model.inputs.data).filter((f) => f.metadata.custom === true);
  const argsFor = (item: unknown): Record<string, unknown> => {
    const args: Record<string, unknown> = {};
    for (const f of custom) {
      const proxy = f.value.proxy as
        { dynamic?: boolean; path?: string | null } | false | undefined;
      args[f.key] = proxy && proxy.dynamic ? getPath(item, proxy.path ?? '') : map.get(f.key);
    }
    return args;
  };
  const callScope = helper ? helper.data : (inline?.flo as RawScope);
  const callName = helper ? helper.name : laneLabel(m, inline!);
  const callPath: ScopePath = helper
    ? []
    : [...path, { card: m.uuid as CardId, slot: inline!.slot }];
  const nested: Execution[] = [];
  const call = (item: unknown, index: number): Execution => {
    run.depth++;
    try {
      const seeds = { ...argsFor(item), index, execution_id: 'sim-execution' };
      const ex = run.runFlow(helper?.id ?? m.uuid, callName, callScope, callPath, seeds);
      return helper ? ex : asLane(ex, m, inline!, callName);
    } finally {
      run.depth--;
    }
  };
  let outputs: Record<string, unknown> = {};
  if (LIST_CALLERS.has(key)) {
    const items = Array.isArray(map.get('list')) ? (map.get('list') as unknown[]) : [];
    const kept: unknown[] = [];
    items.forEach((item, i) => {
      const ex = call(item, i);
      nested.push(ex);
      if (ex.status === 'failed' && key !== 'asyncEach') {
        steps.push({ ...record(m, path, 'failed', shown, [], ex.message), calls: nested });
        throw new Stop(
          'failed',
          `“${m.node.data.name}” failed on item ${i + 1}: ${ex.message ?? ''}`,
        );
      }
      if (ex.status === 'completed') kept.push(item);
    });
    outputs =
      key === 'filter'
        ? { output: kept }
        : key === 'map'
          ? { 'new list': nested.map((ex) => Object.values(ex.returned ?? {})[0] ?? null) }
          : {};
  } else {
    const ex = call(undefined, 0);
    nested.push(ex);
    // Call Flow waits for the helper (its failure is the card's); Call Flow Async does not.
    if (ex.status === 'failed' && key === 'spawn') {
      steps.push({ ...record(m, path, 'failed', shown, [], ex.message), calls: nested });
      throw new Stop('failed', `“${m.node.data.name}” failed: ${ex.message ?? ''}`);
    }
    if (key === 'spawn') outputs = ex.returned ?? {};
  }
  steps.push({
    ...record(
      m,
      path,
      'done',
      shown,
      outputsOf(outputs),
      `Ran “${callName}” ${nested.length} time(s).`,
    ),
    calls: nested,
  });
  return true;
}

/** If Error (try, then the error branch) and If/ElseIf (the first arm whose test holds). */
function inlineContainer(c: CardRun): boolean {
  const { run, path, m, inputs: map, shown, steps, outputsOf } = c;
  const arms = inlineFlows(m);
  // Wormholes: the container's hidden context inputs feed the inline flow's event outputs by key.
  const wormholes: Record<string, unknown> = {};
  for (const f of Object.values(m.node.model.inputs.data))
    if (f.group === 'context' && f.metadata['wormholeMethodId']) wormholes[f.key] = map.get(f.key);
  const runArm = (i: number): Execution => {
    const arm = arms[i];
    if (!arm) return { flowId: m.uuid, flowName: m.node.data.name, status: 'completed', steps: [] };
    const label = laneLabel(m, arm);
    const ex = run.runFlow(
      m.uuid,
      label,
      arm.flo,
      [...path, { card: m.uuid as CardId, slot: arm.slot }],
      { ...wormholes },
    );
    return asLane(ex, m, arm, label);
  };
  const nested: Execution[] = [];
  if (m.node.key === 'tryCatch') {
    const tryRun = runArm(arms.findIndex((a) => a.slot.kind === 'input'));
    nested.push(tryRun);
    if (tryRun.status === 'failed')
      nested.push(runArm(arms.findIndex((a) => a.slot.kind === 'error')));
  } else {
    const pick = arms.findIndex((a) => {
      if (a.group === 'else') return true;
      const g = a.group ?? '';
      return compare(
        map.get(`${g}/left-operand`),
        map.get(`${g}/operator`),
        map.get(`${g}/right-operand`),
      );
    });
    if (pick >= 0) nested.push(runArm(pick));
  }
  const last = nested[nested.length - 1];
  if (last?.status === 'failed') {
    steps.push({ ...record(m, path, 'failed', shown, [], last.message), calls: nested });
    throw new Stop('failed', last.message ?? 'failed');
  }
  const caught =
    m.node.key === 'tryCatch' && nested[0]?.status === 'failed'
      ? `Caught: ${nested[0].message ?? 'a card failed'} — the flow goes on.`
      : undefined;
  steps.push({ ...record(m, path, 'done', shown, outputsOf({}), caught), calls: nested });
  return true;
}

/**
 * A list card with Result Set "Stream Records": each record goes to the chosen helper flow
 * (its Record input, with the card's Streaming fields as State); the card outputs the count.
 */
function streaming(c: CardRun, implKey: string | null): boolean {
  const { run, path, m, inputs: map, shown, steps, outputsOf } = c;
  const records = implKey ? STREAMS[implKey] : undefined;
  if (!records) return false;
  const floField = Object.values(m.node.model.inputs.data).find(
    (f) => f.group === 'Streaming' && f.value.type === 'flo',
  );
  const target = floField?.value.data;
  const helper = typeof target === 'string' ? run.ws.flows[target] : undefined;
  if (!helper) {
    steps.push(
      record(m, path, 'failed', shown, [], 'It streams to a flow that is not in the workspace.'),
    );
    throw new Stop(
      'failed',
      `“${m.node.data.name}” streams to a flow that is not in the workspace.`,
    );
  }
  if (run.depth >= MAX_DEPTH) throw new Stop('failed', 'Helper flows call each other too deeply.');
  let list: unknown[];
  try {
    list = records(map, run.org);
  } catch (e) {
    if (!(e instanceof SimError)) throw e;
    steps.push(record(m, path, 'failed', shown, [], e.message));
    throw new Stop('failed', `“${m.node.data.name}” failed: ${e.message}`);
  }
  const state: Record<string, unknown> = {};
  for (const f of Object.values(m.node.model.inputs.data))
    if (f.group === 'Streaming' && f.value.type !== 'flo')
      state[f.key] = map.get(`Streaming/${f.key}`);
  const limit = Number(map.get('List Criteria/Limit'));
  const items = Number.isFinite(limit) && limit > 0 ? list.slice(0, limit) : list;
  const nested: Execution[] = [];
  items.forEach((item, index) => {
    run.depth++;
    try {
      nested.push(
        run.runFlow(helper.id, helper.name, helper.data, [], {
          Record: item,
          State: state,
          index,
          execution_id: 'sim-execution',
        }),
      );
    } finally {
      run.depth--;
    }
  });
  steps.push({
    ...record(
      m,
      path,
      'done',
      shown,
      outputsOf({ 'Records Streamed': items.length }),
      `Streamed ${items.length} record(s) to “${helper.name}”.`,
    ),
    calls: nested,
  });
  return true;
}
