/**
 * A card reading a field the source's output type does not declare (`id` from a group record
 * whose fields are `ID`, `Type`, `Profile`…) gets nothing in Okta: the value arrives empty and
 * the cards after it fail. Checked where the source declares a structured type.
 */
import type { CardId } from '../ids.ts';
import type { Json, RawMethod } from '../raw.ts';
import type { ScopePath } from '../scope.ts';
import type { Rule } from './rules.ts';
import { allCards, sourceOf } from './trace.ts';
import type { Finding } from './types.ts';

type Descriptor = { [key: string]: Json };
const isDescriptor = (t: Json | undefined): t is Descriptor =>
  t !== null && t !== undefined && typeof t === 'object' && !Array.isArray(t);

/** Whether a dotted path resolves in a type; `null` when the type stops saying (object). */
function resolves(type: Json, path: string): boolean | null {
  let cur: Json = type;
  for (const part of path.split('.')) {
    if (!isDescriptor(cur)) return null;
    if (/^\d+$/.test(part)) continue;
    const sub = cur[part];
    if (!isDescriptor(sub)) return false;
    cur = sub['type'] ?? null;
  }
  return true;
}

/** The paths a card reads out of its object (or list) input, with that input's key. */
function reads(m: RawMethod): { input: string; paths: string[] } | null {
  const ins = Object.values(m.node.model.inputs.data);
  const literal = (k: string) => {
    const v = ins.find((f) => f.key === k)?.value.data;
    return typeof v === 'string' && v !== '' ? [v] : [];
  };
  switch (m.node.key) {
    case 'pick':
      return {
        input: 'object',
        paths: Object.values(m.node.model.outputs.data)
          .filter((f) => f.metadata.custom === true)
          .map((f) => f.key),
      };
    case 'get':
      return { input: 'object', paths: literal('path') };
    case 'pluck':
      return { input: 'list', paths: literal('key') };
    default:
      return null;
  }
}

const at = (m: RawMethod, path: ScopePath) => ({ card: m.uuid as CardId, path });

/** The rule. */
export const undeclaredField: Rule = {
  id: 'undeclared-field',
  title: 'Cards read only fields their source declares',
  check: (flow) => {
    const out: Finding[] = [];
    for (const { m, path } of allCards(flow.data)) {
      const r = reads(m);
      const input = r && Object.values(m.node.model.inputs.data).find((f) => f.key === r.input);
      if (!r || !input) continue;
      const src = sourceOf(flow.data, path, m.uuid, input.id);
      const type = src?.output.value.type;
      // Types Okta declares (connector outputs) or the author declared (custom fields); the
      // kernel's context objects (error, parent) may carry more than they list.
      const declared = src?.m.address.startsWith('root:channels:') || src?.output.metadata.custom;
      if (!src || !declared || !isDescriptor(type)) continue;
      for (const p of r.paths) {
        if (resolves(type, p) !== false) continue;
        out.push({
          rule: 'undeclared-field',
          severity: 'warning',
          message: `“${m.node.data.name}” reads “${p}”, which “${src.m.node.data.name} · ${src.output.key}” does not declare (it has ${Object.keys(type).join(', ')}) — Okta gives it no value; use the declared name.`,
          ...at(m, path),
        });
      }
    }
    return out;
  },
};
