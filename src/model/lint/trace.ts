/**
 * Where a card's input gets its value: the output it is mapped from, followed out of inline
 * flows through Okta's wormholes (the inline event's output ↔ the container's context input).
 */
import { mappingInto } from '../mapping.ts';
import type { RawField, RawMethod, RawScope } from '../raw.ts';
import type { ScopePath } from '../scope.ts';
import { forEachScope, scopeAt } from '../scope.ts';
import { sequenceOf } from '../sequence.ts';

/** An output feeding an input, with the card that has it and where that card lives. */
export interface Source {
  m: RawMethod;
  output: RawField;
  path: ScopePath;
}

const MAX_HOPS = 16;

/** The output an input is mapped from (null when it is typed or unmapped). */
export function sourceOf(
  root: RawScope,
  path: ScopePath,
  card: string,
  input: string,
  hops = 0,
): Source | null {
  if (hops > MAX_HOPS) return null;
  const scope = scopeAt(root, path);
  const mapping = scope ? mappingInto(scope, card, input) : undefined;
  const m = mapping ? scope?.methods.find((x) => x.uuid === mapping.from.card) : undefined;
  const output = mapping ? m?.node.model.outputs.data[mapping.from.output] : undefined;
  if (!scope || !m || !output) return null;
  const step = path[path.length - 1];
  if (step && sequenceOf(scope).event === m.uuid) {
    // A wormhole: the container's context input with the same key carries the value in.
    const outer = path.slice(0, -1);
    const container = scopeAt(root, outer)?.methods.find((x) => x.uuid === step.card);
    const hole = Object.values(container?.node.model.inputs.data ?? {}).find(
      (f) => f.group === 'context' && f.key === output.key,
    );
    if (container && hole) {
      const further = sourceOf(root, outer, container.uuid, hole.id, hops + 1);
      if (further) return further;
    }
  }
  return { m, output, path };
}

/** Every card of a flow with its scope, inline flows included. */
export function allCards(root: RawScope): { m: RawMethod; path: ScopePath }[] {
  const out: { m: RawMethod; path: ScopePath }[] = [];
  forEachScope(root, (s, path) => {
    for (const m of s.methods) out.push({ m, path });
  });
  return out;
}

/** The field name an output reads out of an object: Get Multiple's key, an expand's path. */
export function readFieldName(src: Source): string | null {
  const key = src.m.node.key;
  if (key === 'pick') return src.output.key;
  if (key === 'expand') {
    const p = src.output.metadata['path'];
    return Array.isArray(p) ? p.map(String).join('.') : src.output.key;
  }
  if (key === 'get') {
    const path = Object.values(src.m.node.model.inputs.data).find((f) => f.key === 'path');
    return typeof path?.value.data === 'string' ? path.value.data : null;
  }
  return null;
}
