/**
 * Every editor action is defined once — id, label, shortcut, when it is enabled, what it
 * does — and the toolbar, the context menu, the keyboard and the command palette all read
 * this list.
 */
import type { EditorStore } from '../editorStore.ts';
import { isDirty } from '../editorStore.ts';
import type { Catalog } from '../../model/catalog.ts';
import type { Clip } from '../../model/clipboard.ts';
import type { Problem } from '../../model/errors.ts';
import type { Outcome } from '../canvas/commands.ts';
import {
  copySelected,
  duplicateSelected,
  eventOf,
  insertFromCatalog,
  insertionPoint,
  pasteClipAt,
  removeSelected,
  shiftSelected,
} from '../canvas/commands.ts';
import { navigate } from '../canvas/navigation.ts';
import type { Direction } from '../canvas/navigation.ts';

/** What actions can reach. */
export interface ActionEnv {
  store: EditorStore;
  catalog: Catalog | null;
  save: () => void;
  openPalette: () => void;
  openCommands: () => void;
  openEvents: () => void;
  focusInspector: () => void;
  viewport: { fitView: () => void; zoomIn: () => void; zoomOut: () => void } | null;
  clipboard: { get: () => Clip | null; set: (clip: Clip) => void };
  report: (problems: Problem[] | null, notice?: string) => void;
  focusCard: (id: string) => void;
  /** What lives beside the editor: the flow's dialogs and drawer, the theme, other flows. */
  studio: StudioCommands;
}

/** The open flow's dialogs and tools, reached by the command palette as well as the header. */
export interface StudioCommands {
  openDialog: (dialog: 'export' | 'compare' | 'properties' | 'connections') => void;
  showPanel: (panel: 'check' | 'test' | 'versions') => void;
  toggleTheme: () => void;
  /** Turns the open flow ON or OFF (saved at once, as the header's switch does). */
  toggleActive: () => void;
  /** Lets the user choose any flow of the workspace to open. */
  chooseFlow: () => void;
}

/** One user action. */
export interface Action {
  id: string;
  label: string;
  /** Shown in menus, e.g. "Ctrl+Z". */
  shortcut: string | null;
  group: 'edit' | 'insert' | 'navigate' | 'view' | 'flow';
  /** Whether a key event triggers it. */
  keys?: (e: KeyboardEvent) => boolean;
  enabled: (env: ActionEnv) => boolean;
  run: (env: ActionEnv) => void;
}

const mod = (e: KeyboardEvent): boolean => e.ctrlKey || e.metaKey;
const key = (e: KeyboardEvent, k: string): boolean => e.key.toLowerCase() === k;
const selected = (env: ActionEnv): boolean => env.store.getState().selection !== null;
const notEvent = (env: ActionEnv): boolean => {
  const sel = env.store.getState().selection;
  return sel !== null && !(sel.path.length === 0 && sel.card === eventOf(env.store));
};
/** Guards an action that changes the flow: never enabled while the draft is read-only. */
const writable =
  (when: (env: ActionEnv) => boolean) =>
  (env: ActionEnv): boolean =>
    env.store.getState().readOnly === null && when(env);
const done = (env: ActionEnv, o: Outcome): void => env.report(o.problems, o.notice);

const move =
  (direction: Direction): ((env: ActionEnv) => void) =>
  (env) => {
    const s = env.store.getState();
    const next = navigate(s.flow.data, s.selection, direction);
    if (next) {
      s.select(next);
      env.focusCard(next.card);
    }
  };

/** The editor's actions, in menu order. */
export const ACTIONS: readonly Action[] = [
  {
    id: 'undo',
    label: 'Undo',
    shortcut: 'Ctrl+Z',
    group: 'edit',
    keys: (e) => mod(e) && !e.shiftKey && key(e, 'z'),
    enabled: writable((env) => env.store.temporal.getState().pastStates.length > 0),
    run: (env) => env.store.temporal.getState().undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    shortcut: 'Shift+Ctrl+Z',
    group: 'edit',
    keys: (e) => mod(e) && ((e.shiftKey && key(e, 'z')) || key(e, 'y')),
    enabled: writable((env) => env.store.temporal.getState().futureStates.length > 0),
    run: (env) => env.store.temporal.getState().redo(),
  },
  {
    id: 'save',
    label: 'Save',
    shortcut: 'Ctrl+S',
    group: 'flow',
    keys: (e) => mod(e) && key(e, 's'),
    enabled: writable((env) => isDirty(env.store.getState())),
    run: (env) => env.save(),
  },
  {
    id: 'add-card',
    label: 'Add card…',
    shortcut: 'A',
    group: 'insert',
    keys: (e) => !mod(e) && !e.altKey && (key(e, 'a') || e.key === '/'),
    enabled: writable((env) => env.catalog !== null),
    run: (env) => env.openPalette(),
  },
  {
    id: 'set-event',
    label: 'Set the event…',
    shortcut: 'E',
    group: 'insert',
    keys: (e) => !mod(e) && !e.altKey && key(e, 'e'),
    enabled: writable((env) => env.catalog !== null),
    run: (env) => env.openEvents(),
  },
  {
    id: 'inspect',
    label: 'Edit the selected card in the Inspector',
    shortcut: 'I',
    group: 'navigate',
    keys: (e) => !mod(e) && !e.altKey && key(e, 'i'),
    enabled: selected,
    run: (env) => env.focusInspector(),
  },
  {
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
  },
  {
    id: 'delete',
    label: 'Delete card',
    shortcut: 'Delete',
    group: 'edit',
    keys: (e) => !mod(e) && (e.key === 'Delete' || e.key === 'Backspace'),
    enabled: writable(notEvent),
    run: (env) => done(env, removeSelected(env.store)),
  },
  {
    id: 'duplicate',
    label: 'Duplicate card',
    shortcut: 'Ctrl+D',
    group: 'edit',
    keys: (e) => mod(e) && key(e, 'd'),
    enabled: writable(notEvent),
    run: (env) => done(env, duplicateSelected(env.store)),
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
    id: 'next',
    label: 'Next card',
    shortcut: '→',
    group: 'navigate',
    keys: (e) => !mod(e) && e.key === 'ArrowRight',
    enabled: () => true,
    run: move('next'),
  },
  {
    id: 'previous',
    label: 'Previous card',
    shortcut: '←',
    group: 'navigate',
    keys: (e) => !mod(e) && e.key === 'ArrowLeft',
    enabled: selected,
    run: move('previous'),
  },
  {
    id: 'lane-down',
    label: 'Next lane (branch or inline flow)',
    shortcut: '↓',
    group: 'navigate',
    keys: (e) => !mod(e) && !e.altKey && e.key === 'ArrowDown',
    enabled: selected,
    run: move('down'),
  },
  {
    id: 'lane-up',
    label: 'Previous lane',
    shortcut: '↑',
    group: 'navigate',
    keys: (e) => !mod(e) && !e.altKey && e.key === 'ArrowUp',
    enabled: selected,
    run: move('up'),
  },
  {
    id: 'deselect',
    label: 'Clear selection',
    shortcut: 'Esc',
    group: 'navigate',
    keys: (e) => e.key === 'Escape',
    enabled: selected,
    run: (env) => env.store.getState().select(null),
  },
  {
    id: 'fit-view',
    label: 'Fit the flow in view',
    shortcut: 'Shift+1',
    group: 'view',
    keys: (e) => e.shiftKey && e.code === 'Digit1',
    enabled: (env) => env.viewport !== null,
    run: (env) => env.viewport?.fitView(),
  },
  {
    id: 'zoom-in',
    label: 'Zoom in',
    shortcut: '+',
    group: 'view',
    keys: (e) => !mod(e) && (e.key === '+' || e.key === '='),
    enabled: (env) => env.viewport !== null,
    run: (env) => env.viewport?.zoomIn(),
  },
  {
    id: 'zoom-out',
    label: 'Zoom out',
    shortcut: '-',
    group: 'view',
    keys: (e) => !mod(e) && e.key === '-',
    enabled: (env) => env.viewport !== null,
    run: (env) => env.viewport?.zoomOut(),
  },
  {
    id: 'check',
    label: 'Check the flow',
    shortcut: null,
    group: 'flow',
    enabled: () => true,
    run: (env) => env.studio.showPanel('check'),
  },
  {
    id: 'test-run',
    label: 'Test run',
    shortcut: null,
    group: 'flow',
    enabled: () => true,
    run: (env) => env.studio.showPanel('test'),
  },
  {
    id: 'versions',
    label: 'Versions',
    shortcut: null,
    group: 'flow',
    enabled: () => true,
    run: (env) => env.studio.showPanel('versions'),
  },
  {
    id: 'compare',
    label: 'Compare…',
    shortcut: null,
    group: 'flow',
    enabled: () => true,
    run: (env) => env.studio.openDialog('compare'),
  },
  {
    id: 'export',
    label: 'Export…',
    shortcut: null,
    group: 'flow',
    enabled: () => true,
    run: (env) => env.studio.openDialog('export'),
  },
  {
    id: 'properties',
    label: 'Edit flow properties…',
    shortcut: null,
    group: 'flow',
    enabled: writable(() => true),
    run: (env) => env.studio.openDialog('properties'),
  },
  {
    id: 'connections',
    label: 'Connections…',
    shortcut: null,
    group: 'view',
    enabled: () => true,
    run: (env) => env.studio.openDialog('connections'),
  },
  {
    id: 'toggle-on',
    label: 'Turn the flow ON or OFF',
    shortcut: null,
    group: 'flow',
    enabled: writable(() => true),
    run: (env) => env.studio.toggleActive(),
  },
  {
    id: 'open-flow',
    label: 'Open flow…',
    shortcut: null,
    group: 'navigate',
    enabled: () => true,
    run: (env) => env.studio.chooseFlow(),
  },
  {
    id: 'theme',
    label: 'Switch between light and dark theme',
    shortcut: null,
    group: 'view',
    enabled: () => true,
    run: (env) => env.studio.toggleTheme(),
  },
  {
    id: 'commands',
    label: 'Command palette…',
    shortcut: 'Ctrl+K',
    group: 'view',
    keys: (e) => mod(e) && key(e, 'k'),
    enabled: () => true,
    run: (env) => env.openCommands(),
  },
];

/** The action a key event triggers, if any (and enabled). */
export function actionForKey(e: KeyboardEvent, env: ActionEnv): Action | null {
  return ACTIONS.find((a) => a.keys?.(e) === true && a.enabled(env)) ?? null;
}

/** Looks an action up by id. */
export const actionById = (id: string): Action | undefined => ACTIONS.find((a) => a.id === id);
