/** The canvas's view: fitting the flow, zooming. */
import { mod } from './guards.ts';
import type { Action } from './registry.ts';

/** Fits the whole flow in view. */
export const fitView: Action = {
  id: 'fit-view',
  label: 'Fit the flow in view',
  shortcut: 'Shift+1',
  group: 'view',
  keys: (e) => e.shiftKey && e.code === 'Digit1',
  enabled: (env) => env.viewport !== null,
  run: (env) => env.viewport?.fitView(),
};

/** Zooms in. */
export const zoomIn: Action = {
  id: 'zoom-in',
  label: 'Zoom in',
  shortcut: '+',
  group: 'view',
  keys: (e) => !mod(e) && (e.key === '+' || e.key === '='),
  enabled: (env) => env.viewport !== null,
  run: (env) => env.viewport?.zoomIn(),
};

/** Zooms out. */
export const zoomOut: Action = {
  id: 'zoom-out',
  label: 'Zoom out',
  shortcut: '-',
  group: 'view',
  keys: (e) => !mod(e) && e.key === '-',
  enabled: (env) => env.viewport !== null,
  run: (env) => env.viewport?.zoomOut(),
};
