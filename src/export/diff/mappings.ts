/**
 * Mappings of a flow as comparable facts: (source card, output) → (target card, input), with
 * cards named by their cross-version identity and fields by group and key, so field ids and
 * card uuids do not count. Sub-field mappings through hidden expand cards are resolved to the
 * card and output they read.
 */
import { isExpand } from '../../model/cardRoles.ts';
import { viewField } from '../../model/cards.ts';
import type { Json, RawField, RawFloData, RawMethod } from '../../model/raw.ts';
import { forEachScope } from '../../model/scope.ts';
import { inputLabel } from '../render/faces.ts';
import { flowSources } from '../render/sources.ts';
import type { MappingRef } from './types.ts';

/** One mapping: its comparable key, how to name it, and the cards it joins (uuids). */
export interface MappingFact {
  key: string;
  from: string;
  to: string;
  /** Identities of both ends. */
  fromId: string;
  toId: string;
  ref: MappingRef;
}

// A Where Expression operand's input is keyed by an output id (noise): its source names it.
const fieldKey = (f: RawField | undefined, id: string): string =>
  f ? (f.group === '_expr' ? '_expr' : `${f.group ?? ''}/${f.key}`) : `?${id}`;

function converts(t: Json): string {
  if (t === null || typeof t !== 'object' || Array.isArray(t)) return '';
  return Object.values(t)
    .map((x) => (x !== null && typeof x === 'object' && !Array.isArray(x) ? x['convert'] : null))
    .filter((x): x is string => typeof x === 'string')
    .sort()
    .join(',');
}

/** Every mapping of a flow (inline flows included) as facts; `ids` from `identities`. */
export function mappingFacts(data: RawFloData, ids: ReadonlyMap<string, string>): MappingFact[] {
  const out: MappingFact[] = [];
  const named = flowSources(data);
  forEachScope(data, (scope) => {
    const sources = named.get(scope);
    const byId = new Map<string, RawMethod>(scope.methods.map((m) => [m.uuid, m]));
    for (const m of scope.methods) {
      for (const [oid, targets] of Object.entries(m.pins)) {
        let src = m;
        let out0 = m.node.model.outputs.data[oid];
        let outKey = fieldKey(out0, oid);
        let outLabel = out0 ? viewField(out0).label : oid;
        if (isExpand(m)) {
          const meta = out0?.metadata ?? {};
          const srcCard = meta['srcMethodId'];
          const real = byId.get(typeof srcCard === 'string' ? srcCard : m.node.data.name);
          const srcOut = typeof meta['srcOutputId'] === 'string' ? meta['srcOutputId'] : '';
          const path = Array.isArray(meta['path']) ? meta['path'].map(String) : [];
          if (real) {
            src = real;
            out0 = real.node.model.outputs.data[srcOut];
            outKey = [fieldKey(out0, srcOut), ...path].join('.');
            outLabel = [out0 ? viewField(out0).label : srcOut, ...path].join('.');
          }
        }
        for (const [card, list] of Object.entries(targets)) {
          const target = byId.get(card);
          if (!target || isExpand(target)) continue;
          for (const t of list) {
            const input = target.node.model.inputs.data[t.input];
            const fromId = ids.get(src.uuid) ?? src.uuid;
            // Named as the card shows it: a value entering an inline flow by its outer card.
            const shown = sources?.get(`${card}/${t.input}`);
            const toId = ids.get(card) ?? card;
            out.push({
              key: `${fromId}|${outKey}→${toId}|${fieldKey(input, t.input)}|${converts(t.transform)}`,
              from: src.uuid,
              to: card,
              fromId,
              toId,
              ref: {
                fromCard: shown?.cardTitle ?? src.node.data.name,
                output: shown?.output ?? outLabel,
                toCard: target.node.data.name,
                input: input ? inputLabel(input, target) : t.input,
              },
            });
          }
        }
      }
    }
  });
  return out;
}
