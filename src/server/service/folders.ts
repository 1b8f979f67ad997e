/** The workspace tree: listing it, and creating, changing and deleting folders. */
import { createFolder, deleteFolder, moveFolder, renameFolder } from '../../model/folders.ts';
import type { FolderId } from '../../model/ids.ts';
import { tableColumns } from '../../model/tables.ts';
import type { Folder } from '../../model/workspace.ts';
import { subtree, withoutCycles } from '../../model/workspace.ts';
import type { FolderDto, TableDto, TreeDto } from '../dto.ts';
import { ApiError } from '../http.ts';
import type { ServiceContext } from './context.ts';
import { audit, folderDto, loadTree, must, tell } from './context.ts';

/** Folders and flow headers. */
export function tree(ctx: ServiceContext): Promise<TreeDto> {
  return ctx.store.transaction(async (tx) => ({
    folders: withoutCycles(await tx.folders()).map(folderDto),
    flows: await tx.flowHeaders(),
  }));
}

/** The workspace's tables by id and name, with their columns, sorted by name. */
export function tables(ctx: ServiceContext): Promise<TableDto[]> {
  return ctx.store.transaction(async (tx) =>
    (await tx.tables())
      .map((t) => ({ id: t.id, name: t.name, columns: tableColumns(t) }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
  );
}

const missingFolder = (id: string): ApiError =>
  new ApiError(404, 'FOLDER_E001', `Folder ${id} does not exist — reload the workspace.`);

/** A new folder: its name, parent (null: the top level) and description. */
export interface FolderInput {
  name: string;
  parentId: string | null;
  description?: string | undefined;
}

/** A change to a folder: a new name, description or parent (null: the top level). */
export interface FolderPatch {
  name?: string | undefined;
  description?: string | undefined;
  parentId?: string | null | undefined;
}

/** Creates a folder at the top level or in a parent. */
export function create(ctx: ServiceContext, input: FolderInput): Promise<FolderDto> {
  return ctx.store.transaction(async (tx) => {
    const { ws } = await loadTree(tx);
    const made = must(
      createFolder(
        ws,
        {
          name: input.name,
          parentId: input.parentId as FolderId | null,
          ...(input.description !== undefined ? { description: input.description } : {}),
        },
        ctx.ids,
      ),
    );
    await tx.putFolder(made.folder);
    await audit(ctx, tx, 'folder.create', made.folder.id, `Created folder "${made.folder.name}"`);
    return folderDto(made.folder);
  });
}

/** Renames, describes or moves a folder. */
export function update(ctx: ServiceContext, id: string, patch: FolderPatch): Promise<FolderDto> {
  return ctx.store.transaction(async (tx) => {
    let { ws } = await loadTree(tx);
    const folder = ws.folders[id];
    if (!folder) throw missingFolder(id);
    if (patch.name !== undefined || patch.description !== undefined)
      ws = must(renameFolder(ws, folder.id, patch.name ?? folder.name, patch.description));
    if (patch.parentId !== undefined && patch.parentId !== folder.parentId)
      ws = must(moveFolder(ws, folder.id, patch.parentId as FolderId | null));
    const next = ws.folders[id] as Folder;
    await tx.putFolder(next);
    await audit(ctx, tx, 'folder.update', id, `Changed folder "${next.name}"`);
    return folderDto(next);
  });
}

/** Deletes a folder; with `recursive`, its subfolders and flows too. */
export function remove(
  ctx: ServiceContext,
  id: string,
  recursive: boolean,
): Promise<{ folders: number; flows: number }> {
  return ctx.store.transaction(async (tx) => {
    const { ws } = await loadTree(tx);
    if (!ws.folders[id]) throw missingFolder(id);
    const doomed = subtree(ws, id as FolderId);
    must(deleteFolder(ws, id as FolderId, { recursive }));
    const ids = new Set<string>(doomed.map((f) => f.id));
    const flows = Object.values(ws.flows).filter((f) => f.folderId !== null && ids.has(f.folderId));
    await tx.deleteFlows(flows.map((f) => f.id));
    const tables = (await tx.tables()).filter((t) => ids.has(t.data.group_id));
    await tx.deleteTables(tables.map((t) => t.id));
    await tx.deleteFolders(doomed.map((f) => f.id).reverse());
    await audit(
      ctx,
      tx,
      'folder.delete',
      id,
      `Deleted folder "${ws.folders[id]?.name ?? id}" (${doomed.length} folders, ${flows.length} flows)`,
    );
    tell(
      ctx,
      tx,
      'folder.deleted',
      flows.map((f) => f.id),
    );
    return { folders: doomed.length, flows: flows.length };
  });
}
