/**
 * What every workspace operation shares: the store, the clock and id source, and the steps
 * each unit of work repeats — load the tree, fail with the model's problems, audit, notify.
 */
import type { Result } from '../../model/errors.ts';
import { flowKind } from '../../model/flows.ts';
import type { FlowId, IdSource } from '../../model/ids.ts';
import type { RawFloData } from '../../model/raw.ts';
import type { Flow, Folder, Workspace } from '../../model/workspace.ts';
import { withoutCycles } from '../../model/workspace.ts';
import { actorLabel, currentActor, INSTANCE_ID } from '../auth/context.ts';
import type { FlowDto, FolderDto } from '../dto.ts';
import { ApiError, problemError } from '../http.ts';
import type { ChangeNotice, FlowHeader, Store, StoreTx, StoredFlow } from '../storage/store.ts';

/** Anything that tells the time, as audit entries and change notices record it. */
export interface Clocked {
  readonly clock: () => Date;
}

/** The store and sources a workspace operation runs with. */
export interface ServiceContext extends Clocked {
  readonly store: Store;
  readonly ids: IdSource;
  /** Whether folder review rules hold exports back (team mode; local mode has no reviewers). */
  readonly enforceReview: boolean;
}

/** The context's time, as stored. */
export const now = (ctx: Clocked): string => ctx.clock().toISOString();

/** Who is acting, as versions and the audit trail name them. */
export const author = (): string => actorLabel(currentActor());

/** Records a change in the audit trail, in the same transaction as the change. */
export async function audit(
  ctx: Clocked,
  tx: StoreTx,
  action: string,
  target: string,
  detail: string,
): Promise<void> {
  await tx.addAudit({
    at: now(ctx),
    actor: author(),
    action,
    target,
    detail,
    instance: INSTANCE_ID,
  });
}

/** Tells every open studio about a change once it commits. */
export function tell(
  ctx: Clocked,
  tx: StoreTx,
  kind: ChangeNotice['kind'],
  flowIds: string[],
  revision?: number,
): void {
  tx.notify({
    kind,
    flowIds,
    revision,
    actor: author(),
    instance: INSTANCE_ID,
    at: now(ctx),
  });
}

/** The API view of a folder. */
export const folderDto = (f: Folder): FolderDto => ({
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

/** A model operation's value, or its problems as a 404 (something named is missing) or 422. */
export function must<T>(r: Result<T>): T {
  if (!r.ok) throw problemError(r.problems, NOT_FOUND.has(r.problems[0]?.code ?? '') ? 404 : 422);
  return r.value;
}

/** The stored flow `id`, or a 404 naming it. */
export async function mustFlow(tx: StoreTx, id: string): Promise<StoredFlow> {
  const flow = await tx.flow(id as FlowId);
  if (!flow)
    throw new ApiError(
      404,
      'FLOW_E001',
      `Flow ${id} does not exist — it may have been deleted; reload the workspace.`,
    );
  return flow;
}

/**
 * A workspace for validating folder and flow-header operations: full folders, and flows
 * with names and folders only (their content is not loaded and never written back).
 */
export async function loadTree(tx: StoreTx): Promise<{ ws: Workspace; headers: FlowHeader[] }> {
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
