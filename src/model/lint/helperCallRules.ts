/**
 * Rules for cards that call a helper flow (Call Flow, Call Flow Async, For Each, Map, Filter,
 * Reduce, Repeat): every field they pass names a helper input, every input the helper uses is
 * passed, and the current item fits the input it goes to. They need the called helpers'
 * signatures (`LintContext.helpers`); a helper not given there is left to other rules.
 */
import { callsHelper } from '../helperCalls.ts';
import type { HelperSignature } from '../helperCalls.ts';
import { callerFields, itemRoute, itemType, takesItems, typeAtPath } from '../helperItem.ts';
import type { CardId } from '../ids.ts';
import { mappingInto } from '../mapping.ts';
import type { Json, RawMethod, RawScope } from '../raw.ts';
import type { ScopePath } from '../scope.ts';
import { forEachScope } from '../scope.ts';
import type { Flow } from '../workspace.ts';
import type { Rule } from './rules.ts';
import type { Finding, LintContext } from './types.ts';

interface CallSite {
  m: RawMethod;
  scope: RawScope;
  path: ScopePath;
  helper: HelperSignature;
}

/** The helper calls of a flow whose helper's signature is known. */
function callSites(flow: Flow, ctx: LintContext): CallSite[] {
  const out: CallSite[] = [];
  forEachScope(flow.data, (scope, path) => {
    for (const m of scope.methods) {
      if (!callsHelper(m)) continue;
      const flo = Object.values(m.node.model.inputs.data).find((f) => f.key === 'flo');
      const id = flo?.value.data;
      const helper = typeof id === 'string' ? ctx.helpers?.[id] : undefined;
      if (helper) out.push({ m, scope, path, helper });
    }
  });
  return out;
}

const where = (s: CallSite): { card: CardId; path: ScopePath } => ({
  card: s.m.uuid as CardId,
  path: s.path,
});

const SCALARS = new Set(['string', 'number', 'boolean', 'Date']);
const LABELS: Record<string, string> = {
  string: 'Text',
  number: 'Number',
  boolean: 'True/False',
  Date: 'Date & Time',
  object: 'Object',
};
const label = (t: { type: string; collection: boolean }): string =>
  `${t.collection ? 'List of ' : ''}${LABELS[t.type] ?? t.type}`;

/**
 * True when a value of type `from` cannot go into an input of type `to`: an object into a
 * scalar (or back), a list into a single value (or back). Okta converts scalars among
 * themselves, so Text into Number is left alone.
 */
export function typesClash(
  from: { type: string; collection: boolean },
  to: { type: string; collection: boolean },
): boolean {
  if (from.collection !== to.collection) return true;
  const a = SCALARS.has(from.type);
  const b = SCALARS.has(to.type);
  const objA = from.type === 'object' || from.type === 'structured';
  const objB = to.type === 'object' || to.type === 'structured';
  return (objA && b) || (a && objB);
}

const isEmpty = (v: Json): boolean =>
  v === null || v === '' || (typeof v === 'object' && Object.keys(v).length === 0);

/** The helper-call rules. */
export const HELPER_CALL_RULES: readonly Rule[] = [
  {
    id: 'helper-call-unknown-input',
    title: 'A helper call passes only inputs the helper has',
    check: (flow, ctx) =>
      callSites(flow, ctx).flatMap((s) => {
        const keys = new Set(s.helper.inputs.map((i) => i.key));
        return callerFields(s.m)
          .filter((f) => !keys.has(f.key))
          .map((f): Finding => ({
            rule: 'helper-call-unknown-input',
            severity: 'error',
            message: `“${s.m.node.data.name}” passes “${f.key}”, which the helper flow does not take (its inputs: ${[...keys].join(', ') || 'none'}) — choose the helper flow again to update the card.`,
            ...where(s),
          }));
      }),
  },
  {
    id: 'helper-call-missing-input',
    title: 'A helper call passes every input the helper uses',
    check: (flow, ctx) =>
      callSites(flow, ctx).flatMap((s) => {
        const fields = callerFields(s.m);
        const route = itemRoute(s.m);
        return s.helper.inputs
          .filter((i) => i.used === true)
          .filter((i) => {
            const f = fields.find((x) => x.key === i.key);
            if (!f) return true;
            if (route?.field === f.id) return false;
            return !mappingInto(s.scope, s.m.uuid, f.id) && isEmpty(f.value.data);
          })
          .map((i): Finding => ({
            rule: 'helper-call-missing-input',
            severity: 'error',
            message: `“${s.m.node.data.name}” passes nothing to the helper input “${i.key}”, which the helper uses — map it, type a value${takesItems(s.m) ? ' or send the current item to it' : ''}.`,
            ...where(s),
          }));
      }),
  },
  {
    id: 'helper-call-item-type',
    title: 'The current item fits the helper input it goes to',
    check: (flow, ctx) =>
      callSites(flow, ctx).flatMap((s): Finding[] => {
        const route = itemRoute(s.m);
        if (!route) return [];
        const input = s.helper.inputs.find((i) => i.key === route.key);
        const raw = itemType(s.scope, s.m);
        if (!input || raw === null) return [];
        const item = typeAtPath(raw, route.path);
        if (item === null)
          return [
            {
              rule: 'helper-call-item-type',
              severity: 'error',
              message: `“${s.m.node.data.name}” sends the field “${route.path}” of each item to “${route.key}”, but the items have no such field — choose one of theirs or send the whole item.`,
              ...where(s),
            },
          ];
        if (!typesClash(item, input)) return [];
        return [
          {
            rule: 'helper-call-item-type',
            severity: 'error',
            message: `“${s.m.node.data.name}” sends each item${route.path ? `’s “${route.path}”` : ''} (${label(item)}) to “${route.key}”, which takes ${label(input)} — send it to another input or pick a field of the item.`,
            ...where(s),
          },
        ];
      }),
  },
];
