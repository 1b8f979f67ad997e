/**
 * The card catalog: one canonical template per card seen in real exports, and the function
 * that turns a template into a new card with fresh ids, key for key the shape Okta writes.
 */
import type { IdSource } from './ids.ts';
import { freshId, randomIds } from './ids.ts';
import type { DocumentedField } from './oktaTypes.ts';
import { compareVersions, DOCUMENTED_FIELDS, DOCUMENTED_OUTPUTS } from './oktaTypes.ts';
import type { Json, RawMethod } from './raw.ts';

/** A card the palette offers. `id` is the address without version. */
export interface CatalogCard {
  id: string;
  version: string;
  app: string;
  appLabel: string;
  category: string;
  isFunction: boolean;
  title: string;
  description: string | null;
  kind: 'event' | 'action' | 'function' | 'control';
  isEvent: boolean;
  hidden: boolean;
  popularity: number;
  template: unknown;
}

/** The catalog, indexed by unversioned address. */
export interface Catalog {
  cards: readonly CatalogCard[];
  byId: ReadonlyMap<string, CatalogCard>;
}

/**
 * Builds the index over a list of catalog cards. New cards of one connector app all take the
 * app's newest version seen (as a flow built today in the console does), and cards whose corpus
 * instances were trimmed declare Okta's documented full output type.
 */
export function makeCatalog(cards: readonly CatalogCard[]): Catalog {
  const newest = new Map<string, string>();
  for (const c of cards) {
    if (!c.id.startsWith('root:channels:')) continue;
    const was = newest.get(c.app);
    if (was === undefined || compareVersions(c.version, was) > 0) newest.set(c.app, c.version);
  }
  const fixed = cards.map((c) => {
    const version = c.id.startsWith('root:channels:')
      ? (newest.get(c.app) ?? c.version)
      : c.version;
    const outputs = DOCUMENTED_OUTPUTS[c.id];
    const fields = DOCUMENTED_FIELDS[c.id];
    if (version === c.version && !outputs && !fields) return c;
    const template = retemplate(c, version, outputs);
    return { ...c, version, template: fields ? withFields(template, fields) : template };
  });
  return { cards: fixed, byId: new Map(fixed.map((c) => [c.id, c])) };
}

type Obj = { [key: string]: Json };
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});

/** A template at another connector version, with documented output types filled in. */
function retemplate(
  c: CatalogCard,
  version: string,
  outputs: Record<string, Json> | undefined,
): unknown {
  const t = structuredClone(c.template) as Obj;
  const address = typeof t['address'] === 'string' ? t['address'] : '';
  t['address'] = address.replace(`:${c.version}:`, `:${version}:`);
  const parents = obj(t['parents']);
  const v = obj(parents['version']);
  if (typeof v['address'] === 'string') {
    v['address'] = v['address'].replace(`:${c.version}`, `:${version}`);
    v['key'] = version;
    v['data'] = { ...obj(v['data']), name: version };
  }
  if (outputs) {
    const data = obj(obj(obj(obj(obj(t['node'])['model'])['outputs'])['data']));
    for (const field of Object.values(data)) {
      const fo = obj(field);
      const key = fo['key'];
      const type = typeof key === 'string' ? outputs[key] : undefined;
      if (type !== undefined) fo['value'] = { ...obj(fo['value']), type };
    }
  }
  return t;
}

/**
 * A template with documented fields added after its own, on both sides (the event cards that
 * have them mirror inputs as outputs), each under a placeholder id of its own.
 */
function withFields(template: unknown, fields: readonly DocumentedField[]): unknown {
  const t = structuredClone(template) as Obj;
  const model = obj(obj(t['node'])['model']);
  for (const [io, letter] of [
    ['inputs', 'I'],
    ['outputs', 'O'],
  ] as const) {
    const side = obj(model[io]);
    const data = obj(side['data']);
    const taken = Object.keys(data);
    let index = Object.values(data).length;
    let n = 900;
    for (const f of fields) {
      if (Object.values(data).some((x) => obj(x)['key'] === f.key && obj(x)['group'] === f.group))
        continue;
      while (taken.includes(`$${letter}${n}`)) n++;
      const id = `$${letter}${n++}`;
      const field: Obj = {
        id,
        group: f.group,
        key: f.key,
        value: { error: false, type: f.type, collection: false, data: null, available: [] },
        ref: false,
        metadata: { displayname: f.displayname, index: index++ },
      };
      data[id] = io === 'inputs' ? { ...field, required: false, flags: 'd' } : field;
    }
    side['data'] = data;
    model[io] = side;
  }
  return t;
}

const PLACEHOLDER = /^\$(M|I|O|FLO|EDGE)(\d+)$/;

/**
 * Instantiates a template: every placeholder (`$M0`, `$I3`, `$FLO0`, …) becomes a fresh id,
 * consistently in keys and values. Card ids avoid `taken` (the flow's existing card ids).
 */
export function instantiate(
  template: unknown,
  taken: ReadonlySet<string> = new Set(),
  ids: IdSource = randomIds,
): RawMethod {
  const map = new Map<string, string>();
  const used = new Set(taken);
  const replace = (s: string): string => {
    const m = PLACEHOLDER.exec(s);
    if (!m) return s;
    let id = map.get(s);
    if (id === undefined) {
      id = m[1] === 'FLO' ? ids.uuid() : freshId(used, () => ids.short());
      used.add(id);
      map.set(s, id);
    }
    return id;
  };
  const clone = (v: unknown): unknown => {
    if (typeof v === 'string') return replace(v);
    if (Array.isArray(v)) return v.map(clone);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[replace(k)] = clone(x);
      return out;
    }
    return v;
  };
  return clone(template) as RawMethod;
}

/** Error when a card address is not in the catalog. */
export class UnknownCardError extends Error {
  override name = 'UnknownCardError';
}

/** Creates a new card from the catalog (fresh ids, unique among `taken`). */
export function createCard(
  catalog: Catalog,
  id: string,
  taken: ReadonlySet<string> = new Set(),
  ids: IdSource = randomIds,
): RawMethod {
  const entry = catalog.byId.get(id);
  if (!entry) throw new UnknownCardError(`CARD_E001: no card "${id}" in the catalog`);
  return instantiate(entry.template, taken, ids);
}
