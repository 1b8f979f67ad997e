/**
 * Keeping callers in step with a helper flow: when the helper's inputs are renamed, added or
 * removed, every card that calls it gets the same change (matched by the helper input's field
 * id, so a rename keeps the caller's mapping, value and current-item choice).
 */
import { eventInputs, inputCard } from './eventInputs.ts';
import type { Result } from './errors.ts';
import { ok } from './errors.ts';
import type { HelperSignature } from './helperCalls.ts';
import { callsHelper, setCalledFlow } from './helperCalls.ts';
import type { CardId } from './ids.ts';
import type { IdSource } from './ids.ts';
import { randomIds } from './ids.ts';
import type { RawField, RawFloData, RawMethod } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { forEachScope, updateScope } from './scope.ts';

/** A renamed helper input. */
export interface InputRename {
  from: string;
  to: string;
}

/** The helper inputs renamed between two versions of a helper flow (same field, new key). */
export function inputRenames(before: RawFloData, after: RawFloData): InputRename[] {
  const now = new Map(eventInputs(after).map((i) => [i.input as string, i.key]));
  return eventInputs(before).flatMap((i) => {
    const to = now.get(i.input);
    return to !== undefined && to !== i.key ? [{ from: i.key, to }] : [];
  });
}

/** True when the two versions of a helper take different inputs (keys, types or order). */
export function signatureChanged(before: RawFloData, after: RawFloData): boolean {
  // The raw type, so declaring an Object input's keys reaches the callers too.
  const text = (d: RawFloData) => {
    const fields = inputCard(d)?.node.model.inputs.data ?? {};
    return JSON.stringify(
      eventInputs(d).map((i) => [i.key, fields[i.input]?.value.type ?? i.type, i.collection]),
    );
  };
  return text(before) !== text(after);
}

const calls = (m: RawMethod, helperId: string): boolean =>
  callsHelper(m) &&
  Object.values(m.node.model.inputs.data).some((f) => f.key === 'flo' && f.value.data === helperId);

function renameFields(m: RawMethod, renames: readonly InputRename[]): RawMethod {
  const to = new Map(renames.map((r) => [r.from, r.to]));
  let changed = false;
  const inputs: Record<string, RawField> = {};
  for (const [id, f] of Object.entries(m.node.model.inputs.data)) {
    const key = f.metadata.custom === true ? to.get(f.key) : undefined;
    if (key === undefined) {
      inputs[id] = f;
      continue;
    }
    changed = true;
    const proxy = f.value.proxy;
    inputs[id] = {
      ...f,
      key,
      value:
        proxy && typeof proxy === 'object' && !Array.isArray(proxy)
          ? { ...f.value, proxy: { ...proxy, dest: { key, group: null } } }
          : f.value,
      // Okta's caller fields carry no display name unless the author gave one.
      metadata:
        f.metadata.displayname === undefined ? f.metadata : { ...f.metadata, displayname: key },
    };
  }
  if (!changed) return m;
  const model = { ...m.node.model, inputs: { ...m.node.model.inputs, data: inputs } };
  return { ...m, node: { ...m.node, model } };
}

/**
 * Brings every card of `data` that calls `helper` in step with its signature: renamed inputs
 * keep their caller field under the new key, new ones get a field, removed ones lose theirs.
 * Returns the same object when no card calls the helper.
 */
export function updateCallers(
  data: RawFloData,
  helper: HelperSignature,
  renames: readonly InputRename[] = [],
  ids: IdSource = randomIds,
): Result<{ data: RawFloData; cards: number }> {
  const sites: { card: CardId; path: ScopePath }[] = [];
  forEachScope(data, (s, path) => {
    for (const m of s.methods)
      if (calls(m, helper.id)) sites.push({ card: m.uuid as CardId, path });
  });
  let next = data;
  for (const site of sites) {
    next = updateScope(next, site.path, (s) => ({
      ...s,
      methods: s.methods.map((m) => (m.uuid === site.card ? renameFields(m, renames) : m)),
    }));
    const r = setCalledFlow(next, site.card, helper, site.path, ids);
    if (!r.ok) return r;
    next = r.value;
  }
  return ok({ data: next, cards: sites.length });
}
