/** Folder operations: create, rename, move, delete, within Okta's depth limit. */
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { FolderId, IdSource } from './ids.ts';
import { randomIds } from './ids.ts';
import { cleanName, sameName } from './names.ts';
import type { Folder, Workspace } from './workspace.ts';
import { childFolders, depthOf, heightOf, subtree } from './workspace.ts';

/** Okta caps folder nesting at 5 levels, the top level included. */
export const MAX_FOLDER_DEPTH = 5;

const notFound = <T>(id: string): Result<T> =>
  fail('FOLDER_E001', `Folder ${id} does not exist — reload the workspace.`);

function clash(ws: Workspace, parentId: FolderId | null, name: string, except?: FolderId): boolean {
  return childFolders(ws, parentId).some((f) => f.id !== except && sameName(f.name, name));
}

/** Creates a folder at the top level (parentId null) or inside another folder. */
export function createFolder(
  ws: Workspace,
  input: { name: string; parentId: FolderId | null; description?: string },
  ids: IdSource = randomIds,
): Result<{ workspace: Workspace; folder: Folder }> {
  const name = cleanName(input.name, 'folder');
  if (!name.ok) return name;
  const { parentId } = input;
  if (parentId !== null) {
    if (!ws.folders[parentId]) return notFound(parentId);
    const depth = depthOf(ws, parentId) + 1;
    if (depth > MAX_FOLDER_DEPTH)
      return fail(
        'FOLDER_E002',
        `A folder here would be at level ${depth}; Okta allows ${MAX_FOLDER_DEPTH} levels including the top one — create it higher up.`,
      );
  }
  if (clash(ws, parentId, name.value))
    return fail(
      'FOLDER_E003',
      `A folder named "${name.value}" already exists here — choose another name.`,
    );
  const folder: Folder = {
    id: ids.uuid() as FolderId,
    name: name.value,
    description: input.description ?? '',
    parentId,
    raw: null,
  };
  return ok({ workspace: { ...ws, folders: { ...ws.folders, [folder.id]: folder } }, folder });
}

/** Renames a folder (and optionally sets its description). */
export function renameFolder(
  ws: Workspace,
  id: FolderId,
  rawName: string,
  description?: string,
): Result<Workspace> {
  const folder = ws.folders[id];
  if (!folder) return notFound(id);
  const name = cleanName(rawName, 'folder');
  if (!name.ok) return name;
  if (clash(ws, folder.parentId, name.value, id))
    return fail(
      'FOLDER_E003',
      `A folder named "${name.value}" already exists here — choose another name.`,
    );
  const next: Folder = {
    ...folder,
    name: name.value,
    description: description ?? folder.description,
  };
  return ok({ ...ws, folders: { ...ws.folders, [id]: next } });
}

/** Moves a folder (with everything in it) under another folder or to the top level. */
export function moveFolder(
  ws: Workspace,
  id: FolderId,
  parentId: FolderId | null,
): Result<Workspace> {
  const folder = ws.folders[id];
  if (!folder) return notFound(id);
  if (parentId !== null) {
    if (!ws.folders[parentId]) return notFound(parentId);
    if (subtree(ws, id).some((f) => f.id === parentId))
      return fail(
        'FOLDER_E004',
        `"${folder.name}" cannot move into itself or one of its subfolders.`,
      );
  }
  const levels = (parentId === null ? 0 : depthOf(ws, parentId)) + heightOf(ws, id);
  if (levels > MAX_FOLDER_DEPTH)
    return fail(
      'FOLDER_E002',
      `Moving "${folder.name}" there would nest folders ${levels} levels deep; Okta allows ${MAX_FOLDER_DEPTH}.`,
    );
  if (clash(ws, parentId, folder.name, id))
    return fail(
      'FOLDER_E003',
      `A folder named "${folder.name}" already exists there — rename one first.`,
    );
  return ok({ ...ws, folders: { ...ws.folders, [id]: { ...folder, parentId } } });
}

/**
 * Deletes a folder. A folder holding flows or subfolders is refused unless `recursive`,
 * which deletes its subfolders, flows and tables too.
 */
export function deleteFolder(
  ws: Workspace,
  id: FolderId,
  opts: { recursive?: boolean } = {},
): Result<Workspace> {
  const folder = ws.folders[id];
  if (!folder) return notFound(id);
  const doomed = new Set<string>(subtree(ws, id).map((f) => f.id));
  const flows = Object.values(ws.flows).filter(
    (f) => f.folderId !== null && doomed.has(f.folderId),
  );
  if (!opts.recursive && (doomed.size > 1 || flows.length > 0))
    return fail(
      'FOLDER_E005',
      `"${folder.name}" holds ${flows.length} flow(s) and ${doomed.size - 1} subfolder(s) — empty it first or delete it with everything in it.`,
    );
  const keep = <T>(rec: Record<string, T>, pred: (v: T) => boolean): Record<string, T> =>
    Object.fromEntries(Object.entries(rec).filter(([, v]) => pred(v)));
  return ok({
    ...ws,
    folders: keep(ws.folders, (f) => !doomed.has(f.id)),
    flows: keep(ws.flows, (f) => f.folderId === null || !doomed.has(f.folderId)),
    tables: keep(ws.tables, (t) => !doomed.has(t.data.group_id)),
  });
}
