/**
 * The workspace: a folder tree, the flows in it, and the tables and connection
 * placeholders their cards use. Plain data; every operation returns a new workspace.
 */
import type { FlowId, FolderId } from './ids.ts';
import type { Problem } from './errors.ts';
import type { JsonObject, RawConfig, RawFloData, RawGroup, RawTable } from './raw.ts';

/** A folder. `raw` keeps the fields of the exported group the studio does not edit. */
export interface Folder {
  id: FolderId;
  name: string;
  description: string;
  parentId: FolderId | null;
  raw: RawGroup | null;
}

/**
 * A flow. `data` is the flow's content exactly as exported (cards, orderings, settings);
 * `active` (ON/OFF) lives only in the workspace because Okta's export does not carry it.
 */
export interface Flow {
  id: FlowId;
  name: string;
  description: string;
  folderId: FolderId | null;
  active: boolean;
  data: RawFloData;
  /** Top-level keys of the exported flow object beyond id, name, description and data. */
  rest: JsonObject | null;
}

/** Where a workspace was read from, so an unedited file is written back byte for byte. */
export interface PackOrigin {
  version: string;
  created: string;
  flags: JsonObject;
  checksum: string | null;
  /** Top-level keys in file order (type, version, created, flags, data, checksum, …). */
  topKeys: string[];
  /** Top-level values other than the five known keys. */
  topRest: Record<string, unknown>;
  /** `data` keys in file order, and values other than flos/configs/tables/groups. */
  dataKeys: string[];
  dataRest: Record<string, unknown>;
  trailingNewline: boolean;
  /** The records as read; identity with the current ones means nothing was edited. */
  pristine: Pick<Workspace, 'folders' | 'flows' | 'tables' | 'configs'>;
  /** Things read() repaired and reported. */
  repairs: Problem[];
}

/** Folders, flows, tables and connections, keyed by id in file (or creation) order. */
export interface Workspace {
  folders: Record<string, Folder>;
  flows: Record<string, Flow>;
  tables: Record<string, RawTable>;
  configs: Record<string, RawConfig>;
  origin: PackOrigin | null;
}

/** An empty workspace. */
export const emptyWorkspace = (): Workspace => ({
  folders: {},
  flows: {},
  tables: {},
  configs: {},
  origin: null,
});

/** Looks a folder up. */
export const folderOf = (ws: Workspace, id: string): Folder | undefined => ws.folders[id];

/** Looks a flow up. */
export const flowOf = (ws: Workspace, id: string): Flow | undefined => ws.flows[id];

/** The folders directly inside `parentId` (null: the top level), in workspace order. */
export function childFolders(ws: Workspace, parentId: FolderId | null): Folder[] {
  return Object.values(ws.folders).filter((f) => f.parentId === parentId);
}

/** The flows directly in a folder, in workspace order. */
export function flowsIn(ws: Workspace, folderId: FolderId | null): Flow[] {
  return Object.values(ws.flows).filter((f) => f.folderId === folderId);
}

/** The folder and all folders below it, parents before children; each folder once, so a
 * parent cycle in stored data cannot loop. */
export function subtree(ws: Workspace, id: FolderId): Folder[] {
  const root = ws.folders[id];
  if (!root) return [];
  const kids = new Map<string, Folder[]>();
  for (const f of Object.values(ws.folders)) {
    if (f.parentId === null) continue;
    const list = kids.get(f.parentId);
    if (list) list.push(f);
    else kids.set(f.parentId, [f]);
  }
  const out: Folder[] = [root];
  const seen = new Set<string>([root.id]);
  for (let i = 0; i < out.length; i++) {
    const cur = out[i];
    for (const k of (cur && kids.get(cur.id)) ?? []) {
      if (seen.has(k.id)) continue;
      seen.add(k.id);
      out.push(k);
    }
  }
  return out;
}

/** Ancestors of a folder from the top-level folder down to its parent. */
export function ancestors(ws: Workspace, id: FolderId): Folder[] {
  const out: Folder[] = [];
  const seen = new Set<string>([id]);
  let cur = ws.folders[id]?.parentId ?? null;
  while (cur !== null && !seen.has(cur)) {
    const f = ws.folders[cur];
    if (!f) break;
    out.unshift(f);
    seen.add(cur);
    cur = f.parentId;
  }
  return out;
}

/** The level of a folder: 1 for a top-level folder. */
export const depthOf = (ws: Workspace, id: FolderId): number => ancestors(ws, id).length + 1;

/** Levels below and including a folder: 1 for a folder without subfolders. */
export function heightOf(ws: Workspace, id: FolderId): number {
  const all = subtree(ws, id);
  const level = new Map<string, number>([[id, 1]]);
  let h = all.length > 0 ? 1 : 0;
  for (const f of all.slice(1)) {
    const d = (f.parentId !== null ? (level.get(f.parentId) ?? 0) : 0) + 1;
    level.set(f.id, d);
    h = Math.max(h, d);
  }
  return h;
}

/**
 * Problems that make `folders` something other than a tree: a folder that is its own parent,
 * or a chain of parents that comes back to where it started. Iterative and bounded.
 */
export function treeProblems(
  folders: Readonly<Record<string, { id: string; parentId: string | null }>>,
): Problem[] {
  const problems: Problem[] = [];
  const state = new Map<string, 'open' | 'done'>();
  for (const start of Object.values(folders)) {
    if (state.has(start.id)) continue;
    const chain: string[] = [];
    let cur: string | null = start.id;
    while (cur !== null && folders[cur] && !state.has(cur)) {
      state.set(cur, 'open');
      chain.push(cur);
      cur = folders[cur]?.parentId ?? null;
    }
    if (cur !== null && state.get(cur) === 'open') {
      const loop = chain.slice(chain.indexOf(cur));
      problems.push({
        code: 'FOLDER_E006',
        message:
          loop.length === 1
            ? `Folder ${cur} is its own parent — folders must form a tree; fix its parent in the file.`
            : `Folders ${loop.join(' → ')} → ${cur} are each other's parents — folders must form a tree; fix their parents in the file.`,
      });
    }
    for (const id of chain) state.set(id, 'done');
  }
  return problems;
}

/**
 * The workspace with any parent cycle broken (each folder in a cycle that closes it moves to
 * the top level), so data stored before cycles were refused stays visible and deletable.
 */
export function withoutCycles<T extends { id: string; parentId: string | null }>(
  folders: T[],
): T[] {
  const byId = Object.fromEntries(folders.map((f) => [f.id, f]));
  if (treeProblems(byId).length === 0) return folders;
  const out: T[] = [];
  const settled = new Set<string>();
  for (const f of folders) {
    const seen = new Set<string>([f.id]);
    let cur = f.parentId;
    let cyclic = false;
    while (cur !== null && byId[cur] && !settled.has(cur)) {
      if (seen.has(cur)) {
        cyclic = cur === f.id;
        break;
      }
      seen.add(cur);
      cur = byId[cur]?.parentId ?? null;
    }
    settled.add(f.id);
    out.push(cyclic ? { ...f, parentId: null } : f);
    if (cyclic) byId[f.id] = { ...f, parentId: null };
  }
  return out;
}

/** Flow ids whose data is unchanged is judged by identity; this marks the workspace edited. */
export function isPristine(ws: Workspace): boolean {
  const o = ws.origin;
  return (
    o !== null &&
    o.pristine.flows === ws.flows &&
    o.pristine.folders === ws.folders &&
    o.pristine.tables === ws.tables &&
    o.pristine.configs === ws.configs
  );
}

/** Replaces one flow, keeping its position in the record. */
export function putFlow(ws: Workspace, flow: Flow): Workspace {
  return { ...ws, flows: { ...ws.flows, [flow.id]: flow } };
}

/** Replaces one folder, keeping its position in the record. */
export function putFolder(ws: Workspace, folder: Folder): Workspace {
  return { ...ws, folders: { ...ws.folders, [folder.id]: folder } };
}

/** The content of a flow, typed for callers that only need the data. */
export type FlowContent = RawFloData;
