/** Names of the things a flow refers to by id (helper flows, tables), for display. */
import type { Flow, Workspace } from '../../model/workspace.ts';
import { slug } from './escape.ts';

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

/** File names for flows: slugs of their names, numbered when two flows share one. */
export function flowFileNames(flows: readonly Flow[], ext: string): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const f of flows) {
    const base = slug(f.name);
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
    taken.add(name);
    out.set(f.id, `${name}.${ext}`);
  }
  return out;
}
