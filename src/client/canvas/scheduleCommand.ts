/**
 * Setting the open Scheduled Flow's schedule: one model operation through the editor store,
 * so it is one undo step (a typing burst in one field merges), and an invalid schedule is
 * refused with its problems, leaving the draft as it was.
 */
import type { EditorStore } from '../editorStore.ts';
import type { Problem } from '../../model/errors.ts';
import { ok } from '../../model/errors.ts';
import type { Schedule } from '../../model/schedule.ts';
import { setSchedule } from '../../model/schedule.ts';

/** Sets the schedule; returns its problems (one per invalid field), or null when it applied. */
export function setFlowSchedule(
  store: EditorStore,
  schedule: Schedule,
  burst?: string,
): Problem[] | null {
  return store.getState().edit(
    (f) => {
      const r = setSchedule(f.data, schedule);
      if (!r.ok) return r;
      return ok(r.value === f.data ? f : { ...f, data: r.value });
    },
    burst === undefined ? {} : { burst: `schedule:${burst}` },
  );
}
