/** Names of the things a flow refers to by id (helper flows, tables), for display. */
import type { Workspace } from '../../model/workspace.ts';

/** Looks up display names; null when the id is not in the file. */
export interface Names {
  flow(id: string): string | null;
  table(id: string): string | null;
}

/** Names from a workspace. */
export function namesOf(ws: Workspace): Names {
  return {
    flow: (id) => ws.flows[id]?.name ?? null,
    table: (id) => ws.tables[id]?.name ?? null,
  };
}

/** No names known: ids are shown as they are. */
export const NO_NAMES: Names = { flow: () => null, table: () => null };

/** A helper flow's display name, or its id marked as missing. */
export const flowLabel = (names: Names, id: string): string =>
  names.flow(id) ?? `${id} (not in this file)`;
