/**
 * The workspace's connections (placeholders per app): list, where they are used, create,
 * rename, and delete — refused while a saved flow's card uses the connection, naming the
 * cards, unless the caller explicitly asks to remove it from those cards first (each such
 * flow gets a new revision and version, so nothing is lost silently). Each change is recorded
 * in the audit trail in the same transaction.
 */
import type { FlowUse } from '../model/connections.ts';
import {
  clearConnectionEverywhere,
  connectionUsage,
  connectionUses,
  createConnection,
  deleteProblem,
  renameConnection,
} from '../model/connections.ts';
import type { IdSource } from '../model/ids.ts';
import { randomIds } from '../model/ids.ts';
import type { RawConfig } from '../model/raw.ts';
import { actorLabel, currentActor, INSTANCE_ID } from './auth/context.ts';
import { ApiError, problemError } from './http.ts';
import type { Store, StoreTx } from './storage/store.ts';

const byId = async (tx: StoreTx): Promise<Record<string, RawConfig>> =>
  Object.fromEntries((await tx.configs()).map((c) => [c.id, c]));

/** Connection operations over a store. */
export class ConnectionService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
    private readonly ids: IdSource = randomIds,
  ) {}

  private async audit(tx: StoreTx, action: string, target: string, detail: string) {
    await tx.addAudit({
      at: this.clock().toISOString(),
      actor: actorLabel(currentActor()),
      action,
      target,
      detail,
      instance: INSTANCE_ID,
    });
  }

  /** Every connection, in creation (or import) order. */
  list(): Promise<RawConfig[]> {
    return this.store.transaction((tx) => tx.configs());
  }

  /** Per connection id, the saved flows whose cards use it and how many cards in each. */
  usage(): Promise<Record<string, FlowUse[]>> {
    return this.store.transaction(async (tx) => connectionUsage(await tx.flows()));
  }

  /** Creates a placeholder `{id, name, module, data: null}`. */
  create(input: { name: string; module: string }): Promise<RawConfig> {
    return this.store.transaction(async (tx) => {
      const configs = await byId(tx);
      let id = this.ids.uuid();
      while (configs[id]) id = this.ids.uuid();
      const r = createConnection(configs, { id, name: input.name, module: input.module });
      if (!r.ok) throw problemError(r.problems);
      await tx.putConfig(r.value);
      await this.audit(
        tx,
        'connection.create',
        id,
        `Created ${r.value.module} connection "${r.value.name}"`,
      );
      return r.value;
    });
  }

  /** Renames a connection. */
  rename(id: string, name: string): Promise<RawConfig> {
    return this.store.transaction(async (tx) => {
      const configs = await byId(tx);
      const r = renameConnection(configs, id, name);
      if (!r.ok) throw problemError(r.problems, configs[id] ? 422 : 404);
      await tx.putConfig(r.value);
      await this.audit(tx, 'connection.rename', id, `Renamed connection to "${r.value.name}"`);
      return r.value;
    });
  }

  /**
   * Deletes a connection no saved card uses; 409 naming the cards otherwise. With `detach`,
   * the connection is first removed from those cards: each flow is saved as a new revision
   * (its version says why), and open studios are told, as for any save.
   */
  delete(id: string, detach = false): Promise<{ deleted: string; detached: string[] }> {
    return this.store.transaction(async (tx) => {
      const c = (await byId(tx))[id];
      if (!c)
        throw new ApiError(404, 'CONN_E001', `Connection ${id} does not exist — reload the list.`);
      const flows = await tx.flows();
      const uses = connectionUses(flows, id);
      const refused = deleteProblem(uses, c.name);
      if (refused && !detach) throw new ApiError(409, refused.code, refused.message, { uses });
      const detached: string[] = [];
      const at = this.clock().toISOString();
      for (const flow of flows) {
        const cards = uses.filter((u) => u.flowId === flow.id).length;
        if (cards === 0) continue;
        const data = clearConnectionEverywhere(flow.data, id);
        const stored = { ...flow, data, revision: flow.revision + 1, updatedAt: at };
        const summary = `Removed connection “${c.name}” from ${cards} card${cards === 1 ? '' : 's'}`;
        await tx.putFlow(stored);
        const { revision, updatedAt, ...content } = stored;
        await tx.addVersion({
          flowId: flow.id,
          revision,
          createdAt: updatedAt,
          summary,
          author: actorLabel(currentActor()),
          flow: content,
        });
        await this.audit(
          tx,
          'flow.save',
          flow.id,
          `"${flow.name}" revision ${revision}: ${summary}`,
        );
        tx.notify({
          kind: 'flow.saved',
          flowIds: [flow.id],
          revision,
          actor: actorLabel(currentActor()),
          instance: INSTANCE_ID,
          at,
        });
        detached.push(flow.id);
      }
      await tx.deleteConfig(id);
      await this.audit(tx, 'connection.delete', id, `Deleted ${c.module} connection "${c.name}"`);
      return { deleted: id, detached };
    });
  }
}
