/** Adding to the flow: a card from the palette, the event, a note. */
import { insertFromCatalog, insertionPoint } from '../canvas/commands.ts';
import { done, key, mod, writable } from './guards.ts';
import type { Action } from './registry.ts';

/** Opens the card palette. */
export const addCard: Action = {
  id: 'add-card',
  label: 'Add card…',
  shortcut: 'A',
  group: 'insert',
  keys: (e) => !mod(e) && !e.altKey && (key(e, 'a') || e.key === '/'),
  enabled: writable((env) => env.catalog !== null),
  run: (env) => env.openPalette(),
};

/** Opens the event picker. */
export const setEvent: Action = {
  id: 'set-event',
  label: 'Set the event…',
  shortcut: 'E',
  group: 'insert',
  keys: (e) => !mod(e) && !e.altKey && key(e, 'e'),
  enabled: writable((env) => env.catalog !== null),
  run: (env) => env.openEvents(),
};

/** Adds a note after the selection. */
export const addNote: Action = {
  id: 'add-note',
  label: 'Add note',
  shortcut: 'N',
  group: 'insert',
  keys: (e) => !mod(e) && !e.altKey && key(e, 'n'),
  enabled: writable((env) => env.catalog !== null),
  run: (env) => {
    if (!env.catalog) return;
    const at = insertionPoint(env.store.getState().selection, env.store.getState().flow.data);
    done(env, insertFromCatalog(env.store, env.catalog, 'root:kernel:control:comment', at));
  },
};
