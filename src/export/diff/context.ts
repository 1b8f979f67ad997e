/** What the flow diff needs to know about the rest of each file: names and flow identities. */
import type { Workspace } from '../../model/workspace.ts';
import type { Names } from '../render/names.ts';
import { NO_NAMES, namesOf } from '../render/names.ts';
import type { FlowRef } from './types.ts';

/** One side of a comparison. */
export interface Side {
  names: Names;
  /** A helper flow's identity across versions (matched flows share one). */
  flowKey: (id: string) => string;
  /** A connection's display name. */
  configName: (id: string | null) => string;
}

/** The flow being compared and both sides' lookups. */
export interface DiffContext {
  flow: FlowRef;
  old: Side;
  new: Side;
}

/** A side without a workspace: ids are shown and compared as they are. */
export const BARE_SIDE: Side = {
  names: NO_NAMES,
  flowKey: (id) => id,
  configName: (id) => id ?? 'none',
};

/** A side read from a workspace; `flowKey` maps its flow ids to shared identities. */
export function sideOf(ws: Workspace, flowKey: (id: string) => string): Side {
  return {
    names: namesOf(ws),
    flowKey,
    configName: (id) => (id === null ? 'none' : (ws.configs[id]?.name ?? id)),
  };
}
