/**
 * Structural and cross-reference checks of a parsed flopack. One pass; collects up to
 * `MAX_PROBLEMS` problems, each with a code, a message that says how to fix it, and a path.
 * After these checks the document can be used as a `RawFlopack` without further guards.
 */
import type { Problem } from '../../model/errors.ts';
import { isIfElse } from '../../model/cardRoles.ts';
import { isInlineFlo } from '../../model/scope.ts';
import { E } from './codes.ts';

const MAX_PROBLEMS = 20;
/** Inline flows nest at most 2 levels in real exports; allow some headroom. */
const MAX_INLINE_DEPTH = 8;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const key = (k: string): string =>
  /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;

class Checker {
  readonly problems: Problem[] = [];
  full(): boolean {
    return this.problems.length >= MAX_PROBLEMS;
  }
  add(code: string, message: string, path: string): void {
    if (!this.full()) this.problems.push({ code, message, path });
  }
  obj(v: unknown, path: string, what: string): v is Obj {
    if (isObj(v)) return true;
    this.add(
      E.badField,
      `${path} must be an object (${what}) — the file is damaged or not an Okta export.`,
      path,
    );
    return false;
  }
  str(v: unknown, path: string): v is string {
    if (typeof v === 'string') return true;
    this.add(E.badField, `${path} must be text.`, path);
    return false;
  }
}

/** Everything the cross-reference checks need from the whole file. */
interface PackIndex {
  flows: Set<string>;
  configs: Set<string>;
  tables: Set<string>;
  groups: Set<string>;
}

/** Checks a parsed document; [] means it is a well-formed flopack. */
export function checkFlopack(doc: unknown): Problem[] {
  const c = new Checker();
  if (!isObj(doc)) {
    c.add(
      E.notFlopack,
      'The file is JSON but not a flopack: expected an object with "type":"flopack".',
      '$',
    );
    return c.problems;
  }
  if (doc['type'] !== 'flopack') {
    c.add(
      E.notFlopack,
      `The file is JSON but not a flopack: "type" is ${JSON.stringify(doc['type']) ?? 'missing'}, expected "flopack".`,
      '$.type',
    );
    return c.problems;
  }
  c.str(doc['version'], '$.version');
  c.str(doc['created'], '$.created');
  c.obj(doc['flags'], '$.flags', 'runtime flags');
  if (doc['checksum'] !== undefined) c.str(doc['checksum'], '$.checksum');
  const data = doc['data'];
  if (!isObj(data)) {
    c.add(
      E.missingSection,
      'The flopack has no "data" section — it holds the flows; re-export from Okta.',
      '$.data',
    );
    return c.problems;
  }
  const flos = data['flos'];
  if (!isObj(flos)) {
    c.add(
      E.missingSection,
      'The flopack has no "data.flos" section, so it holds no flows — re-export from Okta.',
      '$.data.flos',
    );
    return c.problems;
  }
  for (const section of ['configs', 'tables', 'groups']) {
    if (data[section] !== undefined) c.obj(data[section], `$.data.${section}`, section);
  }
  if (c.problems.length) return c.problems;
  const configs = (data['configs'] ?? {}) as Obj;
  const tables = (data['tables'] ?? {}) as Obj;
  const groups = (data['groups'] ?? {}) as Obj;
  const index: PackIndex = {
    flows: new Set(Object.keys(flos)),
    configs: new Set(Object.keys(configs)),
    tables: new Set(Object.keys(tables)),
    groups: new Set(Object.keys(groups)),
  };
  checkEntries(
    c,
    configs,
    '$.data.configs',
    (v, p) => c.str(v['name'], `${p}.name`) && c.str(v['module'], `${p}.module`),
  );
  checkEntries(c, groups, '$.data.groups', (v, p) => {
    if (!c.obj(v['data'], `${p}.data`, 'folder data')) return;
    const d = v['data'];
    c.str(d['name'], `${p}.data.name`);
    if (d['description'] !== undefined) c.str(d['description'], `${p}.data.description`);
    if (d['path'] !== undefined && c.str(d['path'], `${p}.data.path`) && d['path'] !== '') {
      for (const seg of d['path'].split('.')) {
        if (!index.groups.has(seg))
          c.add(
            E.folderRef,
            `Folder path names folder ${seg}, which is not in the file.`,
            `${p}.data.path`,
          );
      }
    }
  });
  checkEntries(c, tables, '$.data.tables', (v, p) => {
    if (!c.obj(v['data'], `${p}.data`, 'table data')) return;
    const g = v['data']['group_id'];
    if (index.groups.size > 0 && typeof g === 'string' && !index.groups.has(g))
      c.add(
        E.folderRef,
        `Table "${String(v['name'])}" is in folder ${g}, which is not in the file.`,
        `${p}.data.group_id`,
      );
  });
  checkEntries(c, flos, '$.data.flos', (flo, p) => {
    c.str(flo['name'], `${p}.name`);
    if (flo['description'] !== undefined) c.str(flo['description'], `${p}.description`);
    if (!c.obj(flo['data'], `${p}.data`, 'flow content')) return;
    const fd = flo['data'];
    if (fd['uuid'] !== flo['id'])
      c.add(
        E.keyMismatch,
        `Flow "${String(flo['name'])}" has data.uuid ${String(fd['uuid'])} but id ${String(flo['id'])}.`,
        `${p}.data.uuid`,
      );
    const g = fd['group'];
    if (index.groups.size > 0 && typeof g === 'string' && !index.groups.has(g))
      c.add(
        E.folderRef,
        `Flow "${String(flo['name'])}" is in folder ${g}, which is not in the file.`,
        `${p}.data.group`,
      );
    checkFlowScopes(c, fd, `${p}.data`, String(flo['name']), index);
  });
  return c.problems;
}

function checkEntries(
  c: Checker,
  rec: Obj,
  path: string,
  each: (v: Obj, p: string) => unknown,
): void {
  for (const [k, v] of Object.entries(rec)) {
    if (c.full()) return;
    const p = `${path}${key(k)}`;
    if (!c.obj(v, p, 'entry')) continue;
    if (v['id'] !== k) {
      c.add(
        E.keyMismatch,
        `${p} has id ${JSON.stringify(v['id'])}; the key and the id must match.`,
        `${p}.id`,
      );
      continue;
    }
    each(v, p);
  }
}

/** Checks a flow and its inline flows; card uuids must be unique across all of them. */
function checkFlowScopes(
  c: Checker,
  root: Obj,
  path: string,
  flowName: string,
  index: PackIndex,
): void {
  const seen = new Set<string>();
  const visit = (scope: Obj, p: string, depth: number): void => {
    if (depth > MAX_INLINE_DEPTH) {
      c.add(
        E.tooDeep,
        `Flow "${flowName}" nests inline flows deeper than ${MAX_INLINE_DEPTH} levels.`,
        p,
      );
      return;
    }
    for (const inner of checkScope(c, scope, p, flowName, index, seen))
      visit(inner.flo, inner.path, depth + 1);
  };
  visit(root, path, 0);
}

/** Checks one scope; returns the inline flows found in it. */
function checkScope(
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
  if (!c.obj(scope['orderings'], `${path}.orderings`, 'card sequence')) return inner;
  const cards = new Map<string, Obj>();
  const where = (i: number): string => `${path}.methods[${i}]`;
  methods.forEach((m: unknown, i: number) => {
    const p = where(i);
    if (!c.obj(m, p, 'card')) return;
    if (!c.str(m['uuid'], `${p}.uuid`) || !c.str(m['address'], `${p}.address`)) return;
    if (seen.has(m['uuid']))
      c.add(
        E.duplicateCard,
        `Flow "${flowName}" has two cards with uuid ${m['uuid']} — card ids must be unique in a flow.`,
        `${p}.uuid`,
      );
    seen.add(m['uuid']);
    cards.set(m['uuid'], m);
    for (const k of ['pins', 'branches', 'joins', 'parents']) c.obj(m[k], `${p}.${k}`, k);
    if (!c.obj(m['node'], `${p}.node`, 'card node')) return;
    const node = m['node'];
    c.str(node['key'], `${p}.node.key`);
    if (c.obj(node['data'], `${p}.node.data`, 'card title'))
      c.str(node['data']['name'], `${p}.node.data.name`);
    if (!c.obj(node['model'], `${p}.node.model`, 'card model')) return;
    const model = node['model'];
    if (c.obj(model['metadata'], `${p}.node.model.metadata`, 'card metadata'))
      c.str(model['metadata']['name'], `${p}.node.model.metadata.name`);
    if (c.obj(model['policy'], `${p}.node.model.policy`, 'error policy'))
      if (c.obj(model['policy']['error'], `${p}.node.model.policy.error`, 'error policy')) {
        const err = model['policy']['error'];
        if (isInlineFlo(err['flo']))
          inner.push({
            flo: err['flo'],
            path: `${p}.node.model.policy.error.flo`,
          });
        else if (
          err['type'] === 'flo' &&
          typeof err['flo'] === 'string' &&
          !index.flows.has(err['flo'])
        )
          c.add(
            E.flowRef,
            `Card "${cardName(m)}" runs flow ${err['flo']} on error, which is not in the file — export it too.`,
            `${p}.node.model.policy.error.flo`,
          );
      }
    const config = model['config'];
    if (
      config !== null &&
      config !== undefined &&
      (typeof config !== 'string' || !index.configs.has(config))
    )
      c.add(
        E.configRef,
        `Card "${cardName(m)}" uses connection ${JSON.stringify(config)}, which is not in the file's configs.`,
        `${p}.node.model.config`,
      );
    for (const io of ['inputs', 'outputs'] as const) {
      if (!c.obj(model[io], `${p}.node.model.${io}`, io)) continue;
      const block = model[io];
      if (!c.obj(block['data'], `${p}.node.model.${io}.data`, `${io} fields`)) continue;
      for (const [fid, f] of Object.entries(block['data'])) {
        const fp = `${p}.node.model.${io}.data${key(fid)}`;
        if (!c.obj(f, fp, 'field')) continue;
        if (f['id'] !== fid)
          c.add(
            E.keyMismatch,
            `${fp} has id ${JSON.stringify(f['id'])}; the key and the id must match.`,
            `${fp}.id`,
          );
        c.str(f['key'], `${fp}.key`);
        if (!c.obj(f['value'], `${fp}.value`, 'field value')) continue;
        const v = f['value'];
        if (io === 'inputs' && v['type'] === 'flo') {
          if (isInlineFlo(v['data'])) inner.push({ flo: v['data'], path: `${fp}.value.data` });
          else if (typeof v['data'] === 'string' && v['data'] !== '' && !index.flows.has(v['data']))
            c.add(
              E.flowRef,
              `Card "${cardName(m)}" calls flow ${v['data']}, which is not in the file — export the helper flow too.`,
              `${fp}.value.data`,
            );
        }
        if (
          io === 'inputs' &&
          f['key'] === 'stash' &&
          f['group'] === 'parameters' &&
          m['address'].includes(':stash:')
        ) {
          const t = v['data'];
          if (typeof t === 'string' && t !== '' && !index.tables.has(t))
            c.add(
              E.tableRef,
              `Tables card "${cardName(m)}" uses table ${t}, which is not in the file.`,
              `${fp}.value.data`,
            );
        }
      }
    }
  });
  if (c.full()) return inner;
  // Cross-references within the scope.
  const incoming = new Set<string>();
  for (const [eid, edge] of Object.entries(scope['orderings'])) {
    const ep = `${path}.orderings${key(eid)}`;
    if (
      !Array.isArray(edge) ||
      edge.length !== 2 ||
      typeof edge[0] !== 'string' ||
      typeof edge[1] !== 'string'
    ) {
      c.add(E.badField, `${ep} must be a pair of card uuids.`, ep);
      continue;
    }
    const [from, to] = edge as [string, string];
    for (const end of [from, to])
      if (!cards.has(end))
        c.add(
          E.foreignCard,
          `Flow "${flowName}": the sequence names card ${end}, which is not in this flow — the file was edited by hand or is damaged.`,
          ep,
        );
    if (from !== to) incoming.add(to);
  }
  const heads = new Set<string>();
  methods.forEach((m: unknown, i: number) => {
    if (!isObj(m) || typeof m['uuid'] !== 'string' || !isObj(m['pins']) || !isObj(m['branches']))
      return;
    const p = where(i);
    for (const h of Object.keys(m['branches'])) {
      heads.add(h);
      if (!cards.has(h))
        c.add(
          E.foreignCard,
          `Flow "${flowName}": If/Else "${cardName(m)}" has a branch starting at card ${h}, which is not in this flow.`,
          `${p}.branches`,
        );
    }
    if (isIfElse(m as never) && Object.keys(m['branches']).length !== 2)
      c.add(
        E.badField,
        `Flow "${flowName}": If/Else "${cardName(m)}" must have exactly two branches.`,
        `${p}.branches`,
      );
    const outputs = outputsOf(m);
    for (const [oid, targets] of Object.entries(m['pins'])) {
      const pp = `${p}.pins${key(oid)}`;
      if (outputs && !(oid in outputs))
        c.add(
          E.pinField,
          `Flow "${flowName}": card "${cardName(m)}" maps its output ${oid}, which it does not have.`,
          pp,
        );
      if (!c.obj(targets, pp, 'mapping targets')) continue;
      for (const [tid, list] of Object.entries(targets)) {
        const target = cards.get(tid);
        if (!target) {
          c.add(
            E.pinTarget,
            `Flow "${flowName}": card "${cardName(m)}" maps into card ${tid}, which is not in this flow — remove the mapping or restore the card.`,
            `${pp}${key(tid)}`,
          );
          continue;
        }
        if (!Array.isArray(list)) {
          c.add(E.badField, `${pp}${key(tid)} must be a list.`, `${pp}${key(tid)}`);
          continue;
        }
        const inputs = inputsOf(target);
        for (const t of list as unknown[]) {
          const input = isObj(t) ? t['input'] : undefined;
          if (typeof input !== 'string' || (inputs && !(input in inputs)))
            c.add(
              E.pinField,
              `Flow "${flowName}": card "${cardName(m)}" maps into input ${String(input)} of "${cardName(target)}", which that card does not have.`,
              `${pp}${key(tid)}`,
            );
        }
      }
    }
  });
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
