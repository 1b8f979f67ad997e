/**
 * Flow scopes: a flow's card list, and the inline flows embedded in If/ElseIf arms,
 * If Error branches and event wrappers. A scope path addresses one of them from the flow.
 */
import type { CardId, FieldId } from './ids.ts';
import type { Json, RawErrorPolicy, RawInlineFlo, RawMethod, RawScope } from './raw.ts';

/** Where an inline flow lives on its container card. */
export type InlineSlot = { kind: 'input'; field: FieldId } | { kind: 'error' };

/** One step down from a scope into an inline flow of one of its cards. */
export interface ScopeStep {
  card: CardId;
  slot: InlineSlot;
}

/** The way from a flow to one of its (possibly nested) inline flows; [] is the flow itself. */
export type ScopePath = readonly ScopeStep[];

/** True when a JSON value is an embedded flow. */
export function isInlineFlo(v: unknown): v is RawInlineFlo {
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray((v as { methods?: unknown }).methods) &&
    typeof (v as { orderings?: unknown }).orderings === 'object'
  );
}

/** An inline flow found on a card, with the slot that holds it. */
export interface InlineEntry {
  slot: InlineSlot;
  flo: RawInlineFlo;
  /** The input's group (`if`, `else`, an else-if id) or `error` for an error branch. */
  group: string | null;
}

const fieldIndex = (f: { metadata: { index?: number } }): number =>
  typeof f.metadata.index === 'number' ? f.metadata.index : Number.POSITIVE_INFINITY;

/**
 * The inline flows a card holds, in the order of their inputs' `metadata.index` (the console
 * shows If/ElseIf arms as if, else-ifs, else whatever order the file lists the fields in),
 * then its error-policy flow.
 */
export function inlineFlows(m: RawMethod): InlineEntry[] {
  const out: InlineEntry[] = [];
  const fields = Object.values(m.node.model.inputs.data).sort(
    (a, b) => fieldIndex(a) - fieldIndex(b) || 0, // NaN (both unindexed) keeps their order
  );
  for (const field of fields) {
    if (field.value.type === 'flo' && isInlineFlo(field.value.data)) {
      out.push({
        slot: { kind: 'input', field: field.id as FieldId },
        flo: field.value.data,
        group: field.group,
      });
    }
  }
  const errorFlo = m.node.model.policy?.error?.flo;
  if (isInlineFlo(errorFlo)) out.push({ slot: { kind: 'error' }, flo: errorFlo, group: 'error' });
  return out;
}

/** The inline flow in one slot of a card, or null. */
export function inlineAt(m: RawMethod, slot: InlineSlot): RawInlineFlo | null {
  if (slot.kind === 'error') {
    const flo = m.node.model.policy?.error?.flo;
    return isInlineFlo(flo) ? flo : null;
  }
  const data = m.node.model.inputs.data[slot.field]?.value.data;
  return isInlineFlo(data) ? data : null;
}

/** Replaces the inline flow in a slot, returning a new card. */
export function withInline(m: RawMethod, slot: InlineSlot, flo: RawInlineFlo): RawMethod {
  const model = m.node.model;
  if (slot.kind === 'error') {
    const error: RawErrorPolicy = { ...model.policy.error, flo: flo as unknown as Json };
    return { ...m, node: { ...m.node, model: { ...model, policy: { ...model.policy, error } } } };
  }
  const field = model.inputs.data[slot.field];
  if (!field) return m;
  const next = { ...field, value: { ...field.value, data: flo as unknown as Json } };
  const inputs = { ...model.inputs, data: { ...model.inputs.data, [slot.field]: next } };
  return { ...m, node: { ...m.node, model: { ...model, inputs } } };
}

/** Finds a card of a scope by uuid. */
export function cardIn(scope: RawScope, uuid: string): RawMethod | undefined {
  return scope.methods.find((m) => m.uuid === uuid);
}

/** Resolves a scope path; null when a step does not exist. */
export function scopeAt(root: RawScope, path: ScopePath): RawScope | null {
  let scope: RawScope = root;
  for (const step of path) {
    const card = cardIn(scope, step.card);
    const inner = card ? inlineAt(card, step.slot) : null;
    if (!inner) return null;
    scope = inner;
  }
  return scope;
}

/** Applies `fn` to the scope at `path` and rebuilds the containers above it. */
export function updateScope<S extends RawScope>(
  root: S,
  path: ScopePath,
  fn: (scope: RawScope) => RawScope,
): S {
  const [step, ...rest] = path;
  if (!step) return fn(root) as S;
  const methods = root.methods.map((m) => {
    if (m.uuid !== step.card) return m;
    const inner = inlineAt(m, step.slot);
    return inner ? withInline(m, step.slot, updateScope(inner, rest, fn)) : m;
  });
  return { ...root, methods };
}

/** Calls `visit` for the scope and every inline flow below it, depth first. */
export function forEachScope(
  root: RawScope,
  visit: (scope: RawScope, path: ScopePath) => void,
  path: ScopePath = [],
): void {
  visit(root, path);
  for (const m of root.methods) {
    for (const entry of inlineFlows(m)) {
      forEachScope(entry.flo, visit, [...path, { card: m.uuid as CardId, slot: entry.slot }]);
    }
  }
}

/** Every card uuid of a flow, inline flows included (uuids must be unique across them). */
export function allCardIds(root: RawScope): Set<string> {
  const ids = new Set<string>();
  forEachScope(root, (s) => {
    for (const m of s.methods) ids.add(m.uuid);
  });
  return ids;
}

/** Two scope paths address the same scope. */
export function samePath(a: ScopePath, b: ScopePath): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => {
      const t = b[i];
      if (!t || s.card !== t.card || s.slot.kind !== t.slot.kind) return false;
      return s.slot.kind === 'error' || (t.slot.kind === 'input' && s.slot.field === t.slot.field);
    })
  );
}
