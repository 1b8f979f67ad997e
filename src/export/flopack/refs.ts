/** What a flow refers to: helper flows, tables and connections (inline flows included). */
import { forEachScope } from '../../model/scope.ts';
import type { RawFloData } from '../../model/raw.ts';

/** The references of one flow's content. */
export interface FlowRefs {
  flows: Set<string>;
  tables: Set<string>;
  configs: Set<string>;
}

const cache = new WeakMap<RawFloData, FlowRefs>();

/** Collects (and caches per content object) what a flow refers to. */
export function refsOf(data: RawFloData): FlowRefs {
  const hit = cache.get(data);
  if (hit) return hit;
  const refs: FlowRefs = { flows: new Set(), tables: new Set(), configs: new Set() };
  forEachScope(data, (scope) => {
    for (const m of scope.methods) {
      const model = m.node.model;
      if (typeof model.config === 'string') refs.configs.add(model.config);
      const err = model.policy?.error;
      if (err?.type === 'flo' && typeof err.flo === 'string') refs.flows.add(err.flo);
      for (const f of Object.values(model.inputs.data)) {
        if (f.value.type === 'flo' && typeof f.value.data === 'string' && f.value.data !== '')
          refs.flows.add(f.value.data);
        if (
          f.key === 'stash' &&
          f.group === 'parameters' &&
          typeof f.value.data === 'string' &&
          f.value.data !== ''
        )
          refs.tables.add(f.value.data);
      }
    }
  });
  cache.set(data, refs);
  return refs;
}
