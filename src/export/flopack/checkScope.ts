/** Checks of one flow scope (a flow or an inline flow): its cards, sequence and mappings. */
import { isIfElse } from '../../model/cardRoles.ts';
import { isInlineFlo } from '../../model/scope.ts';
import type { Checker, Obj, PackIndex } from './checker.ts';
import { isObj, key } from './checker.ts';
import { E } from './codes.ts';

/** Where a card sits in the document, for messages; paths are built only on failure. */
interface CardAt {
  scope: string;
  index: number;
}
const cardPath = (at: CardAt, suffix = ''): string => `${at.scope}.methods[${at.index}]${suffix}`;
const fieldPath = (at: CardAt, io: string, fid: string, suffix = ''): string =>
  `${cardPath(at)}.node.model.${io}.data${key(fid)}${suffix}`;

/** Checks one card's shape and its references out of the scope; collects inline flows. */
function checkCard(
  c: Checker,
  m: unknown,
  at: CardAt,
  index: PackIndex,
  seen: Set<string>,
  inner: { flo: Obj; path: string }[],
): Obj | null {
  if (!isObj(m)) return (c.notObj(cardPath(at), 'card'), null);
  if (typeof m['uuid'] !== 'string') return (c.notStr(cardPath(at, '.uuid')), null);
  if (typeof m['address'] !== 'string') return (c.notStr(cardPath(at, '.address')), null);
  const uuid = m['uuid'];
  if (seen.has(uuid))
    c.add(
      E.duplicateCard,
      `Two cards share the uuid ${uuid} — card ids must be unique in a flow.`,
      cardPath(at, '.uuid'),
    );
  seen.add(uuid);
  if (!isObj(m['pins'])) c.notObj(cardPath(at, '.pins'), 'pins');
  if (!isObj(m['branches'])) c.notObj(cardPath(at, '.branches'), 'branches');
  if (!isObj(m['joins'])) c.notObj(cardPath(at, '.joins'), 'joins');
  if (!isObj(m['parents'])) c.notObj(cardPath(at, '.parents'), 'parents');
  const node = m['node'];
  if (!isObj(node)) return (c.notObj(cardPath(at, '.node'), 'card node'), m);
  if (typeof node['key'] !== 'string') c.notStr(cardPath(at, '.node.key'));
  const title = node['data'];
  if (!isObj(title) || typeof title['name'] !== 'string') c.notStr(cardPath(at, '.node.data.name'));
  const model = node['model'];
  if (!isObj(model)) return (c.notObj(cardPath(at, '.node.model'), 'card model'), m);
  const meta = model['metadata'];
  if (!isObj(meta) || typeof meta['name'] !== 'string')
    c.notStr(cardPath(at, '.node.model.metadata.name'));
  const policy = model['policy'];
  const err = isObj(policy) ? policy['error'] : undefined;
  if (!isObj(err)) c.notObj(cardPath(at, '.node.model.policy.error'), 'error policy');
  else if (isInlineFlo(err['flo']))
    inner.push({
      flo: err['flo'],
      path: cardPath(at, '.node.model.policy.error.flo'),
    });
  else if (err['type'] === 'flo' && typeof err['flo'] === 'string' && !index.flows.has(err['flo']))
    c.add(
      E.flowRef,
      `Card "${cardName(m)}" runs flow ${err['flo']} on error, which is not in the file — export it too.`,
      cardPath(at, '.node.model.policy.error.flo'),
    );
  const config = model['config'];
  if (
    config !== null &&
    config !== undefined &&
    (typeof config !== 'string' || !index.configs.has(config))
  )
    c.add(
      E.configRef,
      `Card "${cardName(m)}" uses connection ${JSON.stringify(config)}, which is not in the file's configs.`,
      cardPath(at, '.node.model.config'),
    );
  const stash = m['address'].includes(':stash:');
  for (const io of ['inputs', 'outputs'] as const) {
    const block = model[io];
    const fields = isObj(block) ? block['data'] : undefined;
    if (!isObj(fields)) {
      c.notObj(cardPath(at, `.node.model.${io}.data`), `${io} fields`);
      continue;
    }
    for (const fid in fields) {
      const f = fields[fid];
      if (!isObj(f)) {
        c.notObj(fieldPath(at, io, fid), 'field');
        continue;
      }
      if (f['id'] !== fid)
        c.add(
          E.keyMismatch,
          `${fieldPath(at, io, fid)} has id ${JSON.stringify(f['id'])}; the key and the id must match.`,
          fieldPath(at, io, fid, '.id'),
        );
      if (typeof f['key'] !== 'string') c.notStr(fieldPath(at, io, fid, '.key'));
      const v = f['value'];
      if (!isObj(v)) {
        c.notObj(fieldPath(at, io, fid, '.value'), 'field value');
        continue;
      }
      if (io !== 'inputs') continue;
      if (v['type'] === 'flo') {
        const data = v['data'];
        if (isInlineFlo(data))
          inner.push({ flo: data, path: fieldPath(at, io, fid, '.value.data') });
        else if (typeof data === 'string' && data !== '' && !index.flows.has(data))
          c.add(
            E.flowRef,
            `Card "${cardName(m)}" calls flow ${data}, which is not in the file — export the helper flow too.`,
            fieldPath(at, io, fid, '.value.data'),
          );
      }
      if (stash && f['key'] === 'stash' && f['group'] === 'parameters') {
        const t = v['data'];
        if (typeof t === 'string' && t !== '' && !index.tables.has(t))
          c.add(
            E.tableRef,
            `Tables card "${cardName(m)}" uses table ${t}, which is not in the file.`,
            fieldPath(at, io, fid, '.value.data'),
          );
      }
    }
  }
  return m;
}

/** Checks a card's mappings and branches against the cards of its scope. */
function checkLinks(
  c: Checker,
  m: Obj,
  at: CardAt,
  cards: Map<string, Obj>,
  heads: Set<string>,
  flowName: string,
): void {
  const branches = m['branches'];
  const pins = m['pins'];
  if (!isObj(branches) || !isObj(pins)) return;
  let count = 0;
  for (const h in branches) {
    count++;
    heads.add(h);
    if (!cards.has(h))
      c.add(
        E.foreignCard,
        `Flow "${flowName}": If/Else "${cardName(m)}" has a branch starting at card ${h}, which is not in this flow.`,
        cardPath(at, '.branches'),
      );
  }
  if (count !== 2 && isIfElse(m as never))
    c.add(
      E.badField,
      `Flow "${flowName}": If/Else "${cardName(m)}" must have exactly two branches.`,
      cardPath(at, '.branches'),
    );
  const outputs = outputsOf(m);
  for (const oid in pins) {
    const targets = pins[oid];
    if (outputs && !(oid in outputs))
      c.add(
        E.pinField,
        `Flow "${flowName}": card "${cardName(m)}" maps its output ${oid}, which it does not have.`,
        cardPath(at, `.pins${key(oid)}`),
      );
    if (!isObj(targets)) {
      c.notObj(cardPath(at, `.pins${key(oid)}`), 'mapping targets');
      continue;
    }
    for (const tid in targets) {
      const list = targets[tid];
      const target = cards.get(tid);
      const where = (): string => cardPath(at, `.pins${key(oid)}${key(tid)}`);
      if (!target) {
        c.add(
          E.pinTarget,
          `Flow "${flowName}": card "${cardName(m)}" maps into card ${tid}, which is not in this flow — remove the mapping or restore the card.`,
          where(),
        );
        continue;
      }
      if (!Array.isArray(list)) {
        c.notObj(where(), 'mapping list');
        continue;
      }
      const inputs = inputsOf(target);
      for (const t of list as unknown[]) {
        const input = isObj(t) ? t['input'] : undefined;
        if (typeof input !== 'string' || (inputs && !(input in inputs)))
          c.add(
            E.pinField,
            `Flow "${flowName}": card "${cardName(m)}" maps into input ${String(input)} of "${cardName(target)}", which that card does not have.`,
            where(),
          );
      }
    }
  }
}

/** Checks one scope; returns the inline flows found in it. */
export function checkScope(
  c: Checker,
  scope: Obj,
  path: string,
  flowName: string,
  index: PackIndex,
  seen: Set<string>,
): { flo: Obj; path: string }[] {
  const inner: { flo: Obj; path: string }[] = [];
  const methods = scope['methods'];
  if (!Array.isArray(methods)) {
    c.add(E.badField, `${path}.methods must be a list of cards.`, `${path}.methods`);
    return inner;
  }
  const orderings = scope['orderings'];
  if (!isObj(orderings)) {
    c.notObj(`${path}.orderings`, 'card sequence');
    return inner;
  }
  const cards = new Map<string, Obj>();
  const checked: (Obj | null)[] = [];
  for (let i = 0; i < methods.length; i++) {
    const m = checkCard(c, methods[i], { scope: path, index: i }, index, seen, inner);
    checked.push(m);
    if (m) cards.set(m['uuid'] as string, m);
  }
  if (c.full()) return inner;
  const incoming = new Set<string>();
  for (const eid in orderings) {
    const edge = orderings[eid];
    if (
      !Array.isArray(edge) ||
      edge.length !== 2 ||
      typeof edge[0] !== 'string' ||
      typeof edge[1] !== 'string'
    ) {
      c.add(
        E.badField,
        `${path}.orderings${key(eid)} must be a pair of card uuids.`,
        `${path}.orderings${key(eid)}`,
      );
      continue;
    }
    const [from, to] = edge as [string, string];
    for (const end of [from, to])
      if (!cards.has(end))
        c.add(
          E.foreignCard,
          `Flow "${flowName}": the sequence names card ${end}, which is not in this flow — the file was edited by hand or is damaged.`,
          `${path}.orderings${key(eid)}`,
        );
    if (from !== to) incoming.add(to);
  }
  const heads = new Set<string>();
  for (let i = 0; i < checked.length; i++) {
    const m = checked[i];
    if (m) checkLinks(c, m, { scope: path, index: i }, cards, heads, flowName);
  }
  const events = [...cards.keys()].filter((u) => !incoming.has(u) && !heads.has(u));
  if (events.length !== 1)
    c.add(
      E.eventCard,
      events.length === 0
        ? `Flow "${flowName}" has no event card (every card has a predecessor) — its sequence is circular.`
        : `Flow "${flowName}" has ${events.length} cards without a predecessor (${events.slice(0, 3).join(', ')}); a flow has exactly one event card.`,
      `${path}.orderings`,
    );
  return inner;
}

function cardName(m: Obj): string {
  const node = m['node'];
  const data = isObj(node) ? node['data'] : undefined;
  const name = isObj(data) ? data['name'] : undefined;
  return typeof name === 'string' ? name : String(m['uuid']);
}

function fieldsOf(m: Obj, io: 'inputs' | 'outputs'): Obj | null {
  const node = m['node'];
  const model = isObj(node) ? node['model'] : undefined;
  const block = isObj(model) ? model[io] : undefined;
  const data = isObj(block) ? block['data'] : undefined;
  return isObj(data) ? data : null;
}
const outputsOf = (m: Obj): Obj | null => fieldsOf(m, 'outputs');
const inputsOf = (m: Obj): Obj | null => fieldsOf(m, 'inputs');
