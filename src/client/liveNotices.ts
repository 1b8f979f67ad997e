/**
 * Live change notices for the open flow: which notices concern it, and whether the draft is
 * now behind what the server holds. Plain data in, data out; the browser wiring is in
 * `events.ts`.
 */
import type { ChangeNotice } from '../contract/api.ts';

/** Someone changed or deleted the open flow on the server. */
export interface RemoteChange {
  kind: 'changed' | 'deleted';
  /** Who did it (e-mail, or name in local mode). */
  actor: string;
  /** The server's revision after the change, when known. */
  revision: number | null;
  at: string;
}

/** What a notice means for the open flow, or null when it does not concern it. */
export function remoteChange(n: ChangeNotice, flowId: string): RemoteChange | null {
  if (!n.flowIds.includes(flowId)) return null;
  const kind = n.kind === 'flow.deleted' || n.kind === 'folder.deleted' ? 'deleted' : 'changed';
  if (n.kind === 'flow.created' || n.kind === 'flow.reviewed' || n.kind === 'review.rule')
    return null;
  return { kind, actor: n.actor, revision: n.revision ?? null, at: n.at };
}

/**
 * Whether to tell the person: a deletion always; a change once its revision is past the one
 * the draft started from (so one's own save, echoed back, never raises it), and never while
 * one's own save is on its way.
 */
export function isBehind(change: RemoteChange | null, baseRevision: number, saving: boolean) {
  if (!change) return false;
  if (change.kind === 'deleted') return true;
  return !saving && change.revision !== null && change.revision > baseRevision;
}

/** The banner's sentence. */
export function changeMessage(change: RemoteChange): string {
  const who = change.actor || 'someone';
  return change.kind === 'deleted' ? `Flow deleted by ${who}` : `Flow changed by ${who}`;
}

/** Reads one `change` event's data; null for anything that is not a notice. */
export function parseNotice(data: string): ChangeNotice | null {
  let v: unknown;
  try {
    v = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const n = v as Partial<ChangeNotice>;
  if (typeof n.kind !== 'string' || !Array.isArray(n.flowIds)) return null;
  if (!n.flowIds.every((id) => typeof id === 'string')) return null;
  return {
    kind: n.kind,
    flowIds: n.flowIds,
    revision: typeof n.revision === 'number' ? n.revision : undefined,
    actor: typeof n.actor === 'string' ? n.actor : '',
    instance: typeof n.instance === 'string' ? n.instance : '',
    at: typeof n.at === 'string' ? n.at : '',
  };
}
