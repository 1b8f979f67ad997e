/**
 * How Okta writes the fields a card passes to a helper flow (For Each, For Each - Ignore
 * Errors, Map, Filter, Reduce, Repeat, Call Flow, Call Flow Async), as measured on every such
 * field of the real exports: the same keys in the same order, no `ref`, a proxy on list cards
 * only, and the type's empty value — `{}` for an object, never null.
 */
import { callsHelper } from '../src/model/helperCalls.ts';
import type { Json, RawField, RawMethod, RawScope } from '../src/model/raw.ts';
import { forEachScope } from '../src/model/scope.ts';

const FIELD_KEYS = 'id,group,key,value,required,ref,metadata,flags';
const VALUE_KEYS = 'error,proxy,check,type,collection,data,available';
/** Metadata the console adds when an author edits a field's label or type. */
const AUTHOR_METADATA = new Set(['displayname', 'description', 'ghost', 'typeLocked', 'optional']);

const isObject = (v: Json | undefined): v is { [k: string]: Json } =>
  v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);

/** What kind of value a field holds: text, number, boolean, object, list or null. */
export function dataKind(v: Json | undefined): string {
  if (v === undefined || v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** The kind of value Okta writes for a type: `{}` for objects, `[]` for lists. */
function expectedKind(type: Json, collection: boolean): string | null {
  if (collection) return 'list';
  if (type === 'string') return 'string';
  if (type === 'number') return 'number';
  if (type === 'object' || isObject(type)) return 'object';
  return null; // boolean and Date: no corpus instance says
}

/** True for the cards that pass one value per list item (their caller fields carry a proxy). */
export const isListCaller = (m: RawMethod): boolean =>
  m.node.key !== 'spawn' && m.node.key !== 'run';

/** The fields a card passes to its helper. */
export const callerFieldsOf = (m: RawMethod): RawField[] =>
  Object.values(m.node.model.inputs.data).filter((f) => f.metadata.custom === true);

/**
 * Where one caller field differs from the way Okta writes caller fields (empty: none). A field
 * the console marked `error` (its helper input is gone) is left alone.
 */
export function callerFieldProblems(m: RawMethod, f: RawField): string[] {
  const out: string[] = [];
  if (f.value.error === true) return out;
  const say = (what: string) => out.push(`${m.node.data.name} · ${f.key}: ${what}`);
  if (Object.keys(f).join(',') !== FIELD_KEYS) say(`keys ${Object.keys(f).join(',')}`);
  if (Object.keys(f.value).join(',') !== VALUE_KEYS)
    say(`value keys ${Object.keys(f.value).join(',')}`);
  if (f.group !== null || f.ref !== false || f.required !== false || f.flags !== 'd')
    say(`group/ref/required/flags ${JSON.stringify([f.group, f.ref, f.required, f.flags])}`);
  const meta = Object.keys(f.metadata);
  const core = isListCaller(m) ? ['index', 'custom'] : ['index', 'custom', 'transient'];
  if (typeof f.metadata.index !== 'number' || f.metadata.custom !== true)
    say(`metadata ${JSON.stringify(f.metadata)}`);
  if (!isListCaller(m) && f.metadata.transient !== true) say('metadata without transient');
  for (const k of meta) if (!core.includes(k) && !AUTHOR_METADATA.has(k)) say(`metadata key ${k}`);
  const proxy = f.value.proxy as Json | undefined;
  if (isListCaller(m)) {
    const p = isObject(proxy) ? proxy : null;
    const okPath =
      p && (p['dynamic'] === true ? typeof p['path'] === 'string' : p['path'] === null);
    const dest = p && p['dest'];
    if (!p || !okPath || !isObject(dest) || dest['key'] !== f.key || dest['group'] !== null)
      say(`proxy ${JSON.stringify(proxy)}`);
  } else if (proxy !== false) say(`proxy ${JSON.stringify(proxy)}`);
  const kind = expectedKind(f.value.type, f.value.collection);
  if (kind !== null && dataKind(f.value.data) !== kind)
    say(`data ${JSON.stringify(f.value.data)} where Okta writes a ${kind}`);
  return out;
}

/** Every caller-field difference from Okta's way in a flow, inline flows included. */
export function callerProblemsIn(root: RawScope): string[] {
  const out: string[] = [];
  forEachScope(root, (s) => {
    for (const m of s.methods)
      if (callsHelper(m)) for (const f of callerFieldsOf(m)) out.push(...callerFieldProblems(m, f));
  });
  return out;
}
