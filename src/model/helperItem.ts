/**
 * Which helper input receives the current item of a list card (For Each, For Each - Ignore
 * Errors, Map, Filter, Reduce, Repeat). Okta marks it with `value.proxy.dynamic: true` on that
 * caller field, and `proxy.path` names the field of the item it takes ("" for the whole item).
 * The other caller fields get the same mapped or typed value on every iteration.
 */
import { defaultData } from './oktaTypes.ts';
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { CardId, FieldId } from './ids.ts';
import { dropPinsIntoInput, mappingInto } from './mapping.ts';
import type { Json, RawField, RawFloData, RawMethod, RawScope } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { cardIn, scopeAt, updateScope } from './scope.ts';

const ITEM_CARDS = new Set(['each', 'asyncEach', 'map', 'filter', 'reduce', 'times']);

/** True for the cards that hand each item of a list (or each count) to a helper flow. */
export const takesItems = (m: RawMethod): boolean =>
  m.address.startsWith('root:kernel:') && ITEM_CARDS.has(m.node.key);

/** The proxy object Okta writes on a list card's caller field. */
interface Proxy {
  dynamic: boolean;
  path: string | null;
  dest: { key: string; group: null };
}

const proxyOf = (f: RawField): Proxy | null => {
  const p = f.value.proxy;
  if (p === null || typeof p !== 'object' || Array.isArray(p)) return null;
  const o = p as Record<string, unknown>;
  return {
    dynamic: o['dynamic'] === true,
    path: typeof o['path'] === 'string' ? o['path'] : null,
    dest: { key: f.key, group: null },
  };
};

/** The caller fields of a card: one per helper input (`metadata.custom`). */
export const callerFields = (m: RawMethod): RawField[] =>
  Object.values(m.node.model.inputs.data).filter((f) => f.metadata.custom === true);

/** Where the current item goes: the helper input (by key and field id) and the item's field. */
export interface ItemRoute {
  field: FieldId;
  key: string;
  /** Okta's `proxy.path`: "" for the whole item, else a field of it ("ID", "Profile.Name"). */
  path: string;
}

/** The caller field fed by the current item, or null when no helper input receives it. */
export function itemRoute(m: RawMethod): ItemRoute | null {
  if (!takesItems(m)) return null;
  for (const f of callerFields(m)) {
    const p = proxyOf(f);
    if (p?.dynamic) return { field: f.id as FieldId, key: f.key, path: p.path ?? '' };
  }
  return null;
}

/** True when the field takes its value from the current item (so it shows no mapping). */
export function fedByItem(m: RawMethod, field: string): boolean {
  const f = m.node.model.inputs.data[field];
  return takesItems(m) && f !== undefined && proxyOf(f)?.dynamic === true;
}

/** Okta's empty value for the field's type: `""`, `0`, `{}` for an object, `[]` for a list. */
const emptyOf = (f: RawField): Json => defaultData(f.value.type, f.value.collection);

/**
 * Sends the current item (or the field of it at `itemPath`) to the helper input `key`, or to
 * none when `key` is null. The input fed by the item loses its mapping and typed value, since
 * Okta ignores both; every other caller field passes its own value again.
 */
export function setItemRoute(
  data: RawFloData,
  card: CardId,
  key: string | null,
  itemPath = '',
  path: ScopePath = [],
): Result<RawFloData> {
  const scope = scopeAt(data, path);
  const m = scope && cardIn(scope, card);
  if (!scope || !m) return fail('CARD_E002', `Card ${card} is not in this flow — reload it.`);
  if (!takesItems(m))
    return fail('HELPER_E004', `"${m.node.data.name}" does not hand list items to a helper flow.`);
  const fields = callerFields(m);
  const target = key === null ? null : (fields.find((f) => f.key === key) ?? null);
  if (key !== null && !target)
    return fail(
      'HELPER_E005',
      `"${m.node.data.name}" has no helper input "${key}" — choose the helper flow again.`,
    );
  const cleanPath = itemPath.trim();
  const current = itemRoute(m);
  if (
    (current === null && target === null) ||
    (current && target && current.field === target.id && current.path === cleanPath)
  )
    return ok(data);
  const inputs: Record<string, RawField> = {};
  for (const [id, f] of Object.entries(m.node.model.inputs.data)) {
    if (f.metadata.custom !== true || proxyOf(f) === null) {
      inputs[id] = f;
      continue;
    }
    const dynamic = target !== null && f.id === target.id;
    const proxy: Proxy = {
      dynamic,
      path: dynamic ? cleanPath : null,
      dest: { key: f.key, group: null },
    };
    inputs[id] = {
      ...f,
      value: {
        ...f.value,
        proxy,
        ...(dynamic ? { data: emptyOf(f) } : {}),
      },
    };
  }
  const model = { ...m.node.model, inputs: { ...m.node.model.inputs, data: inputs } };
  const updated: RawMethod = { ...m, node: { ...m.node, model } };
  return ok(
    updateScope(data, path, (s) => ({
      ...s,
      methods: s.methods.map((x) => {
        const own = x.uuid === card ? updated : x;
        return target ? dropPinsIntoInput(own, card, target.id) : own;
      }),
    })),
  );
}

/** The type of one item of the list a card iterates, as far as the list's source says. */
export function itemType(scope: RawScope, m: RawMethod): Json | null {
  const list = Object.values(m.node.model.inputs.data).find(
    (f) => f.key === 'list' && f.metadata.custom !== true,
  );
  if (!list) return null;
  const mapping = mappingInto(scope, m.uuid, list.id);
  const source = mapping && cardIn(scope, mapping.from.card);
  const out = mapping && source?.node.model.outputs.data[mapping.from.output];
  if (!out || !out.value.collection) return null;
  return out.value.type;
}

/**
 * The type at `path` ("Profile.Name" or "Profile" › "Name") inside a structured type
 * descriptor; `object` when the descriptor does not say, null when the path is not there.
 */
export function typeAtPath(type: Json, path: string): { type: string; collection: boolean } | null {
  if (path === '') return { type: typeof type === 'string' ? type : 'object', collection: false };
  if (typeof type === 'string')
    return type === 'object' ? { type: 'object', collection: false } : null;
  let here: Json = type;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    if (here === null || typeof here !== 'object' || Array.isArray(here)) return null;
    const entry: Json | undefined = here[parts[i] ?? ''];
    if (entry === undefined || entry === null || typeof entry !== 'object' || Array.isArray(entry))
      return null;
    const t: Json | undefined = entry['type'];
    const collection = entry['collection'] === true;
    if (i === parts.length - 1) return { type: typeof t === 'string' ? t : 'object', collection };
    if (typeof t === 'string') return t === 'object' ? { type: 'object', collection: false } : null;
    here = t ?? null;
  }
  return null;
}
