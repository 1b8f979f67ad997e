/** Test data builders: workspaces and flows authored through model operations only. */
import { catalog } from '../src/catalog/index.ts';
import { createCard } from '../src/model/catalog.ts';
import { unwrap } from '../src/model/errors.ts';
import { createFolder } from '../src/model/folders.ts';
import { createFlow, editFlowContent, setEvent } from '../src/model/flows.ts';
import type { CardId, FieldId, FlowId, FolderId } from '../src/model/ids.ts';
import { seededIds } from '../src/model/ids.ts';
import { insertCard } from '../src/model/insert.ts';
import type { InsertAt } from '../src/model/positions.ts';
import type { Json, RawFloData, RawMethod } from '../src/model/raw.ts';
import { setInputValue } from '../src/model/cards.ts';
import { mapField } from '../src/model/mapping.ts';
import type { ScopePath } from '../src/model/scope.ts';
import { allCardIds, inlineFlows, scopeAt } from '../src/model/scope.ts';
import type { Workspace } from '../src/model/workspace.ts';
import { checkFlopack } from '../src/export/flopack/check.ts';
import { cardsInOrder } from '../src/model/insert.ts';
import { sequenceOf } from '../src/model/sequence.ts';
import { emptyWorkspace } from '../src/model/workspace.ts';
import type { Flow } from '../src/model/workspace.ts';
import { planImport } from '../src/model/importPack.ts';
import type { TemplateOptions } from '../src/model/templates.ts';
import { buildTemplate } from '../src/model/templates.ts';
import { addEventInput, setEventInputKeys } from '../src/model/eventInputs.ts';

export { catalog };

/** Deep-freezes a value so a test fails if an operation mutates its input. */
export function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** A workspace with one folder, "Entity Risk". */
export function makeWorkspace(seed = 1): { ws: Workspace; folderId: FolderId } {
  const ids = seededIds(seed);
  const made = unwrap(createFolder(emptyWorkspace(), { name: 'Entity Risk', parentId: null }, ids));
  return { ws: made.workspace, folderId: made.folder.id };
}

/** A new card from the catalog, unique in `data`. */
export function card(data: RawFloData, id: string, seed = 7): RawMethod {
  return createCard(catalog, id, allCardIds(data), seededIds(seed + data.methods.length * 31));
}

/** Inserts a catalog card and returns the new content and the card id. */
export function add(
  data: RawFloData,
  id: string,
  at: InsertAt = { kind: 'end' },
): { data: RawFloData; id: CardId } {
  const c = card(data, id);
  const r = unwrap(insertCard(data, at, c, { catalog, ids: seededIds(data.methods.length + 99) }));
  return { data: r.data, id: r.card };
}

/** The id of a card's field by key. */
export function fieldId(m: RawMethod | undefined, io: 'inputs' | 'outputs', key: string): FieldId {
  const f = m && Object.values(m.node.model[io].data).find((x) => x.key === key);
  if (!f) throw new Error(`no ${io} field ${key}`);
  return f.id as FieldId;
}

/** A card of a flow by uuid. */
export const cardById = (data: RawFloData, id: string): RawMethod | undefined =>
  data.methods.find((m) => m.uuid === id);

/** A flow named `name` in a new workspace, with a Delegated Flow event. */
export function makeDelegatedFlow(
  name = 'Risk Policy - Low (Notify)',
  seed = 3,
): {
  ws: Workspace;
  flowId: FlowId;
  folderId: FolderId;
} {
  const { ws, folderId } = makeWorkspace();
  const made = unwrap(createFlow(ws, folderId, { name }, seededIds(2)));
  const flowId = made.flow.id;
  const withEvent = unwrap(
    editFlowContent(made.workspace, flowId, (d) =>
      setEvent(
        d,
        createCard(catalog, 'root:kernel:http:delegated', allCardIds(d), seededIds(seed)),
      ),
    ),
  );
  return { ws: withEvent, flowId, folderId };
}

/** References to other flows, tables and connections: out of scope for one flow's checks. */
const ELSEWHERE = new Set(['FLOPACK_E018', 'FLOPACK_E019', 'FLOPACK_E020']);

/**
 * The integrity problems of one flow's content (as a one-flow flopack would have them), plus
 * any card the sequence does not reach. [] means the flow is well formed.
 */
export function flowProblems(data: RawFloData): string[] {
  const doc = {
    type: 'flopack',
    version: '1.5.0',
    created: '2026-01-01T00:00:00.000Z',
    flags: {},
    data: {
      flos: { [data.uuid]: { id: data.uuid, name: 'x', description: '', data } },
      configs: {},
      tables: {},
      groups: {},
    },
  };
  const loose = sequenceOf(data).loose.map((id) => `loose card ${id}`);
  return checkFlopack(doc)
    .filter((p) => !ELSEWHERE.has(p.code))
    .map((p) => `${p.code} ${p.message}`)
    .concat(loose);
}

/** The titles of a flow's visible cards in execution order. */
export const titles = (d: RawFloData): string[] => cardsInOrder(d).map((m) => m.node.data.name);

/** Sets an input of a card (by key) to a literal value, through the model. */
export function withValue(data: RawFloData, card: string, key: string, value: Json): RawFloData {
  return unwrap(
    setInputValue(data, card as CardId, fieldId(cardById(data, card), 'inputs', key), value),
  );
}

/**
 * Delegated Flow → Read User (fed the Okta User ID) → If Error, with Suspend User in its Try
 * arm. `path` addresses the Try arm.
 */
export function readUserThenIfError(): {
  ws: Workspace;
  flowId: FlowId;
  data: RawFloData;
  read: CardId;
  container: CardId;
  path: ScopePath;
  suspend: CardId;
} {
  const { ws, flowId } = makeDelegatedFlow();
  const d0 = ws.flows[flowId]?.data as RawFloData;
  const event = d0.methods[0]?.uuid as CardId;
  const read = add(d0, 'root:channels:http:okta:readUser');
  let d = unwrap(
    mapField(read.data, {
      from: { card: event, output: fieldId(cardById(read.data, event), 'outputs', 'okta-user-id') },
      to: { card: read.id, input: fieldId(cardById(read.data, read.id), 'inputs', 'ID or Login') },
    }),
  );
  const tc = add(d, 'root:kernel:control:tryCatch');
  d = tc.data;
  const slot = inlineFlows(cardById(d, tc.id)!).find((e) => e.slot.kind === 'input')!.slot;
  const path: ScopePath = [{ card: tc.id, slot }];
  const tryEvent = sequenceOf(scopeAt(d, path)!).event as CardId;
  const suspend = add(d, 'root:channels:http:okta:suspendUser', {
    kind: 'after',
    card: tryEvent,
    path,
  });
  return {
    ws,
    flowId,
    data: suspend.data,
    read: read.id,
    container: tc.id,
    path,
    suspend: suspend.id,
  };
}

/** The content of `makeDelegatedFlow()`'s flow: a Delegated Flow event and nothing else. */
export const delegatedFlowData = (): RawFloData => {
  const { ws, flowId } = makeDelegatedFlow();
  return ws.flows[flowId]?.data as RawFloData;
};

/** A template's flows placed in the "Entity Risk" folder, as the Templates dialog places them. */
export function placeTemplate(id: string, opts: TemplateOptions = {}, seed = 5) {
  const { ws, folderId } = makeWorkspace();
  const built = unwrap(buildTemplate(catalog, id, seededIds(seed), opts));
  return unwrap(planImport(ws, built, folderId));
}

/** The quarantine template placed in a workspace: its main flow and its helper. */
export function quarantineFlows(atRiskGroupId: string): {
  ws: Workspace;
  main: Flow;
  helper: Flow;
} {
  const plan = placeTemplate('quarantine', { atRiskGroupId });
  const flows = Object.values(plan.workspace.flows);
  return {
    ws: plan.workspace,
    main: flows.find((f) => f.name === 'Risk Policy - High (Quarantine)')!,
    helper: flows.find((f) => f.name === 'Remove user from group')!,
  };
}

/**
 * A helper flow "Remove user from group": Helper Flow (Group with keys ID, Type, Profile.Name;
 * User ID) → Continue If (Type == OKTA_GROUP) → Remove User from Group. Its content is frozen.
 * `input(card, key, group?)` finds a card's input by key (and group, where keys repeat).
 */
export function groupHelperFlow() {
  const { ws, folderId } = makeWorkspace();
  const made = unwrap(createFlow(ws, folderId, { name: 'Remove user from group' }, seededIds(4)));
  let data = unwrap(
    editFlowContent(made.workspace, made.flow.id, (d) =>
      setEvent(d, createCard(catalog, 'root:kernel:control:callable', allCardIds(d), seededIds(5))),
    ),
  ).flows[made.flow.id]?.data as RawFloData;
  data = unwrap(addEventInput(data, { name: 'Group', type: 'object' }, seededIds(8))).data;
  data = unwrap(addEventInput(data, { name: 'User ID', type: 'string' }, seededIds(9))).data;
  data = unwrap(setEventInputKeys(data, 'Group', ['ID', 'Type', 'Profile.Name']));
  const guard = add(data, 'root:kernel:control:continueIf');
  data = withValue(guard.data, guard.id, 'operator', '==');
  data = withValue(data, guard.id, 'right-operand', 'OKTA_GROUP');
  const remove = add(data, 'root:channels:http:okta:removeUserFromGroup');
  data = remove.data;
  const event = data.methods[0] as RawMethod;
  const input = (card: CardId, key: string, group?: string): FieldId => {
    const f = Object.values(cardById(data, card)!.node.model.inputs.data).find(
      (x) => x.key === key && (group === undefined || x.group === group),
    );
    if (!f) throw new Error(`no input ${key}`);
    return f.id as FieldId;
  };
  return {
    ws: made.workspace,
    flowId: made.flow.id,
    data: deepFreeze(data),
    event: event.uuid as CardId,
    group: fieldId(event, 'outputs', 'Group'),
    user: fieldId(event, 'outputs', 'User ID'),
    guard: guard.id,
    remove: remove.id,
    input,
  };
}
