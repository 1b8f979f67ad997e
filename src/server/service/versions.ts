/** A flow's versions: the list, one version as it was, and restoring one as a new revision. */
import type { FlowId } from '../../model/ids.ts';
import type { FlowDto, VersionDto } from '../dto.ts';
import { ApiError } from '../http.ts';
import type { VersionHeader } from '../storage/store.ts';
import type { ServiceContext } from './context.ts';
import { flowDto, mustFlow } from './context.ts';
import { update } from './flows.ts';

/** The versions of a flow, newest first. */
export function list(ctx: ServiceContext, id: string): Promise<VersionHeader[]> {
  return ctx.store.transaction(async (tx) => {
    await mustFlow(tx, id);
    return tx.versions(id as FlowId);
  });
}

/** One version with the flow as it was. */
export function get(ctx: ServiceContext, id: string, revision: number): Promise<VersionDto> {
  return ctx.store.transaction(async (tx) => {
    const v = await tx.version(id as FlowId, revision);
    if (!v) throw new ApiError(404, 'VERSION_E001', `Flow ${id} has no version ${revision}.`);
    return { ...v, flow: flowDto({ ...v.flow, revision: v.revision, updatedAt: v.createdAt }) };
  });
}

/** Restores a version: its name, description and content become a new revision. */
export async function restore(
  ctx: ServiceContext,
  id: string,
  revision: number,
  baseRevision: number,
): Promise<FlowDto> {
  const v = await get(ctx, id, revision);
  return update(
    ctx,
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
