/**
 * Structural and cross-reference checks of a parsed flopack. One pass; collects up to
 * `MAX_PROBLEMS` problems, each with a code, a message that says how to fix it, and a path.
 * After these checks the document can be used as a `RawFlopack` without further guards.
 */
import type { Problem } from '../../model/errors.ts';
import type { Obj, PackIndex } from './checker.ts';
import { Checker, isObj, key, MAX_INLINE_DEPTH } from './checker.ts';
import { checkScope } from './checkScope.ts';
import { E } from './codes.ts';
import { treeProblems } from '../../model/workspace.ts';

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
      const segs = d['path'].split('.');
      if (segs.includes(String(v['id'])))
        c.add(
          E.folderCycle,
          `Folder "${String(d['name'])}" names itself in its path, so it would be its own ancestor — folders must form a tree; fix its data.path.`,
          `${p}.data.path`,
        );
      for (const seg of segs) {
        if (!index.groups.has(seg))
          c.add(
            E.folderRef,
            `Folder path names folder ${seg}, which is not in the file.`,
            `${p}.data.path`,
          );
      }
    }
  });
  if (!c.problems.length) checkFolderTree(c, groups);
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

/** Folders (groups) must form a tree: parents taken from the last `data.path` segment. */
function checkFolderTree(c: Checker, groups: Obj): void {
  const parents: Record<string, { id: string; parentId: string | null }> = {};
  for (const [id, g] of Object.entries(groups)) {
    const path = isObj(g) && isObj(g['data']) ? g['data']['path'] : undefined;
    const parent = typeof path === 'string' && path !== '' ? (path.split('.').pop() ?? null) : null;
    parents[id] = { id, parentId: parent };
  }
  for (const p of treeProblems(parents))
    c.add(E.folderCycle, p.message.replace('FOLDER_E006', E.folderCycle), '$.data.groups');
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
