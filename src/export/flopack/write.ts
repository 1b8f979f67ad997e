/**
 * Writes a workspace, a folder or a flow as flopack text, as Okta's console does: compact
 * `JSON.stringify`, key order kept, new files stamped version 1.5.0 without a checksum.
 * A workspace read from a file and not edited since is written back byte for byte.
 */
import type { Result } from '../../model/errors.ts';
import { fail, ok } from '../../model/errors.ts';
import type { FlowId, FolderId } from '../../model/ids.ts';
import type { JsonObject, RawConfig, RawFlo, RawGroup, RawTable } from '../../model/raw.ts';
import type { Flow, Folder, Workspace } from '../../model/workspace.ts';
import { ancestors, isPristine, subtree } from '../../model/workspace.ts';
import { refsOf } from './refs.ts';

/** What to export. */
export type ExportTarget =
  | { kind: 'workspace' }
  | { kind: 'folder'; id: FolderId; subfolders?: boolean }
  | { kind: 'flow'; id: FlowId };

/** Options of `writeFlopack`. */
export interface WriteOptions {
  /** Export time stamped into `created` (default: now). */
  now?: Date;
}

/** The format version Okta's current exporter writes. */
export const CURRENT_VERSION = '1.5.0';

/** The runtime flags every real export carries. */
export const DEFAULT_FLAGS: JsonObject = {
  'auto-transform': true,
  looseBooleans: true,
  looseStrings: true,
  looseNulls: true,
};

interface Selection {
  folders: Folder[];
  flows: Flow[];
  tables: RawTable[];
  configs: RawConfig[];
}

/** Serialises a selection of the workspace as a flopack. */
export function writeFlopack(
  ws: Workspace,
  target: ExportTarget = { kind: 'workspace' },
  opts: WriteOptions = {},
): Result<string> {
  if (target.kind === 'workspace' && isPristine(ws) && ws.origin) return ok(writePristine(ws));
  const sel = select(ws, target);
  if (!sel.ok) return sel;
  const { folders, flows, tables, configs } = sel.value;
  const inExport = new Set(folders.map((f) => f.id));
  const groups: Record<string, RawGroup> = {};
  for (const f of folders) {
    const path = ancestors(ws, f.id)
      .filter((a) => inExport.has(a.id))
      .map((a) => a.id)
      .join('.');
    groups[f.id] = groupOf(f, path);
  }
  const flos: Record<string, RawFlo> = {};
  for (const f of flows) flos[f.id] = floOf(f);
  const origin = target.kind === 'workspace' ? ws.origin : null;
  const data: Record<string, unknown> = {
    flos,
    configs: Object.fromEntries(configs.map((c) => [c.id, c])),
    tables: Object.fromEntries(tables.map((t) => [t.id, t])),
    groups,
    ...(origin?.dataRest ?? {}),
  };
  const doc = {
    type: 'flopack',
    version: origin?.version ?? CURRENT_VERSION,
    created: (opts.now ?? new Date()).toISOString(),
    flags: origin?.flags ?? DEFAULT_FLAGS,
    data,
    ...(origin?.topRest ?? {}),
  };
  return ok(JSON.stringify(doc));
}

/** What `workspaceFlopackChunks` reads: everything but flow content, which it asks for one flow at a time. */
export interface WorkspaceSource {
  folders: readonly Folder[];
  /** Every flow's id, in the workspace's order. */
  flowIds: readonly FlowId[];
  /** One flow with its content (null if it went away meanwhile: it is left out). */
  flow: (id: FlowId) => Promise<Flow | null>;
  tables: readonly RawTable[];
  configs: readonly RawConfig[];
}

/**
 * The whole workspace (without an origin) as flopack text in pieces, holding one flow at a
 * time: joined, the pieces are exactly `writeFlopack(ws)`. For exports too big to build whole.
 */
export async function* workspaceFlopackChunks(
  source: WorkspaceSource,
  opts: WriteOptions = {},
): AsyncGenerator<string> {
  const ws: Workspace = {
    folders: Object.fromEntries(source.folders.map((f) => [f.id, f])),
    flows: {},
    tables: {},
    configs: {},
    origin: null,
  };
  const groups: Record<string, RawGroup> = {};
  for (const f of source.folders)
    groups[f.id] = groupOf(
      f,
      ancestors(ws, f.id)
        .map((a) => a.id)
        .join('.'),
    );
  const head = JSON.stringify({
    type: 'flopack',
    version: CURRENT_VERSION,
    created: (opts.now ?? new Date()).toISOString(),
    flags: DEFAULT_FLAGS,
    data: {},
  });
  // Everything up to the data object's closing braces, then the flos one by one.
  yield `${head.slice(0, -2)}"flos":{`;
  let first = true;
  for (const id of jsonKeyOrder(source.flowIds)) {
    const flow = await source.flow(id);
    if (!flow) continue;
    yield `${first ? '' : ','}${JSON.stringify(id)}:${JSON.stringify(floOf(flow))}`;
    first = false;
  }
  const rest = JSON.stringify({
    configs: Object.fromEntries(source.configs.map((c) => [c.id, c])),
    tables: Object.fromEntries(source.tables.map((t) => [t.id, t])),
    groups,
  });
  yield `},${rest.slice(1)}}`;
}

/** Keys in the order `JSON.stringify` writes an object's: array indices first, ascending. */
function jsonKeyOrder<K extends string>(keys: readonly K[]): K[] {
  const index = (k: string): boolean => /^(0|[1-9]\d{0,9})$/.test(k) && Number(k) < 4294967295;
  const unique = [...new Set(keys)];
  return [
    ...unique.filter(index).sort((a, b) => Number(a) - Number(b)),
    ...unique.filter((k) => !index(k)),
  ];
}

/** An unedited workspace read from a file: the file's own envelope and key order. */
function writePristine(ws: Workspace): string {
  const o = ws.origin;
  if (!o) throw new Error('writePristine needs an origin');
  const flos: Record<string, RawFlo> = {};
  for (const f of Object.values(ws.flows)) flos[f.id] = floOf(f);
  const groups: Record<string, RawGroup> = {};
  for (const f of Object.values(ws.folders)) groups[f.id] = f.raw ?? groupOf(f, '');
  const known: Record<string, unknown> = { flos, configs: ws.configs, tables: ws.tables, groups };
  const data: Record<string, unknown> = {};
  for (const k of o.dataKeys) data[k] = k in known ? known[k] : o.dataRest[k];
  const top: Record<string, unknown> = {
    type: 'flopack',
    version: o.version,
    created: o.created,
    flags: o.flags,
    data,
    checksum: o.checksum ?? undefined,
    ...o.topRest,
  };
  const doc: Record<string, unknown> = {};
  for (const k of o.topKeys) doc[k] = top[k];
  return JSON.stringify(doc) + (o.trailingNewline ? '\n' : '');
}

function select(ws: Workspace, target: ExportTarget): Result<Selection> {
  let folders: Folder[];
  let roots: Flow[];
  if (target.kind === 'workspace') {
    folders = Object.values(ws.folders);
    roots = Object.values(ws.flows);
  } else if (target.kind === 'folder') {
    const folder = ws.folders[target.id];
    if (!folder)
      return fail('EXPORT_E001', `Folder ${target.id} does not exist — reload the workspace.`);
    folders = target.subfolders === false ? [folder] : subtree(ws, target.id);
    const ids = new Set(folders.map((f) => f.id));
    roots = Object.values(ws.flows).filter((f) => f.folderId !== null && ids.has(f.folderId));
  } else {
    const flow = ws.flows[target.id];
    if (!flow)
      return fail('EXPORT_E002', `Flow ${target.id} does not exist — reload the workspace.`);
    folders = [];
    roots = [flow];
  }
  // Helper flows a flow calls travel with it, as Okta keeps links between exported objects.
  const flowIds = new Set(roots.map((f) => f.id as string));
  const queue = [...roots];
  for (let i = 0; i < queue.length; i++) {
    const flow = queue[i];
    if (!flow) continue;
    for (const ref of refsOf(flow.data).flows) {
      const helper = ws.flows[ref];
      if (helper && !flowIds.has(ref)) {
        flowIds.add(ref);
        queue.push(helper);
      }
    }
  }
  const flows = Object.values(ws.flows).filter((f) => flowIds.has(f.id));
  if (target.kind === 'folder') {
    const ids = new Set(folders.map((f) => f.id as string));
    for (const f of flows) {
      const home = f.folderId !== null ? ws.folders[f.folderId] : undefined;
      if (home && !ids.has(home.id)) {
        ids.add(home.id);
        folders.push(home);
      }
    }
  }
  const folderIds = new Set(folders.map((f) => f.id as string));
  const tableRefs = new Set<string>();
  const configRefs = new Set<string>();
  for (const f of flows) {
    const refs = refsOf(f.data);
    refs.tables.forEach((t) => tableRefs.add(t));
    refs.configs.forEach((c) => configRefs.add(c));
  }
  const everything = target.kind === 'workspace';
  const tables = Object.values(ws.tables).filter(
    (t) => everything || tableRefs.has(t.id) || folderIds.has(t.data.group_id),
  );
  const configs = Object.values(ws.configs).filter((c) => everything || configRefs.has(c.id));
  return ok({ folders, flows, tables, configs });
}

function groupOf(f: Folder, path: string): RawGroup {
  const raw = f.raw;
  if (!raw)
    return { id: f.id, data: { name: f.name, description: f.description, media_uri: '', path } };
  const keepsPath = 'path' in raw.data || path !== '';
  if (
    raw.data.name === f.name &&
    raw.data.description === f.description &&
    (!keepsPath || raw.data.path === path)
  )
    return raw;
  const data = { ...raw.data, name: f.name, description: f.description };
  if (keepsPath) data.path = path;
  return { ...raw, id: f.id, data };
}

function floOf(f: Flow): RawFlo {
  const data = f.data.group === f.folderId ? f.data : { ...f.data, group: f.folderId };
  return { id: f.id, name: f.name, description: f.description, data, ...(f.rest ?? {}) };
}
