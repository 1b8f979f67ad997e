/** Applies flow-content operations of the model to the open draft, as undoable edits. */
import type { Problem, Result } from '../../model/errors.ts';
import { ok } from '../../model/errors.ts';
import { refreshDisplay } from '../../model/flows.ts';
import type { RawFloData } from '../../model/raw.ts';
import type { Flow } from '../../model/workspace.ts';
import { useEditorStore } from '../flow/editorContext.ts';

/** A model operation on a flow's content. */
export type DataOp = (data: RawFloData) => Result<RawFloData>;

/** Lifts a content operation to the flow (keeping the flow object when nothing changed). */
export function onData(op: DataOp): (flow: Flow) => Result<Flow> {
  return (f) => {
    const r = op(f.data);
    if (!r.ok) return r;
    return ok(r.value === f.data ? f : { ...f, data: refreshDisplay(r.value) });
  };
}

/** Applies an operation; returns its problems, or null. */
export type Apply = (op: DataOp, burst?: string) => Problem[] | null;

/**
 * The editor's `edit` for content operations. Edits under the same `burst` key within a
 * moment merge into one undo step (a typing burst).
 */
export function useFlowEdit(): Apply {
  const store = useEditorStore();
  return (op, burst) => store.getState().edit(onData(op), burst === undefined ? {} : { burst });
}

/** The first problem's message, or null. */
export const firstMessage = (problems: Problem[] | null): string | null =>
  problems?.[0]?.message ?? null;
