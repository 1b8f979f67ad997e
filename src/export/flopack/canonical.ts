/**
 * The canonical text of a flopack (`flopack fmt`): one deterministic form, so the same content
 * always gives the same bytes whatever order Okta or an editor wrote it in, and git diffs show
 * only real changes. The rules are documented in docs/format.md:
 * - the envelope keeps Okta's order (`type, version, created, flags, data`, other keys sorted,
 *   `checksum` last) and so does `data` (`flos, configs, tables, groups, projectOverview`);
 * - flows, connections, tables and folders are ordered by name, then id;
 * - a flow record is `id, name, description, data`, and a connection placeholder `id, name,
 *   module, data` (Okta's own orders), then any other key sorted;
 * - every other object has its keys in code-unit order; arrays keep their order (it is content);
 * - two-space indentation, non-ASCII characters unescaped, one final newline.
 * Only key and entry order and whitespace change: every value, id and array is kept.
 */
import type { Result } from '../../model/errors.ts';
import { parseFlopackText, readFlopack } from './read.ts';
import type { ReadOptions } from './read.ts';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const ENVELOPE = ['type', 'version', 'created', 'flags', 'data'];
const DATA = ['flos', 'configs', 'tables', 'groups', 'projectOverview'];
const FLOW = ['id', 'name', 'description', 'data'];
const CONFIG = ['id', 'name', 'module', 'data'];

/** Keys in `first` order (those present), then the rest sorted, then `last` ones. */
function orderedKeys(o: Obj, first: readonly string[], last: readonly string[] = []): string[] {
  const keys = Object.keys(o);
  const fixed = new Set([...first, ...last]);
  return [
    ...first.filter((k) => Object.hasOwn(o, k)),
    ...keys.filter((k) => !fixed.has(k)).sort(byCodeUnit),
    ...last.filter((k) => Object.hasOwn(o, k)),
  ];
}

const indexOf = (field: unknown): number => {
  const meta = isObj(field) ? field.metadata : undefined;
  const index = isObj(meta) ? meta.index : undefined;
  return typeof index === 'number' && Number.isFinite(index) ? index : Number.POSITIVE_INFINITY;
};

const fieldSortKey = (field: unknown): string =>
  isObj(field) ? `${text(field.group)}\u0000${text(field.key)}` : '';

/**
 * A card's input or output fields are a map by field id whose order is content: the studio
 * (like Okta's console) reads If/ElseIf arms and field lists in that order. Their canonical
 * order is `metadata.index`, then group, key and id for fields without an index.
 */
function fieldKeys(o: Obj): string[] {
  return Object.keys(o).sort(
    (a, b) =>
      indexOf(o[a]) - indexOf(o[b]) ||
      byCodeUnit(fieldSortKey(o[a]), fieldSortKey(o[b])) ||
      byCodeUnit(a, b),
  );
}

// readFlopack has already limited the depth to MAX_DEPTH, so this recursion is bounded.
function sortDeep(v: unknown, key = '', parentKey = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => sortDeep(x));
  if (!isObj(v)) return v;
  const fields = key === 'data' && (parentKey === 'inputs' || parentKey === 'outputs');
  const keys = fields ? fieldKeys(v) : orderedKeys(v, []);
  return Object.fromEntries(keys.map((k) => [k, sortDeep(v[k], k, key)]));
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A map of records ordered by a name-like sort key, then by map key. */
function recordMap(
  map: unknown,
  sortKey: (record: Obj) => string,
  record: (r: unknown) => unknown,
) {
  if (!isObj(map)) return sortDeep(map);
  const entries = Object.entries(map).map(([k, r]) => ({
    k,
    s: isObj(r) ? sortKey(r) : '',
    r,
  }));
  entries.sort((a, b) => byCodeUnit(a.s, b.s) || byCodeUnit(a.k, b.k));
  return Object.fromEntries(entries.map((e) => [e.k, record(e.r)]));
}

/** A record whose leading keys keep Okta's order (`first`), the rest sorted. */
const recordIn =
  (first: readonly string[]) =>
  (r: unknown): unknown => {
    if (!isObj(r)) return sortDeep(r);
    return Object.fromEntries(orderedKeys(r, first).map((k) => [k, sortDeep(r[k], k)]));
  };

const flowRecord = recordIn(FLOW);
// Okta writes a connection placeholder as `id, name, module, data`: a formatted export
// carries its connections exactly as Okta's own exports do.
const configRecord = recordIn(CONFIG);

const folderPath = (g: Obj): string => {
  const d = isObj(g.data) ? g.data : {};
  return `${text(d.path)}\u0000${text(d.name)}`;
};

/** The canonical form of a parsed flopack document (any JSON value is accepted). */
export function canonicalFlopack(doc: unknown): string {
  if (!isObj(doc)) return `${JSON.stringify(sortDeep(doc), null, 2)}\n`;
  const top = Object.fromEntries(
    orderedKeys(doc, ENVELOPE, ['checksum']).map((k) => {
      const v = doc[k];
      if (k !== 'data' || !isObj(v)) return [k, sortDeep(v)];
      const data = Object.fromEntries(
        orderedKeys(v, DATA).map((dk) => {
          const section = v[dk];
          if (dk === 'flos') return [dk, recordMap(section, (f) => text(f.name), flowRecord)];
          if (dk === 'configs')
            return [
              dk,
              recordMap(section, (c) => `${text(c.module)}\u0000${text(c.name)}`, configRecord),
            ];
          if (dk === 'tables') return [dk, recordMap(section, (t) => text(t.name), sortDeep)];
          if (dk === 'groups') return [dk, recordMap(section, folderPath, sortDeep)];
          return [dk, sortDeep(section)];
        }),
      );
      return [k, data];
    }),
  );
  return `${JSON.stringify(top, null, 2)}\n`;
}

/** Reads flopack text and returns its canonical form; an invalid flopack is refused. */
export function formatFlopackText(input: string, opts: ReadOptions = {}): Result<string> {
  const parsed = parseFlopackText(input, opts.maxBytes);
  if (!parsed.ok) return parsed;
  const read = readFlopack(parsed.value);
  if (!read.ok) return read;
  return { ok: true, value: canonicalFlopack(parsed.value) };
}
