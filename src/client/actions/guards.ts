/** What the editor's actions share: key tests, and when an action may run. */
import type { Outcome } from '../canvas/commands.ts';
import { eventOf } from '../canvas/commands.ts';
import type { ActionEnv } from './registry.ts';

/** Ctrl, or Cmd on a Mac. */
export const mod = (e: KeyboardEvent): boolean => e.ctrlKey || e.metaKey;
/** Whether the event is letter `k`, whatever the case. */
export const key = (e: KeyboardEvent, k: string): boolean => e.key.toLowerCase() === k;
/** Whether a card is selected. */
export const selected = (env: ActionEnv): boolean => env.store.getState().selection !== null;
/** Whether a card other than the flow's event is selected. */
export const notEvent = (env: ActionEnv): boolean => {
  const sel = env.store.getState().selection;
  return sel !== null && !(sel.path.length === 0 && sel.card === eventOf(env.store));
};
/** Guards an action that changes the flow: never enabled while the draft is read-only. */
export const writable =
  (when: (env: ActionEnv) => boolean) =>
  (env: ActionEnv): boolean =>
    env.store.getState().readOnly === null && when(env);
/** Reports a command's outcome: its problems, or its notice. */
export const done = (env: ActionEnv, o: Outcome): void => env.report(o.problems, o.notice);
