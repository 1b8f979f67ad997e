/** Moving around the flow with the keyboard: card to card, lane to lane, to the Inspector. */
import { navigate } from '../canvas/navigation.ts';
import type { Direction } from '../canvas/navigation.ts';
import { key, mod, selected } from './guards.ts';
import type { Action, ActionEnv } from './registry.ts';

const move =
  (direction: Direction): ((env: ActionEnv) => void) =>
  (env) => {
    const s = env.store.getState();
    const to = navigate(s.flow.data, s.selection, direction);
    if (to) {
      s.select(to);
      env.focusCard(to.card);
    }
  };

/** Moves focus to the Inspector. */
export const inspect: Action = {
  id: 'inspect',
  label: 'Edit the selected card in the Inspector',
  shortcut: 'I',
  group: 'navigate',
  keys: (e) => !mod(e) && !e.altKey && key(e, 'i'),
  enabled: selected,
  run: (env) => env.focusInspector(),
};

/** Selects the next card. */
export const next: Action = {
  id: 'next',
  label: 'Next card',
  shortcut: '→',
  group: 'navigate',
  keys: (e) => !mod(e) && e.key === 'ArrowRight',
  enabled: () => true,
  run: move('next'),
};

/** Selects the previous card. */
export const previous: Action = {
  id: 'previous',
  label: 'Previous card',
  shortcut: '←',
  group: 'navigate',
  keys: (e) => !mod(e) && e.key === 'ArrowLeft',
  enabled: selected,
  run: move('previous'),
};

/** Selects the first card of the next lane. */
export const laneDown: Action = {
  id: 'lane-down',
  label: 'Next lane (branch or inline flow)',
  shortcut: '↓',
  group: 'navigate',
  keys: (e) => !mod(e) && !e.altKey && e.key === 'ArrowDown',
  enabled: selected,
  run: move('down'),
};

/** Selects the first card of the previous lane. */
export const laneUp: Action = {
  id: 'lane-up',
  label: 'Previous lane',
  shortcut: '↑',
  group: 'navigate',
  keys: (e) => !mod(e) && !e.altKey && e.key === 'ArrowUp',
  enabled: selected,
  run: move('up'),
};

/** Clears the selection. */
export const deselect: Action = {
  id: 'deselect',
  label: 'Clear selection',
  shortcut: 'Esc',
  group: 'navigate',
  keys: (e) => e.key === 'Escape',
  enabled: selected,
  run: (env) => env.store.getState().select(null),
};
