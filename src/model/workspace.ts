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

/** The folder and all folders below it, parents before children. */
export function subtree(ws: Workspace, id: FolderId): Folder[] {
  const root = ws.folders[id];
  if (!root) return [];
  const out: Folder[] = [root];
  for (let i = 0; i < out.length; i++) {
    const cur = out[i];
    if (cur) out.push(...childFolders(ws, cur.id));
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
  const kids = childFolders(ws, id);
  return 1 + kids.reduce((h, k) => Math.max(h, heightOf(ws, k.id)), 0);
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
