/**
 * The last test run's status of each card, shown on the canvas until the flow is edited or
 * the Test run is closed. Kept apart from the draft: it is a view of a run, never saved.
 */
import { create } from 'zustand';
import type { CardRunStatus } from '../model/sim/cardStatus.ts';

/** The statuses of the open flow's cards after a run, by card id. */
export interface RunStatusState {
  flowId: string | null;
  /** The flow content the run was made of; any edit makes a new one, and the statuses go. */
  data: unknown;
  statuses: ReadonlyMap<string, CardRunStatus> | null;
  show: (flowId: string, data: unknown, statuses: ReadonlyMap<string, CardRunStatus>) => void;
  clear: () => void;
}

/** The run-status store (one per page: one flow is open at a time). */
export const useRunStatus = create<RunStatusState>()((set) => ({
  flowId: null,
  data: null,
  statuses: null,
  show: (flowId, data, statuses) => set({ flowId, data, statuses }),
  clear: () => set((s) => (s.statuses ? { flowId: null, data: null, statuses: null } : s)),
}));

/** The id of the element that says a card's run status (its accessible description). */
export const runStatusId = (card: string): string => `run-status-${card}`;
