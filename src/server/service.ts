/**
 * The workspace service: each operation loads what it needs inside one transaction, runs a
 * pure model operation, and stores the result. Nothing is written unless all of it is. The
 * operations live by concern in `service/`; this class is the one object routes hold.
 */
import type { ExportTarget } from '../export/flopack/write.ts';
import type { ImportPlanReport } from '../export/plan/plan.ts';
import type { IdSource } from '../model/ids.ts';
import { randomIds } from '../model/ids.ts';
import type { ApprovalBlock } from '../model/review.ts';
import type { TemplateOptions } from '../model/templates.ts';
import type { FlowDto, FolderDto, ImportDto, TableDto, TreeDto, VersionDto } from './dto.ts';
import type { ServiceContext } from './service/context.ts';
import * as exporting from './service/exports.ts';
import type { Exported } from './service/exports.ts';
import * as flows from './service/flows.ts';
import type { FlowInput, FlowPatch } from './service/flows.ts';
import * as folders from './service/folders.ts';
import type { FolderInput, FolderPatch } from './service/folders.ts';
import * as importing from './service/imports.ts';
import * as versions from './service/versions.ts';
import type { Store, VersionHeader } from './storage/store.ts';

export { flowDto } from './service/context.ts';
export type { Exported, FlowInput, FlowPatch, FolderInput, FolderPatch };

/** Workspace operations over a store. */
export class WorkspaceService {
  private readonly ctx: ServiceContext;

  constructor(
    store: Store,
    clock: () => Date = () => new Date(),
    ids: IdSource = randomIds,
    /** Whether folder review rules hold exports back (team mode; local mode has no reviewers). */
    enforceReview = false,
  ) {
    this.ctx = { store, clock, ids, enforceReview };
  }

  /** Folders and flow headers. */
  tree(): Promise<TreeDto> {
    return folders.tree(this.ctx);
  }

  /** The workspace's tables by id and name, with their columns, sorted by name. */
  tables(): Promise<TableDto[]> {
    return folders.tables(this.ctx);
  }

  /** Creates a folder at the top level or in a parent. */
  createFolder(input: FolderInput): Promise<FolderDto> {
    return folders.create(this.ctx, input);
  }

  /** Renames, describes or moves a folder. */
  updateFolder(id: string, patch: FolderPatch): Promise<FolderDto> {
    return folders.update(this.ctx, id, patch);
  }

  /** Deletes a folder; with `recursive`, its subfolders and flows too. */
  deleteFolder(id: string, recursive: boolean): Promise<{ folders: number; flows: number }> {
    return folders.remove(this.ctx, id, recursive);
  }

  /** Creates a flow ("Unnamed" unless named) in a folder. */
  createFlow(input: FlowInput): Promise<FlowDto> {
    return flows.create(this.ctx, input);
  }

  /** A flow with its content. */
  getFlow(id: string): Promise<FlowDto> {
    return flows.get(this.ctx, id);
  }

  /** Saves a change to a flow as a new revision and version, unless the base is stale. */
  updateFlow(id: string, patch: FlowPatch, summary?: string): Promise<FlowDto> {
    return flows.update(this.ctx, id, patch, summary);
  }

  /** Turns a flow ON or OFF at once, without a new revision or version. */
  setFlowActive(id: string, active: boolean): Promise<FlowDto> {
    return flows.setActive(this.ctx, id, active);
  }

  /** Deletes a flow and its versions. */
  deleteFlow(id: string): Promise<void> {
    return flows.remove(this.ctx, id);
  }

  /** The versions of a flow, newest first. */
  versions(id: string): Promise<VersionHeader[]> {
    return versions.list(this.ctx, id);
  }

  /** One version with the flow as it was. */
  version(id: string, revision: number): Promise<VersionDto> {
    return versions.get(this.ctx, id, revision);
  }

  /** Restores a version: its name, description and content become a new revision. */
  restore(id: string, revision: number, baseRevision: number): Promise<FlowDto> {
    return versions.restore(this.ctx, id, revision, baseRevision);
  }

  /** Imports a flopack under a folder (or at the top level). */
  importFlopack(
    text: string,
    target: string | null,
    source: string,
    maxBytes?: number,
  ): Promise<ImportDto> {
    return importing.importFlopack(this.ctx, text, target, source, maxBytes);
  }

  /** Creates a template's flows in a folder. */
  createFromTemplate(id: string, target: string, opts: TemplateOptions = {}): Promise<ImportDto> {
    return importing.createFromTemplate(this.ctx, id, target, opts);
  }

  /** Exports a flow, a folder (as text) or the whole workspace (as a temporary file). */
  exportFlopack(target: ExportTarget, checkApproval = true): Promise<Exported> {
    return exporting.exportFlopack(this.ctx, target, checkApproval);
  }

  /** The flows a folder review rule would hold back from this export (none in local mode). */
  exportApproval(target: ExportTarget): Promise<{ blocked: ApprovalBlock[] }> {
    return exporting.exportApproval(this.ctx, target);
  }

  /** The import plan of the very file an export would download. */
  exportPlan(target: ExportTarget): Promise<ImportPlanReport> {
    return exporting.exportPlan(this.ctx, target);
  }
}
