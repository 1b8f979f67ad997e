/**
 * Okta (and other connector) events: Okta's console wraps the visible flow in a "For Each -
 * Ignore Errors" card fed by the event's list of events, with the flow inside as an inline
 * flow whose Helper Flow event is named after the event and has one `Output` field per event
 * attribute. Setting an app event builds that wrapper (moving the flow's cards inside);
 * setting another event on such a flow unwraps it again.
 */
import { isAppEvent, isExpand } from './cardRoles.ts';
import type { Catalog } from './catalog.ts';
import { createCard } from './catalog.ts';
import type { Result } from './errors.ts';
import { fail } from './errors.ts';
import { eventCardOf, replaceEvent } from './flows.ts';
import type { CardId, IdSource } from './ids.ts';
import { freshId, randomIds } from './ids.ts';
import type { Json, RawField, RawFloData, RawInlineFlo, RawMethod, RawScope } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { allCardIds, inlineFlows } from './scope.ts';
import { sequenceOf } from './sequence.ts';

const TREE = {
  id: 2,
  name: 'empty',
  description: 'This flow has been build w/o a tree and uses the newer, async, Addressing module.',
};

/** The wrapper card of an app-event flow and the scope path of the flow inside it, if any. */
export function appEventWrapper(
  data: RawFloData,
): { card: RawMethod; path: ScopePath; inner: RawInlineFlo } | null {
  const event = eventCardOf(data);
  if (!event || !isAppEvent(event)) return null;
  const wrapper = data.methods.find((m) => m.node.key === 'asyncEach' && inlineFlows(m).length > 0);
  const entry = wrapper ? inlineFlows(wrapper)[0] : undefined;
  if (!wrapper || !entry) return null;
  return {
    card: wrapper,
    path: [{ card: wrapper.uuid as CardId, slot: entry.slot }],
    inner: entry.flo,
  };
}

/** The attributes of an event, from the type of its `collection` output ({Output: {...}}). */
function attributes(event: RawMethod): [string, Json][] {
  const collection = Object.values(event.node.model.outputs.data).find(
    (f) => f.key === 'collection',
  );
  const type = collection?.value.type;
  const output =
    type && typeof type === 'object' && !Array.isArray(type) ? type['Output'] : undefined;
  const inner =
    output && typeof output === 'object' && !Array.isArray(output) ? output['type'] : undefined;
  if (!inner || typeof inner !== 'object' || Array.isArray(inner)) return [];
  return Object.entries(inner).map(([key, d]) => [
    key,
    d && typeof d === 'object' && !Array.isArray(d) ? (d['type'] ?? 'string') : 'string',
  ]);
}

function field(
  id: string,
  group: string,
  key: string,
  type: Json,
  index: number,
  input: boolean,
  displayname?: string,
): RawField {
  const f: RawField = {
    id,
    group,
    key,
    value: { error: false, type, collection: false, data: null, available: [] },
    ref: false,
    metadata: displayname ? { displayname, index } : { index },
  };
  return input ? { ...f, required: false, flags: 'd' } : f;
}

/** The inline flow's event: a Helper Flow card named after the event, one field per attribute. */
function innerEvent(
  catalog: Catalog,
  event: RawMethod,
  taken: Set<string>,
  ids: IdSource,
): RawMethod {
  const base = createCard(catalog, 'root:kernel:control:callable', taken, ids);
  const used = new Set<string>();
  const make = (input: boolean): Record<string, RawField> => {
    const out: Record<string, RawField> = {};
    const add = (f: (id: string) => RawField): void => {
      const id = freshId(used, () => ids.short());
      used.add(id);
      out[id] = f(id);
    };
    add((id) => field(id, 'context', 'execution_id', 'string', 0, input, 'Execution ID'));
    attributes(event).forEach(([key, type], i) =>
      add((id) => field(id, 'Output', key, type, i + 1, input)),
    );
    return out;
  };
  const name = event.node.data.name;
  const model = base.node.model;
  return {
    ...base,
    node: {
      ...base.node,
      data: { ...base.node.data, name },
      model: {
        ...model,
        metadata: { ...model.metadata, name },
        inputs: { ...model.inputs, rules: { '*': { collection: false } }, data: make(true) },
        outputs: { ...model.outputs, data: make(false) },
      },
    },
  };
}

/** Cards of a scope after its event, with the edges among them (the event's edges dropped). */
function body(
  scope: RawScope,
  event: string,
): { methods: RawMethod[]; orderings: RawScope['orderings']; first: string | null } {
  const fromEvent = new Set(
    scope.methods
      .filter(
        (m) =>
          isExpand(m) &&
          Object.values(scope.orderings).some(([a, b]) => a === event && b === m.uuid),
      )
      .map((m) => m.uuid),
  );
  const gone = new Set([event, ...fromEvent]);
  const first = sequenceOf(scope).next.get(event) ?? null;
  const methods = scope.methods
    .filter((m) => !gone.has(m.uuid))
    .map((m) => ({
      ...m,
      pins: Object.fromEntries(
        Object.entries(m.pins)
          .map(
            ([o, t]) =>
              [o, Object.fromEntries(Object.entries(t).filter(([c]) => !gone.has(c)))] as const,
          )
          .filter(([, t]) => Object.keys(t).length),
      ),
    }));
  const orderings = Object.fromEntries(
    Object.entries(scope.orderings).filter(([, [a, b]]) => !gone.has(a) && !gone.has(b)),
  ) as RawScope['orderings'];
  return { methods, orderings, first };
}

/** Sets an app event (e.g. Okta "User Suspended") as the flow's event, building the wrapper. */
export function setAppEvent(
  data: RawFloData,
  event: RawMethod,
  catalog: Catalog,
  ids: IdSource = randomIds,
): Result<RawFloData> {
  if (!isAppEvent(event))
    return fail('EVENT_E004', `"${event.node.data.name}" is not an app event.`);
  const current = appEventWrapper(data);
  // The flow's own cards (inside the old wrapper, or after the old event) move into the new one.
  const source: RawScope = current ? current.inner : data;
  const oldEvent = sequenceOf(source).event;
  if (!oldEvent) return fail('EVENT_E003', 'This flow has no event card to replace.');
  const taken = allCardIds(data);
  taken.add(event.uuid);
  const moved = body(source, oldEvent);
  const callable = innerEvent(catalog, event, taken, ids);
  taken.add(callable.uuid);
  const edgeIds = new Set(Object.keys(moved.orderings));
  const edge = (): string => {
    const id = freshId(edgeIds, () => ids.short());
    edgeIds.add(id);
    return id;
  };
  const innerOrderings: RawScope['orderings'] = { ...moved.orderings };
  if (moved.first) innerOrderings[edge()] = [callable.uuid, moved.first];
  const flowId = ids.uuid();
  const inline: RawInlineFlo = {
    id: flowId,
    uuid: flowId,
    display: {},
    tree: TREE,
    methods: [callable, ...moved.methods],
    model: {},
    orderings: innerOrderings,
    security_level: null,
    log: false,
    inheritLog: false,
    group: null,
  };
  const wrapper = createCard(catalog, 'root:kernel:list:asyncEach', taken, ids);
  const fields = wrapper.node.model.inputs.data;
  const listId = Object.values(fields).find((f) => f.key === 'list')?.id;
  const withInline: RawMethod = {
    ...wrapper,
    node: {
      ...wrapper.node,
      model: {
        ...wrapper.node.model,
        inputs: {
          ...wrapper.node.model.inputs,
          data: Object.fromEntries(
            Object.entries(fields).map(([k, f]) => [
              k,
              f.key === 'flo'
                ? { ...f, value: { ...f.value, data: inline as unknown as Json } }
                : f,
            ]),
          ),
        },
      },
    },
  };
  const collection = Object.values(event.node.model.outputs.data).find(
    (f) => f.key === 'collection',
  );
  const pinnedEvent: RawMethod =
    collection && listId
      ? {
          ...event,
          pins: { [collection.id]: { [withInline.uuid]: [{ input: listId, transform: null }] } },
          node: {
            ...event.node,
            model: {
              ...event.node.model,
              outputs: {
                ...event.node.model.outputs,
                data: {
                  ...event.node.model.outputs.data,
                  [collection.id]: { ...collection, _used: true },
                },
              },
            },
          },
        }
      : event;
  // The top level becomes: the app event, then the wrapper.
  const placeholder = eventCardOf(data);
  if (!placeholder) return fail('EVENT_E003', 'This flow has no event card to replace.');
  const top: RawFloData = {
    ...data,
    methods: [placeholder, withInline],
    orderings: { [freshId(new Set(), () => ids.short())]: [placeholder.uuid, withInline.uuid] },
  };
  return replaceEvent(top, pinnedEvent);
}

/** Takes the cards out of an app-event wrapper: they follow the new (non-app) event directly. */
export function unwrapAppEvent(data: RawFloData): RawFloData {
  const current = appEventWrapper(data);
  const event = eventCardOf(data);
  if (!current || !event) return data;
  const innerEventId = sequenceOf(current.inner).event;
  if (!innerEventId) return data;
  const moved = body(current.inner, innerEventId);
  const orderings: RawScope['orderings'] = { ...moved.orderings };
  if (moved.first)
    orderings[freshId(new Set(Object.keys(orderings)), () => randomIds.short())] = [
      event.uuid,
      moved.first,
    ];
  return { ...data, methods: [event, ...moved.methods], orderings };
}
