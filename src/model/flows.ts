/**
 * Flow operations: create (default "Unnamed", unique in its folder), properties, the
 * settings the console shows (ON/OFF, save all data), moving, deleting, and content edits.
 */
import { parseAddress } from './address.ts';
import { carryPins } from './mapping.ts';
import { isApiEndpoint, isAppEvent, isCallable, isDelegated, isNoop } from './cardRoles.ts';
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { FlowId, FolderId, IdSource } from './ids.ts';
import { randomIds } from './ids.ts';
import { cleanName, sameName, uniqueName } from './names.ts';
import type { JsonObject, RawFloData, RawMethod } from './raw.ts';
import { sequenceOf } from './sequence.ts';
import type { Flow, Workspace } from './workspace.ts';
import { flowsIn } from './workspace.ts';
import { noopEvent } from './events.ts';
import { DEFAULT_SCHEDULE, formatCron } from './schedule.ts';

/** What starts a flow, read from its event card. */
export type FlowKind = 'delegated' | 'helper' | 'scheduled' | 'apiEndpoint' | 'appEvent' | 'none';

/** The console's names for flow kinds. */
export const FLOW_KIND_LABELS: Record<FlowKind, string> = {
  delegated: 'Delegated flow',
  helper: 'Helper flow',
  scheduled: 'Scheduled flow',
  apiEndpoint: 'API endpoint',
  appEvent: 'App event',
  none: 'No event',
};

/** The default name of a new flow, as in Okta's console. */
export const DEFAULT_FLOW_NAME = 'Unnamed';

/** The flow's event card. */
export function eventCardOf(data: RawFloData): RawMethod | null {
  const id = sequenceOf(data).event;
  return data.methods.find((m) => m.uuid === id) ?? null;
}

/** Classifies a flow by its event card (and `scheduled` for callable events). */
export function flowKind(data: RawFloData): FlowKind {
  const e = eventCardOf(data);
  if (!e) return 'none';
  if (isDelegated(e)) return 'delegated';
  if (isCallable(e)) return data.scheduled ? 'scheduled' : 'helper';
  if (isApiEndpoint(e)) return 'apiEndpoint';
  if (isAppEvent(e)) return 'appEvent';
  return 'none';
}

const TREE = {
  id: 2,
  name: 'empty',
  description: 'This flow has been build w/o a tree and uses the newer, async, Addressing module.',
};

/** The content of a new, empty flow: a placeholder event, data saving off. */
export function newFlowData(
  id: FlowId,
  folderId: FolderId | null,
  ids: IdSource = randomIds,
): RawFloData {
  const event = noopEvent(ids.short());
  return refreshDisplay({
    id: null,
    uuid: id,
    display: { preview: [], eventConnecterName: 'Noop', isCallable: false },
    tree: TREE,
    methods: [event],
    model: {},
    orderings: {},
    cron: {},
    security_level: null,
    log: false,
    inheritLog: true,
    scheduled: false,
    group: folderId,
    templateName: null,
    connector_method_meta: { inputs: {}, outputs: {}, options: {} },
    monitor_flo: false,
    actionId: null,
  });
}

/** Rebuilds the console's list summary (`display.preview`, `eventConnecterName`). */
export function refreshDisplay(data: RawFloData): RawFloData {
  const preview = data.methods.map((m) => {
    const a = parseAddress(m.address);
    if (a && isAppEvent(m)) return { module: a.app, name: '', kernel: true };
    return { module: a?.app ?? '', name: m.node.key, kernel: a?.namespace === 'kernel' };
  });
  const first = data.methods[0];
  const display: RawFloData['display'] = { ...data.display, preview };
  if (first) display.eventConnecterName = first.node.data.name;
  return { ...data, display };
}

const flowNotFound = <T>(id: string): Result<T> =>
  fail('FLOW_E001', `Flow ${id} does not exist — reload the workspace.`);

function nameClash(
  ws: Workspace,
  folderId: FolderId | null,
  name: string,
  except?: FlowId,
): boolean {
  return flowsIn(ws, folderId).some((f) => f.id !== except && sameName(f.name, name));
}

/** Creates a flow in a folder. Without a name it is "Unnamed", made unique in the folder. */
export function createFlow(
  ws: Workspace,
  folderId: FolderId,
  input: { name?: string; description?: string } = {},
  ids: IdSource = randomIds,
): Result<{ workspace: Workspace; flow: Flow }> {
  if (!ws.folders[folderId])
    return fail('FOLDER_E001', `Folder ${folderId} does not exist — reload the workspace.`);
  const taken = flowsIn(ws, folderId).map((f) => f.name);
  let name: string;
  if (input.name === undefined) name = uniqueName(DEFAULT_FLOW_NAME, taken);
  else {
    const clean = cleanName(input.name, 'flow');
    if (!clean.ok) return clean;
    if (nameClash(ws, folderId, clean.value))
      return fail(
        'FLOW_E002',
        `A flow named "${clean.value}" already exists in this folder — flow names must be unique in a folder.`,
      );
    name = clean.value;
  }
  const id = ids.uuid() as FlowId;
  const flow: Flow = {
    id,
    name,
    description: input.description ?? '',
    folderId,
    active: false,
    data: newFlowData(id, folderId, ids),
    rest: null,
  };
  return ok({ workspace: { ...ws, flows: { ...ws.flows, [id]: flow } }, flow });
}

function updateFlow(ws: Workspace, id: FlowId, fn: (f: Flow) => Result<Flow>): Result<Workspace> {
  const flow = ws.flows[id];
  if (!flow) return flowNotFound(id);
  const next = fn(flow);
  if (!next.ok) return next;
  return ok({ ...ws, flows: { ...ws.flows, [id]: next.value } });
}

/** Sets a flow's name (unique in its folder) and description. */
export function setFlowProperties(
  ws: Workspace,
  id: FlowId,
  props: { name?: string; description?: string },
): Result<Workspace> {
  return updateFlow(ws, id, (f) => {
    let name = f.name;
    if (props.name !== undefined) {
      const clean = cleanName(props.name, 'flow');
      if (!clean.ok) return clean;
      if (nameClash(ws, f.folderId, clean.value, id))
        return fail(
          'FLOW_E002',
          `A flow named "${clean.value}" already exists in this folder — flow names must be unique in a folder.`,
        );
      name = clean.value;
    }
    const description = props.description ?? f.description;
    if (description.length > 5000)
      return fail('FLOW_E003', 'The description is longer than 5,000 characters — shorten it.');
    return ok({ ...f, name, description });
  });
}

/** Turns "Save all data that passes through the flow" on or off (`log` in the export). */
export function setSaveAllData(ws: Workspace, id: FlowId, on: boolean): Result<Workspace> {
  return updateFlow(ws, id, (f) =>
    ok(f.data.log === on ? f : { ...f, data: { ...f.data, log: on } }),
  );
}

/** Switches a flow ON or OFF. Okta's export does not carry this; imported flows arrive OFF. */
export function setActive(ws: Workspace, id: FlowId, on: boolean): Result<Workspace> {
  return updateFlow(ws, id, (f) => ok(f.active === on ? f : { ...f, active: on }));
}

/** Moves a flow to another folder; its name must be free there. */
export function moveFlow(ws: Workspace, id: FlowId, folderId: FolderId): Result<Workspace> {
  if (!ws.folders[folderId])
    return fail('FOLDER_E001', `Folder ${folderId} does not exist — reload the workspace.`);
  return updateFlow(ws, id, (f) => {
    if (f.folderId === folderId) return ok(f);
    if (nameClash(ws, folderId, f.name, id))
      return fail(
        'FLOW_E002',
        `A flow named "${f.name}" already exists in that folder — rename one first.`,
      );
    return ok({ ...f, folderId });
  });
}

/** Deletes a flow. */
export function deleteFlow(ws: Workspace, id: FlowId): Result<Workspace> {
  if (!ws.flows[id]) return flowNotFound(id);
  const flows = { ...ws.flows };
  delete flows[id];
  return ok({ ...ws, flows });
}

/** Applies a content edit to a flow and refreshes its list summary. */
export function editFlowContent(
  ws: Workspace,
  id: FlowId,
  edit: (data: RawFloData) => Result<RawFloData>,
): Result<Workspace> {
  return updateFlow(ws, id, (f) => {
    const next = edit(f.data);
    if (!next.ok) return next;
    return ok(next.value === f.data ? f : { ...f, data: refreshDisplay(next.value) });
  });
}

/** Flow-level settings implied by an event card. */
function settingsFor(
  card: RawMethod,
  scheduled: boolean,
): Partial<RawFloData> & { display: JsonObject } {
  const delegated = isDelegated(card);
  const api = isApiEndpoint(card);
  return {
    security_level: delegated ? 'high' : api ? 'medium' : null,
    scheduled,
    cron: scheduled ? DEFAULT_CRON : {},
    display: {
      isCallable: isCallable(card),
      ...(delegated || api ? { isPublishable: true } : {}),
    },
  };
}

/**
 * The security level a flow's event gives it when chosen (Delegated Flow: `high`, API Endpoint:
 * `medium`, others none), so a change of event need not be worded twice.
 */
export function eventSecurityLevel(data: RawFloData): string | null {
  const e = eventCardOf(data);
  return e ? (settingsFor(e, false).security_level ?? null) : null;
}

/** The schedule a new Scheduled Flow starts with: every day at 09:00 UTC. */
export const DEFAULT_CRON: JsonObject = formatCron(DEFAULT_SCHEDULE);

/**
 * Replaces the flow's event card (Delegated Flow, Helper Flow, Scheduled Flow, API Endpoint,
 * or the placeholder). The new card takes the old one's place in the sequence; mappings from
 * the old event are dropped. App events need Okta's event wrapper and are refused here.
 */
export function setEvent(
  data: RawFloData,
  card: RawMethod,
  opts: { scheduled?: boolean } = {},
): Result<RawFloData> {
  if (isAppEvent(card))
    return fail(
      'EVENT_E002',
      `"${card.node.data.name}" is an app event: it needs Okta's event wrapper — use setAppEvent.`,
    );
  if (!(isDelegated(card) || isCallable(card) || isApiEndpoint(card) || isNoop(card)))
    return fail('EVENT_E001', `"${card.node.data.name}" is not an event card.`);
  return replaceEvent(data, card, opts);
}

/**
 * What choosing `card` as the event does to the mappings from the current event: the outputs
 * whose mappings it keeps and those it drops (by name). Null when the flow has no event yet.
 */
export function eventChangePlan(
  data: RawFloData,
  card: RawMethod,
): { from: string; kept: string[]; dropped: string[] } | null {
  const old = eventCardOf(data);
  if (!old || isNoop(old)) return null;
  const { kept, dropped } = carryPins(old, card);
  // An app event starts a new wrapper: none of the old event's mappings follow it.
  if (isAppEvent(card))
    return { from: old.node.data.name, kept: [], dropped: [...kept, ...dropped] };
  return { from: old.node.data.name, kept, dropped };
}

/**
 * Puts `card` in the place of the flow's event card and sets the flow-level fields it
 * implies, without checking what kind of event it is (app events come through setAppEvent).
 */
export function replaceEvent(
  data: RawFloData,
  card: RawMethod,
  opts: { scheduled?: boolean } = {},
): Result<RawFloData> {
  const old = eventCardOf(data);
  if (!old) return fail('EVENT_E003', 'This flow has no event card to replace.');
  const scheduled = isCallable(card) && opts.scheduled === true;
  const orderings: RawFloData['orderings'] = {};
  for (const [id, [a, b]] of Object.entries(data.orderings))
    orderings[id] = [a === old.uuid ? card.uuid : a, b === old.uuid ? card.uuid : b];
  // Mappings from outputs the new event also has (same key) follow it; the rest are dropped.
  const carried = carryPins(old, card).card;
  const methods = data.methods.map((m) => (m.uuid === old.uuid ? carried : m));
  const settings = settingsFor(card, scheduled);
  const display = { ...data.display, isCallable: settings.display['isCallable'] === true };
  if ('isPublishable' in settings.display || 'isPublishable' in data.display)
    display.isPublishable = settings.display['isPublishable'] === true;
  return ok(
    refreshDisplay({
      ...data,
      display,
      methods,
      orderings,
      security_level: settings.security_level ?? null,
      scheduled,
      // Choosing Scheduled Flow again keeps the schedule the flow already has.
      cron: scheduled && data.scheduled ? data.cron : (settings.cron ?? {}),
    }),
  );
}
