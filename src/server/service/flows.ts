/** Flows: creating, reading, saving as new revisions, turning ON or OFF, and deleting. */
import { describeChange } from '../../model/changeSummary.ts';
import { createFlow, moveFlow, setFlowProperties } from '../../model/flows.ts';
import type { FlowId, FolderId } from '../../model/ids.ts';
import type { Flow } from '../../model/workspace.ts';
import { checkFlowContent } from '../content.ts';
import type { FlowDto } from '../dto.ts';
import { ApiError } from '../http.ts';
import type { StoredFlow } from '../storage/store.ts';
import type { ServiceContext } from './context.ts';
import { audit, author, flowDto, loadTree, must, mustFlow, now, tell } from './context.ts';

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

/** A new flow: its folder, and a name and description when given. */
export interface FlowInput {
  folderId: string;
  name?: string | undefined;
  description?: string | undefined;
}

/** Creates a flow ("Unnamed" unless named) in a folder. */
export function create(ctx: ServiceContext, input: FlowInput): Promise<FlowDto> {
  return ctx.store.transaction(async (tx) => {
    const { ws } = await loadTree(tx);
    const made = must(
      createFlow(
        ws,
        input.folderId as FolderId,
        {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
        },
        ctx.ids,
      ),
    );
    const stored: StoredFlow = { ...made.flow, revision: 1, updatedAt: now(ctx) };
    await tx.putFlow(stored);
    await tx.addVersion({
      flowId: stored.id,
      revision: 1,
      createdAt: stored.updatedAt,
      summary: 'Created',
      author: author(),
      flow: made.flow,
    });
    await audit(ctx, tx, 'flow.create', stored.id, `Created flow "${stored.name}"`);
    tell(ctx, tx, 'flow.created', [stored.id], 1);
    return flowDto(stored);
  });
}

/** A flow with its content. */
export function get(ctx: ServiceContext, id: string): Promise<FlowDto> {
  return ctx.store.transaction(async (tx) => flowDto(await mustFlow(tx, id)));
}

/** Saves a change to a flow as a new revision and version, unless the base is stale. */
export function update(
  ctx: ServiceContext,
  id: string,
  patch: FlowPatch,
  summary?: string,
): Promise<FlowDto> {
  return ctx.store.transaction(async (tx) => {
    const current = await mustFlow(tx, id);
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
    const stored: StoredFlow = { ...next, revision: current.revision + 1, updatedAt: now(ctx) };
    await tx.putFlow(stored);
    await tx.addVersion({
      flowId: stored.id,
      revision: stored.revision,
      createdAt: stored.updatedAt,
      summary: summary ?? describeChange(current, next),
      author: author(),
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
    await audit(
      ctx,
      tx,
      action,
      id,
      `"${next.name}" revision ${stored.revision}: ${summary ?? describeChange(current, next)}`,
    );
    tell(ctx, tx, 'flow.saved', [id], stored.revision);
    return flowDto(stored);
  });
}

/**
 * Turns a flow ON or OFF at once, as Okta's console does: the state is the workspace's, not
 * the flow's content, so it makes no version and leaves the revision (and any open draft's
 * base) as it was.
 */
export function setActive(ctx: ServiceContext, id: string, active: boolean): Promise<FlowDto> {
  return ctx.store.transaction(async (tx) => {
    const current = await mustFlow(tx, id);
    if (current.active === active) return flowDto(current);
    const stored: StoredFlow = { ...current, active };
    await tx.putFlow(stored);
    await audit(
      ctx,
      tx,
      active ? 'flow.on' : 'flow.off',
      id,
      `"${current.name}" turned ${active ? 'ON' : 'OFF'}`,
    );
    tell(ctx, tx, 'flow.saved', [id], stored.revision);
    return flowDto(stored);
  });
}

/** Deletes a flow and its versions. */
export function remove(ctx: ServiceContext, id: string): Promise<void> {
  return ctx.store.transaction(async (tx) => {
    const flow = await mustFlow(tx, id);
    await tx.deleteFlows([id as FlowId]);
    await audit(ctx, tx, 'flow.delete', id, `Deleted flow "${flow.name}"`);
    tell(ctx, tx, 'flow.deleted', [id]);
  });
}
