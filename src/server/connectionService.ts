/**
 * The workspace's connections (placeholders per app): list, create, rename, and delete —
 * refused while a saved flow's card uses the connection, naming the cards. Each change is
 * recorded in the audit trail in the same transaction.
 */
import {
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

  /** Deletes a connection no saved card uses; 409 naming the cards otherwise. */
  delete(id: string): Promise<{ deleted: string }> {
    return this.store.transaction(async (tx) => {
      const c = (await byId(tx))[id];
      if (!c)
        throw new ApiError(404, 'CONN_E001', `Connection ${id} does not exist — reload the list.`);
      const uses = connectionUses(await tx.flows(), id);
      const refused = deleteProblem(uses, c.name);
      if (refused) throw new ApiError(409, refused.code, refused.message, { uses });
      await tx.deleteConfig(id);
      await this.audit(tx, 'connection.delete', id, `Deleted ${c.module} connection "${c.name}"`);
      return { deleted: id };
    });
  }
}
