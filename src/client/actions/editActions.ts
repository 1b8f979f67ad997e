/** Editing the draft: undo and redo, saving, the clipboard, deleting and moving cards. */
import { isDirty } from '../editorStore.ts';
import {
  copySelected,
  duplicateSelected,
  pasteClipAt,
  removeSelected,
  shiftSelected,
} from '../canvas/commands.ts';
import { done, key, mod, notEvent, writable } from './guards.ts';
import type { Action } from './registry.ts';

/** Steps back through the draft's history. */
export const undo: Action = {
  id: 'undo',
  label: 'Undo',
  shortcut: 'Ctrl+Z',
  group: 'edit',
  keys: (e) => mod(e) && !e.shiftKey && key(e, 'z'),
  enabled: writable((env) => env.store.temporal.getState().pastStates.length > 0),
  run: (env) => env.store.temporal.getState().undo(),
};

/** Steps forward again. */
export const redo: Action = {
  id: 'redo',
  label: 'Redo',
  shortcut: 'Shift+Ctrl+Z',
  group: 'edit',
  keys: (e) => mod(e) && ((e.shiftKey && key(e, 'z')) || key(e, 'y')),
  enabled: writable((env) => env.store.temporal.getState().futureStates.length > 0),
  run: (env) => env.store.temporal.getState().redo(),
};

/** Saves the draft as a new revision. */
export const save: Action = {
  id: 'save',
  label: 'Save',
  shortcut: 'Ctrl+S',
  group: 'flow',
  keys: (e) => mod(e) && key(e, 's'),
  enabled: writable((env) => isDirty(env.store.getState())),
  run: (env) => env.save(),
};

/** Deletes the selected card. */
export const deleteCard: Action = {
  id: 'delete',
  label: 'Delete card',
  shortcut: 'Delete',
  group: 'edit',
  keys: (e) => !mod(e) && (e.key === 'Delete' || e.key === 'Backspace'),
  enabled: writable(notEvent),
  run: (env) => done(env, removeSelected(env.store)),
};

/** Duplicates the selected card after itself. */
export const duplicate: Action = {
  id: 'duplicate',
  label: 'Duplicate card',
  shortcut: 'Ctrl+D',
  group: 'edit',
  keys: (e) => mod(e) && key(e, 'd'),
  enabled: writable(notEvent),
  run: (env) => done(env, duplicateSelected(env.store)),
};

/** Copies the selected card to the clipboard. */
export const copy: Action = {
  id: 'copy',
  label: 'Copy card',
  shortcut: 'Ctrl+C',
  group: 'edit',
  keys: (e) => mod(e) && key(e, 'c'),
  enabled: notEvent,
  run: (env) => {
    const r = copySelected(env.store);
    if (r.clip) {
      env.clipboard.set(r.clip);
      env.report(null, `Copied “${r.clip.titles.join('”, “')}”.`);
    } else env.report(r.problems);
  },
};

/** Copies the selected card, then deletes it. */
export const cut: Action = {
  id: 'cut',
  label: 'Cut card',
  shortcut: 'Ctrl+X',
  group: 'edit',
  keys: (e) => mod(e) && key(e, 'x'),
  enabled: writable(notEvent),
  run: (env) => {
    const r = copySelected(env.store);
    if (!r.clip) return env.report(r.problems);
    env.clipboard.set(r.clip);
    done(env, removeSelected(env.store));
  },
};

/** Pastes the clipboard after the selection. */
export const paste: Action = {
  id: 'paste',
  label: 'Paste',
  shortcut: 'Ctrl+V',
  group: 'edit',
  keys: (e) => mod(e) && key(e, 'v'),
  enabled: writable((env) => env.clipboard.get() !== null),
  run: (env) => {
    const clip = env.clipboard.get();
    if (clip) done(env, pasteClipAt(env.store, clip));
  },
};

/** Moves the selected card one place earlier. */
export const moveEarlier: Action = {
  id: 'move-earlier',
  label: 'Move card earlier',
  shortcut: 'Alt+↑',
  group: 'edit',
  keys: (e) => e.altKey && !mod(e) && e.key === 'ArrowUp',
  enabled: writable(notEvent),
  run: (env) => {
    done(env, shiftSelected(env.store, 'earlier'));
    const sel = env.store.getState().selection;
    if (sel) env.focusCard(sel.card);
  },
};

/** Moves the selected card one place later. */
export const moveLater: Action = {
  id: 'move-later',
  label: 'Move card later',
  shortcut: 'Alt+↓',
  group: 'edit',
  keys: (e) => e.altKey && !mod(e) && e.key === 'ArrowDown',
  enabled: writable(notEvent),
  run: (env) => {
    done(env, shiftSelected(env.store, 'later'));
    const sel = env.store.getState().selection;
    if (sel) env.focusCard(sel.card);
  },
};
