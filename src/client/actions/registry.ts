/**
 * Every editor action is defined once — id, label, shortcut, when it is enabled, what it
 * does — and the toolbar, the context menu, the keyboard and the command palette all read
 * this list. The keyboard's editing, inserting, moving-around and view actions live by group
 * beside it (`editActions.ts`, `insertActions.ts`, `navigateActions.ts`, `viewActions.ts`).
 */
import type { EditorStore } from '../editorStore.ts';
import type { Catalog } from '../../model/catalog.ts';
import type { Clip } from '../../model/clipboard.ts';
import type { Problem } from '../../model/errors.ts';
import {
  copy,
  cut,
  deleteCard,
  duplicate,
  moveEarlier,
  moveLater,
  paste,
  redo,
  save,
  undo,
} from './editActions.ts';
import { key, mod, writable } from './guards.ts';
import { addCard, addNote, setEvent } from './insertActions.ts';
import { deselect, inspect, laneDown, laneUp, next, previous } from './navigateActions.ts';
import { fitView, zoomIn, zoomOut } from './viewActions.ts';

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

/** The editor's actions, in menu order; the flow's own commands are listed here in full. */
export const ACTIONS: readonly Action[] = [
  undo,
  redo,
  save,
  addCard,
  setEvent,
  inspect,
  addNote,
  deleteCard,
  duplicate,
  copy,
  cut,
  paste,
  moveEarlier,
  moveLater,
  next,
  previous,
  laneDown,
  laneUp,
  deselect,
  fitView,
  zoomIn,
  zoomOut,
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
