/**
 * The workspace service: each operation loads what it needs inside one transaction, runs a
 * pure model operation, and stores the result. Nothing is written unless all of it is.
 */
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeChange } from '../model/changeSummary.ts';
import type { Result } from '../model/errors.ts';
import { createFolder, deleteFolder, moveFolder, renameFolder } from '../model/folders.ts';
import { createFlow, flowKind, moveFlow, setFlowProperties } from '../model/flows.ts';
import type { FlowId, FolderId, IdSource } from '../model/ids.ts';
import { randomIds } from '../model/ids.ts';
import { planImport } from '../model/importPack.ts';
import type { TemplateOptions } from '../model/templates.ts';
import { buildTemplate, TEMPLATES } from '../model/templates.ts';
import { catalog } from '../catalog/index.ts';
import type { RawFloData } from '../model/raw.ts';
import type { Flow, Folder, Workspace } from '../model/workspace.ts';
import { subtree, withoutCycles } from '../model/workspace.ts';
import { MAX_FLOPACK_BYTES } from '../export/flopack/read.ts';
import { readFlopackOffThread } from './readOffThread.ts';
import type { ExportTarget } from '../export/flopack/write.ts';
import { workspaceFlopackChunks, writeFlopack } from '../export/flopack/write.ts';
import { refsOf } from '../export/flopack/refs.ts';
import type { ImportPlanReport } from '../export/plan/plan.ts';
import { importPlan } from '../export/plan/plan.ts';
import type { FlowDto, FolderDto, ImportDto, TableDto, TreeDto, VersionDto } from './dto.ts';
import { tableColumns } from '../model/tables.ts';
import { ApiError, problemError } from './http.ts';
import type { FlowHeader, Store, StoreTx, StoredFlow, VersionHeader } from './storage/store.ts';
import { checkFlowContent } from './content.ts';
import { actorLabel, currentActor, INSTANCE_ID } from './auth/context.ts';
import type { ChangeNotice } from './storage/store.ts';
import { assertApproved, exportBlocks } from './reviewService.ts';
import type { ApprovalBlock } from '../model/review.ts';

const folderDto = (f: Folder): FolderDto => ({
  id: f.id,
  name: f.name,
  description: f.description,
  parentId: f.parentId,
});

/** The API view of a stored flow. */
export const flowDto = (f: StoredFlow): FlowDto => ({
  id: f.id,
  name: f.name,
  description: f.description,
  folderId: f.folderId,
  active: f.active,
  saveAllData: f.data.log,
  kind: flowKind(f.data),
  revision: f.revision,
  updatedAt: f.updatedAt,
  content: f.data,
});

/** Codes that mean "the thing named in the URL or body does not exist". */
const NOT_FOUND = new Set(['FOLDER_E001', 'FLOW_E001', 'VERSION_E001', 'TEMPLATE_E001']);

function must<T>(r: Result<T>): T {
  if (!r.ok) throw problemError(r.problems, NOT_FOUND.has(r.problems[0]?.code ?? '') ? 404 : 422);
  return r.value;
}

/**
 * A workspace for validating folder and flow-header operations: full folders, and flows
 * with names and folders only (their content is not loaded and never written back).
 */
async function loadTree(tx: StoreTx): Promise<{ ws: Workspace; headers: FlowHeader[] }> {
  const folders = withoutCycles(await tx.folders());
  const headers = await tx.flowHeaders();
  const flows: Record<string, Flow> = {};
  for (const h of headers) {
    flows[h.id] = {
      id: h.id,
      name: h.name,
      description: h.description,
      folderId: h.folderId,
      active: h.active,
      data: { log: h.saveAllData } as RawFloData,
      rest: null,
    };
  }
  return {
    ws: {
      folders: Object.fromEntries(folders.map((f) => [f.id, f])),
      flows,
      tables: {},
      configs: {},
      origin: null,
    },
    headers,
  };
}

/** Lets the event loop run other requests between the steps of a long unit of work. */
const yieldToOthers = (): Promise<void> => new Promise((r) => setImmediate(r));

/** A change to a flow; `baseRevision` is the revision the client started from. */
export interface FlowPatch {
  baseRevision: number;
  name?: string | undefined;
  description?: string | undefined;
  active?: boolean | undefined;
  saveAllData?: boolean | undefined;
  folderId?: string | undefined;
  content?: unknown;
}

/** Workspace operations over a store. */
export class WorkspaceService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
    private readonly ids: IdSource = randomIds,
    /** Whether folder review rules hold exports back (team mode; local mode has no reviewers). */
    private readonly enforceReview = false,
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  /** Who is acting, as versions and the audit trail name them. */
  private author(): string {
    return actorLabel(currentActor());
  }

  /** Records a change in the audit trail, in the same transaction as the change. */
  private async audit(tx: StoreTx, action: string, target: string, detail: string): Promise<void> {
    await tx.addAudit({
      at: this.now(),
      actor: this.author(),
      action,
      target,
      detail,
      instance: INSTANCE_ID,
    });
  }

  /** Tells every open studio about a change once it commits. */
  private tell(
    tx: StoreTx,
    kind: ChangeNotice['kind'],
    flowIds: string[],
    revision?: number,
  ): void {
    tx.notify({
      kind,
      flowIds,
      revision,
      actor: this.author(),
      instance: INSTANCE_ID,
      at: this.now(),
    });
  }

  /** Folders and flow headers. */
  tree(): Promise<TreeDto> {
    return this.store.transaction(async (tx) => ({
      folders: withoutCycles(await tx.folders()).map(folderDto),
      flows: await tx.flowHeaders(),
    }));
  }

  /** The workspace's tables by id and name, with their columns, sorted by name. */
  tables(): Promise<TableDto[]> {
    return this.store.transaction(async (tx) =>
      (await tx.tables())
        .map((t) => ({ id: t.id, name: t.name, columns: tableColumns(t) }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    );
  }

  /** Creates a folder at the top level or in a parent. */
  createFolder(input: {
    name: string;
    parentId: string | null;
    description?: string | undefined;
  }): Promise<FolderDto> {
    return this.store.transaction(async (tx) => {
      const { ws } = await loadTree(tx);
      const made = must(
        createFolder(
          ws,
          {
            name: input.name,
            parentId: input.parentId as FolderId | null,
            ...(input.description !== undefined ? { description: input.description } : {}),
          },
          this.ids,
        ),
      );
      await tx.putFolder(made.folder);
      await this.audit(tx, 'folder.create', made.folder.id, `Created folder "${made.folder.name}"`);
      return folderDto(made.folder);
    });
  }

  /** Renames, describes or moves a folder. */
  updateFolder(
    id: string,
    patch: {
      name?: string | undefined;
      description?: string | undefined;
      parentId?: string | null | undefined;
    },
  ): Promise<FolderDto> {
    return this.store.transaction(async (tx) => {
      let { ws } = await loadTree(tx);
      const folder = ws.folders[id];
      if (!folder)
        throw new ApiError(
          404,
          'FOLDER_E001',
          `Folder ${id} does not exist — reload the workspace.`,
        );
      if (patch.name !== undefined || patch.description !== undefined)
        ws = must(renameFolder(ws, folder.id, patch.name ?? folder.name, patch.description));
      if (patch.parentId !== undefined && patch.parentId !== folder.parentId)
        ws = must(moveFolder(ws, folder.id, patch.parentId as FolderId | null));
      const next = ws.folders[id] as Folder;
      await tx.putFolder(next);
      await this.audit(tx, 'folder.update', id, `Changed folder "${next.name}"`);
      return folderDto(next);
    });
  }

  /** Deletes a folder; with `recursive`, its subfolders and flows too. */
  deleteFolder(id: string, recursive: boolean): Promise<{ folders: number; flows: number }> {
    return this.store.transaction(async (tx) => {
      const { ws } = await loadTree(tx);
      if (!ws.folders[id])
        throw new ApiError(
          404,
          'FOLDER_E001',
          `Folder ${id} does not exist — reload the workspace.`,
        );
      const doomed = subtree(ws, id as FolderId);
      must(deleteFolder(ws, id as FolderId, { recursive }));
      const ids = new Set<string>(doomed.map((f) => f.id));
      const flows = Object.values(ws.flows).filter(
        (f) => f.folderId !== null && ids.has(f.folderId),
      );
      await tx.deleteFlows(flows.map((f) => f.id));
      const tables = (await tx.tables()).filter((t) => ids.has(t.data.group_id));
      await tx.deleteTables(tables.map((t) => t.id));
      await tx.deleteFolders(doomed.map((f) => f.id).reverse());
      await this.audit(
        tx,
        'folder.delete',
        id,
        `Deleted folder "${ws.folders[id]?.name ?? id}" (${doomed.length} folders, ${flows.length} flows)`,
      );
      this.tell(
        tx,
        'folder.deleted',
        flows.map((f) => f.id),
      );
      return { folders: doomed.length, flows: flows.length };
    });
  }

  /** Creates a flow ("Unnamed" unless named) in a folder. */
  createFlow(input: {
    folderId: string;
    name?: string | undefined;
    description?: string | undefined;
  }): Promise<FlowDto> {
    return this.store.transaction(async (tx) => {
      const { ws } = await loadTree(tx);
      const made = must(
        createFlow(
          ws,
          input.folderId as FolderId,
          {
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.description !== undefined ? { description: input.description } : {}),
          },
          this.ids,
        ),
      );
      const stored: StoredFlow = { ...made.flow, revision: 1, updatedAt: this.now() };
      await tx.putFlow(stored);
      await tx.addVersion({
        flowId: stored.id,
        revision: 1,
        createdAt: stored.updatedAt,
        summary: 'Created',
        author: this.author(),
        flow: made.flow,
      });
      await this.audit(tx, 'flow.create', stored.id, `Created flow "${stored.name}"`);
      this.tell(tx, 'flow.created', [stored.id], 1);
      return flowDto(stored);
    });
  }

  /** A flow with its content. */
  getFlow(id: string): Promise<FlowDto> {
    return this.store.transaction(async (tx) => flowDto(await this.mustFlow(tx, id)));
  }

  private async mustFlow(tx: StoreTx, id: string): Promise<StoredFlow> {
    const flow = await tx.flow(id as FlowId);
    if (!flow)
      throw new ApiError(
        404,
        'FLOW_E001',
        `Flow ${id} does not exist — it may have been deleted; reload the workspace.`,
      );
    return flow;
  }

  /** Saves a change to a flow as a new revision and version, unless the base is stale. */
  updateFlow(id: string, patch: FlowPatch, summary?: string): Promise<FlowDto> {
    return this.store.transaction(async (tx) => {
      const current = await this.mustFlow(tx, id);
      if (patch.baseRevision !== current.revision)
        throw new ApiError(
          409,
          'FLOW_E409',
          `"${current.name}" was saved elsewhere (revision ${current.revision}) after you opened revision ${patch.baseRevision} — reload it, or overwrite with your version.`,
          { revision: current.revision, updatedAt: current.updatedAt },
        );
      let { ws } = await loadTree(tx);
      ws = { ...ws, flows: { ...ws.flows, [id]: current } };
      if (patch.name !== undefined || patch.description !== undefined)
        ws = must(
          setFlowProperties(ws, current.id, {
            ...(patch.name !== undefined ? { name: patch.name } : {}),
            ...(patch.description !== undefined ? { description: patch.description } : {}),
          }),
        );
      if (patch.folderId !== undefined)
        ws = must(moveFlow(ws, current.id, patch.folderId as FolderId));
      let next = ws.flows[id] as Flow;
      if (patch.content !== undefined)
        next = { ...next, data: checkFlowContent(patch.content, current.id) };
      if (patch.saveAllData !== undefined && next.data.log !== patch.saveAllData)
        next = { ...next, data: { ...next.data, log: patch.saveAllData } };
      if (patch.active !== undefined) next = { ...next, active: patch.active };
      const stored: StoredFlow = { ...next, revision: current.revision + 1, updatedAt: this.now() };
      await tx.putFlow(stored);
      await tx.addVersion({
        flowId: stored.id,
        revision: stored.revision,
        createdAt: stored.updatedAt,
        summary: summary ?? describeChange(current, next),
        author: this.author(),
        flow: next,
      });
      const action =
        summary?.startsWith('Restored') === true
          ? 'flow.restore'
          : current.active !== next.active
            ? next.active
              ? 'flow.on'
              : 'flow.off'
            : 'flow.save';
      await this.audit(
        tx,
        action,
        id,
        `"${next.name}" revision ${stored.revision}: ${summary ?? describeChange(current, next)}`,
      );
      this.tell(tx, 'flow.saved', [id], stored.revision);
      return flowDto(stored);
    });
  }

  /**
   * Turns a flow ON or OFF at once, as Okta's console does: the state is the workspace's, not
   * the flow's content, so it makes no version and leaves the revision (and any open draft's
   * base) as it was.
   */
  setFlowActive(id: string, active: boolean): Promise<FlowDto> {
    return this.store.transaction(async (tx) => {
      const current = await this.mustFlow(tx, id);
      if (current.active === active) return flowDto(current);
      const stored: StoredFlow = { ...current, active };
      await tx.putFlow(stored);
      await this.audit(
        tx,
        active ? 'flow.on' : 'flow.off',
        id,
        `"${current.name}" turned ${active ? 'ON' : 'OFF'}`,
      );
      this.tell(tx, 'flow.saved', [id], stored.revision);
      return flowDto(stored);
    });
  }

  /** Deletes a flow and its versions. */
  deleteFlow(id: string): Promise<void> {
    return this.store.transaction(async (tx) => {
      const flow = await this.mustFlow(tx, id);
      await tx.deleteFlows([id as FlowId]);
      await this.audit(tx, 'flow.delete', id, `Deleted flow "${flow.name}"`);
      this.tell(tx, 'flow.deleted', [id]);
    });
  }

  /** The versions of a flow, newest first. */
  versions(id: string): Promise<VersionHeader[]> {
    return this.store.transaction(async (tx) => {
      await this.mustFlow(tx, id);
      return tx.versions(id as FlowId);
    });
  }

  /** One version with the flow as it was. */
  version(id: string, revision: number): Promise<VersionDto> {
    return this.store.transaction(async (tx) => {
      const v = await tx.version(id as FlowId, revision);
      if (!v) throw new ApiError(404, 'VERSION_E001', `Flow ${id} has no version ${revision}.`);
      return { ...v, flow: flowDto({ ...v.flow, revision: v.revision, updatedAt: v.createdAt }) };
    });
  }

  /** Restores a version: its name, description and content become a new revision. */
  async restore(id: string, revision: number, baseRevision: number): Promise<FlowDto> {
    const v = await this.version(id, revision);
    return this.updateFlow(
      id,
      {
        baseRevision,
        name: v.flow.name,
        description: v.flow.description,
        saveAllData: v.flow.saveAllData,
        content: v.flow.content,
      },
      `Restored version ${revision}`,
    );
  }

  /** Imports a flopack under a folder (or at the top level). */
  async importFlopack(
    text: string,
    target: string | null,
    source: string,
    maxBytes = MAX_FLOPACK_BYTES,
  ): Promise<ImportDto> {
    const read = await readFlopackOffThread(text, maxBytes);
    if (!read.ok) throw problemError(read.problems);
    return this.addPack(read.value, target, `Imported from ${source}`);
  }

  /** Creates a template's flows in a folder. */
  createFromTemplate(id: string, target: string, opts: TemplateOptions = {}): Promise<ImportDto> {
    if (!TEMPLATES.some((t) => t.id === id))
      throw problemError(
        [{ code: 'TEMPLATE_E001', message: `There is no template "${id}".` }],
        404,
      );
    const built = buildTemplate(catalog, id, this.ids, opts);
    if (!built.ok) throw problemError(built.problems, 400);
    const title = TEMPLATES.find((t) => t.id === id)?.title ?? id;
    return this.addPack(built.value, target, `Created from the template “${title}”`);
  }

  /** Adds a read or built pack's folders and flows (never overwriting), each at version 1. */
  private addPack(pack: Workspace, target: string | null, summary: string): Promise<ImportDto> {
    return this.store.transaction(async (tx) => {
      // Names and ids are all an import needs of the flows already here, not their content.
      const { ws: tree } = await loadTree(tx);
      const [tables, configs] = await Promise.all([tx.tables(), tx.configs()]);
      const ws: Workspace = {
        ...tree,
        tables: Object.fromEntries(tables.map((t) => [t.id, t])),
        configs: Object.fromEntries(configs.map((c) => [c.id, c])),
      };
      const plan = must(planImport(ws, pack, target as FolderId | null, this.ids));
      for (const f of plan.folders) await tx.putFolder(f);
      for (const t of plan.tables) await tx.putTable(t);
      for (const c of plan.configs) await tx.putConfig(c);
      const now = this.now();
      for (const f of plan.flows) {
        await yieldToOthers(); // a big import lets the server answer other requests meanwhile
        await tx.putFlow({ ...f, revision: 1, updatedAt: now });
        await tx.addVersion({
          flowId: f.id,
          revision: 1,
          createdAt: now,
          summary,
          author: this.author(),
          flow: f,
        });
      }
      await this.audit(
        tx,
        'import',
        target ?? '',
        `${summary}: ${plan.folders.length} folders, ${plan.flows.length} flows`,
      );
      this.tell(
        tx,
        'import',
        plan.flows.map((f) => f.id),
      );
      return {
        report: plan.report,
        folderIds: plan.folders.map((f) => f.id),
        flowIds: plan.flows.map((f) => f.id),
      };
    });
  }

  /**
   * Exports a flow or a folder as flopack text, loading only the flows it holds (and the
   * helpers they call); the whole workspace goes to a temporary file one flow at a time, so
   * an export never holds the workspace's content in memory.
   */
  exportFlopack(target: ExportTarget, checkApproval = true): Promise<Exported> {
    return this.store.transaction(async (tx) => {
      const gate = checkApproval && this.enforceReview;
      if (target.kind === 'workspace') {
        if (gate) await assertApproved(tx, await tx.flowHeaders());
        return this.exportWorkspaceFile(tx);
      }
      const ws = await loadForExport(tx, target);
      if (gate) await assertApproved(tx, Object.values(ws.flows) as StoredFlow[]);
      const text = writeFlopack(ws, target, { now: this.clock() });
      if (!text.ok) throw problemError(text.problems, 404);
      const name =
        target.kind === 'flow'
          ? `${ws.flows[target.id]?.name ?? 'flow'}.flow`
          : `${ws.folders[target.id]?.name ?? 'folder'}.folder`;
      return { text: text.value, filename: name };
    });
  }

  /** The flows a folder review rule would hold back from this export (none in local mode). */
  exportApproval(target: ExportTarget): Promise<{ blocked: ApprovalBlock[] }> {
    return this.store.transaction(async (tx) => {
      if (!this.enforceReview) return { blocked: [] };
      const flows =
        target.kind === 'workspace'
          ? await tx.flowHeaders()
          : (Object.values((await loadForExport(tx, target)).flows) as StoredFlow[]);
      return { blocked: await exportBlocks(tx, flows) };
    });
  }

  /**
   * The import plan of an export (`flopack plan` of the very file the export would download):
   * the export is written, read back and planned, so the list is that of the file itself.
   * A plan releases nothing, so it is shown even while a review rule holds the export back.
   */
  async exportPlan(target: ExportTarget): Promise<ImportPlanReport> {
    const exported = await this.exportFlopack(target, false);
    let text: string;
    if ('text' in exported) text = exported.text;
    else
      try {
        text = await readFile(exported.file, 'utf8');
      } finally {
        await rm(path.dirname(exported.file), { recursive: true, force: true });
      }
    const read = await readFlopackOffThread(
      text,
      Math.max(Buffer.byteLength(text), MAX_FLOPACK_BYTES),
    );
    if (!read.ok) throw problemError(read.problems, 500);
    return importPlan(read.value);
  }

  private async exportWorkspaceFile(tx: StoreTx): Promise<Exported> {
    const [folders, headers, tables, configs] = [
      withoutCycles(await tx.folders()),
      await tx.flowHeaders(),
      await tx.tables(),
      await tx.configs(),
    ];
    const dir = await mkdtemp(path.join(tmpdir(), 'flopack-export-'));
    const file = path.join(dir, 'workspace.flopack');
    const out = await open(file, 'wx', 0o600);
    let bytes = 0;
    try {
      for await (const piece of workspaceFlopackChunks(
        {
          folders,
          flowIds: headers.map((h) => h.id),
          flow: (id) => tx.flow(id),
          tables,
          configs,
        },
        { now: this.clock() },
      )) {
        const buf = Buffer.from(piece, 'utf8');
        await out.write(buf);
        bytes += buf.byteLength;
      }
    } catch (e) {
      await out.close();
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
    await out.close();
    return { file, bytes, filename: 'workspace.flopack' };
  }
}

/** A finished export: text, or a temporary file the caller streams and then removes. */
export type Exported =
  { filename: string; text: string } | { filename: string; file: string; bytes: number };

/**
 * The part of the workspace a flow or folder export needs: every folder, table and
 * connection, and only the flows in the selection plus the helpers they call (transitively;
 * each flow is loaded once, so reference cycles end).
 */
async function loadForExport(
  tx: StoreTx,
  target: Exclude<ExportTarget, { kind: 'workspace' }>,
): Promise<Workspace> {
  const folders = withoutCycles(await tx.folders());
  const headers = await tx.flowHeaders();
  const [tables, configs] = [await tx.tables(), await tx.configs()];
  const known = new Set<string>(headers.map((h) => h.id));
  const ws: Workspace = {
    folders: Object.fromEntries(folders.map((f) => [f.id, f])),
    flows: {},
    tables: Object.fromEntries(tables.map((t) => [t.id, t])),
    configs: Object.fromEntries(configs.map((c) => [c.id, c])),
    origin: null,
  };
  let want: FlowId[];
  if (target.kind === 'flow') want = known.has(target.id) ? [target.id] : [];
  else {
    const folder = ws.folders[target.id];
    const chosen = !folder ? [] : target.subfolders === false ? [folder] : subtree(ws, folder.id);
    const ids = new Set<string>(chosen.map((f) => f.id));
    want = headers.filter((h) => h.folderId !== null && ids.has(h.folderId)).map((h) => h.id);
  }
  const loaded = new Map<string, StoredFlow>();
  while (want.length > 0) {
    const got = await tx.flows(want);
    for (const f of got) loaded.set(f.id, f);
    const next = new Set<FlowId>();
    for (const f of got)
      for (const ref of refsOf(f.data).flows)
        if (known.has(ref) && !loaded.has(ref)) next.add(ref as FlowId);
    want = [...next];
  }
  // The workspace's own order, as a full load would give.
  for (const h of headers) {
    const f = loaded.get(h.id);
    if (f) ws.flows[f.id] = f;
  }
  return ws;
}
