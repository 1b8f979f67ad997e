/**
 * A flow's shape for comparing a flow built in the browser with a template: the card types
 * in execution order and every mapping as "card#n.group/output → card#m.group/input", inline
 * flows (If Error's Try arm…) included. Notes are left out: they carry no data.
 */
import { isNote } from '../src/model/cardRoles.ts';
import { viewField } from '../src/model/cards.ts';
import { composeLabels } from '../src/model/compose.ts';
import type { Mapping } from '../src/model/mapping.ts';
import { mappingsOf } from '../src/model/mapping.ts';
import type { RawFloData, RawMethod } from '../src/model/raw.ts';
import { forEachScope } from '../src/model/scope.ts';
import { sequenceOf } from '../src/model/sequence.ts';

/** The shape of a flow, inline flows after their container (as "in <card#n>"). */
export interface FlowShape {
  cards: string[];
  mappings: string[];
}

/** The card types and mappings of a flow's content. */
export function flowShape(data: RawFloData): FlowShape {
  const cards: string[] = [];
  const mappings: string[] = [];
  const names = new Map<string, string>();
  const byId = new Map<string, RawMethod>();
  forEachScope(data, (scope, path) => {
    const where = path.map((p) => names.get(p.card) ?? p.card).join(' › ');
    for (const m of scope.methods) byId.set(m.uuid, m);
    for (const step of sequenceOf(scope).steps) {
      const m = byId.get(step.id);
      if (!m || isNote(m)) continue;
      const name = `${m.node.key}#${names.size}`;
      names.set(m.uuid, name);
      cards.push(where === '' ? m.node.key : `${m.node.key} in ${where}`);
    }
  });
  // Generated keys are named by what they carry: a Compose field by its label ("Field 1"),
  // a value handed into an inline flow (Okta's `context` wormhole) by the output feeding it.
  const handed = new Map<string, string>();
  const all: Mapping[] = [];
  forEachScope(data, (scope) => all.push(...mappingsOf(scope)));
  const field = (card: string, io: 'inputs' | 'outputs', id: string): string => {
    const m = byId.get(card);
    const raw = m?.node.model[io].data[id];
    if (!m || !raw) return id;
    const label =
      raw.group === 'context' && handed.has(raw.key)
        ? `⇐ ${handed.get(raw.key)}`
        : ((io === 'inputs' ? composeLabels(m).get(id) : undefined) ?? viewField(raw).label);
    return `${raw.group ?? ''}/${label}`;
  };
  const end = (card: string, io: 'inputs' | 'outputs', id: string): string =>
    `${names.get(card) ?? card}.${field(card, io, id)}`;
  for (const m of all) {
    const into = byId.get(m.to.card)?.node.model.inputs.data[m.to.input];
    if (into?.group === 'context') handed.set(into.key, end(m.from.card, 'outputs', m.from.output));
  }
  for (const m of all)
    mappings.push(
      `${end(m.from.card, 'outputs', m.from.output)} → ${end(m.to.card, 'inputs', m.to.input)}`,
    );
  return { cards, mappings: mappings.sort() };
}
