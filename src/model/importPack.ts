/**
 * Bringing a read flopack into a workspace: its folders and flows are added under a chosen
 * folder, never overwriting anything. Name clashes get a suffix, ids already in use get new
 * ones (references rewritten), and everything is reported back to the user.
 */
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import { MAX_FOLDER_DEPTH } from './folders.ts';
import type { FlowId, FolderId, IdSource } from './ids.ts';
import { randomIds } from './ids.ts';
import { sanitizeName, uniqueName, visibleName } from './names.ts';
import type { RawConfig, RawFloData, RawTable } from './raw.ts';
import type { Flow, Folder, Workspace } from './workspace.ts';
import { childFolders, depthOf, flowsIn, treeProblems } from './workspace.ts';

/** What an import did, for the user. */
export interface ImportReport {
  folders: number;
  flows: number;
  tables: number;
  connections: number;
  /** Names changed to avoid a clash. */
  renamed: { kind: 'folder' | 'flow'; from: string; to: string }[];
  /**
   * Names changed to obey the name rule (control or bidi characters, too long, empty);
   * `from` shows the original with invisible characters written out (`\u{1b}`).
   */
  cleaned: { kind: 'folder' | 'flow'; from: string; to: string }[];
  /** Ids that were already in use and were replaced. */
  reidentified: number;
}

/** The records an import adds, in the order they must be stored (parents first). */
export interface ImportPlan {
  workspace: Workspace;
  folders: Folder[];
  flows: Flow[];
  tables: RawTable[];
  configs: RawConfig[];
  report: ImportReport;
}

/** Replaces every string equal to a key of `map` (ids are UUIDs, so only references match). */
function rewrite<T>(value: T, map: ReadonlyMap<string, string>): T {
  if (map.size === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return map.get(v) ?? v;
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

/** Orders folders so that every parent comes before its children. */
function parentsFirst(folders: Folder[]): Folder[] {
  const byId = new Map(folders.map((f) => [f.id as string, f]));
  const out: Folder[] = [];
  const done = new Set<string>();
  const visit = (f: Folder, guard: Set<string>): void => {
    if (done.has(f.id) || guard.has(f.id)) return;
    guard.add(f.id);
    const parent = f.parentId !== null ? byId.get(f.parentId) : undefined;
    if (parent) visit(parent, guard);
    done.add(f.id);
    out.push(f);
  };
  for (const f of folders) visit(f, new Set());
  return out;
}

/** Plans the import of `pack` (a read flopack) into `ws` under `target` (null: top level). */
export function planImport(
  ws: Workspace,
  pack: Workspace,
  target: FolderId | null,
  ids: IdSource = randomIds,
): Result<ImportPlan> {
  if (target !== null && !ws.folders[target])
    return fail(
      'IMPORT_E002',
      `Folder ${target} does not exist — reload the workspace and choose a folder.`,
    );
  const cycles = treeProblems(pack.folders);
  if (cycles.length) return { ok: false, problems: cycles };
  const packFolders = Object.values(pack.folders);
  const inPack = (id: string | null): boolean => id !== null && pack.folders[id] !== undefined;
  const looseFlows = Object.values(pack.flows).filter((f) => !inPack(f.folderId));
  if (looseFlows.length > 0 && target === null)
    return fail(
      'IMPORT_E001',
      'This file holds flows without a folder (a single-flow export) — choose the folder to import them into.',
    );
  // Depth: the pack's deepest folder, placed under the target, must stay within the limit.
  const baseDepth = target === null ? 0 : depthOf(ws, target);
  const packDepth = (f: Folder): number => {
    let d = 1;
    let cur = f.parentId;
    const seen = new Set<string>();
    while (cur !== null && pack.folders[cur] && !seen.has(cur)) {
      seen.add(cur);
      d++;
      cur = pack.folders[cur]?.parentId ?? null;
    }
    return d;
  };
  const deepest = packFolders.reduce((m, f) => Math.max(m, packDepth(f)), 0);
  if (baseDepth + deepest > MAX_FOLDER_DEPTH)
    return fail(
      'IMPORT_E003',
      `The file's folders nest ${deepest} levels; under this folder they would reach level ${baseDepth + deepest}, beyond Okta's ${MAX_FOLDER_DEPTH} — import into a folder higher up.`,
    );

  const idMap = new Map<string, string>();
  const fresh = (id: string, taken: Record<string, unknown>): string => {
    if (taken[id] === undefined) return id;
    const next = ids.uuid();
    idMap.set(id, next);
    return next;
  };
  for (const f of packFolders) fresh(f.id, ws.folders);
  for (const f of Object.values(pack.flows)) fresh(f.id, ws.flows);
  for (const t of Object.values(pack.tables)) fresh(t.id, ws.tables);
  const mapId = <T extends string>(id: T): T => (idMap.get(id) ?? id) as T;
  // A placeholder the workspace already has (same id, or same app and name) is kept once:
  // the pack's cards point at the workspace's entry.
  const sameConnection = (c: RawConfig): RawConfig | undefined =>
    ws.configs[c.id] ??
    Object.values(ws.configs).find(
      (w) => w.module === c.module && w.name.toLowerCase() === String(c.name).toLowerCase(),
    );
  let merged = 0;
  for (const c of Object.values(pack.configs)) {
    const existing = sameConnection(c);
    if (existing && existing.id !== c.id) {
      idMap.set(c.id, existing.id);
      merged++;
    }
  }

  const renamed: ImportReport['renamed'] = [];
  const cleaned: ImportReport['cleaned'] = [];
  const clean = <T extends Folder | Flow>(kind: 'folder' | 'flow', item: T): T => {
    const name = sanitizeName(item.name, kind === 'folder' ? 'Unnamed folder' : 'Unnamed');
    if (name === item.name) return item;
    cleaned.push({ kind, from: visibleName(String(item.name)), to: name });
    return { ...item, name };
  };
  const takenRoot = (target === null ? childFolders(ws, null) : childFolders(ws, target)).map(
    (f) => f.name,
  );
  const folders: Folder[] = parentsFirst(packFolders.map((f) => clean('folder', f))).map((f) => {
    const isRoot = !inPack(f.parentId);
    let name = f.name;
    if (isRoot) {
      name = uniqueName(f.name, takenRoot);
      takenRoot.push(name);
      if (name !== f.name) renamed.push({ kind: 'folder', from: f.name, to: name });
    }
    return {
      ...f,
      id: mapId(f.id),
      name,
      parentId: isRoot ? target : mapId(f.parentId as FolderId),
    };
  });
  const takenInTarget = target === null ? [] : flowsIn(ws, target).map((f) => f.name);
  const flows: Flow[] = Object.values(pack.flows).map((original) => {
    const f = clean('flow', original);
    const loose = !inPack(f.folderId);
    let name = f.name;
    if (loose) {
      name = uniqueName(f.name, takenInTarget);
      takenInTarget.push(name);
      if (name !== f.name) renamed.push({ kind: 'flow', from: f.name, to: name });
    }
    const id = mapId<FlowId>(f.id);
    const folderId = (loose ? target : mapId(f.folderId as FolderId)) as FolderId;
    const data: RawFloData = rewrite(f.data, idMap);
    return {
      ...f,
      id,
      name,
      folderId,
      active: false,
      data: { ...data, uuid: id, group: folderId },
    };
  });
  const folderOfTable = (g: string): string => idMap.get(g) ?? (inPack(g) ? g : (target ?? g));
  const tables: RawTable[] = Object.values(pack.tables).map((t) => ({
    ...t,
    id: mapId(t.id),
    data: { ...t.data, group_id: folderOfTable(t.data.group_id) },
  }));
  const configs = Object.values(pack.configs).filter((c) => sameConnection(c) === undefined);

  const workspace: Workspace = {
    ...ws,
    folders: { ...ws.folders, ...Object.fromEntries(folders.map((f) => [f.id, f])) },
    flows: { ...ws.flows, ...Object.fromEntries(flows.map((f) => [f.id, f])) },
    tables: { ...ws.tables, ...Object.fromEntries(tables.map((t) => [t.id, t])) },
    configs: { ...ws.configs, ...Object.fromEntries(configs.map((c) => [c.id, c])) },
  };
  return ok({
    workspace,
    folders,
    flows,
    tables,
    configs,
    report: {
      folders: folders.length,
      flows: flows.length,
      tables: tables.length,
      connections: configs.length,
      renamed,
      cleaned,
      reidentified: idMap.size - merged,
    },
  });
}
