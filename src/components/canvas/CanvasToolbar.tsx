/** The canvas toolbar: buttons for actions from the registry (label, shortcut, enabled-when). */
import { useStore } from 'zustand';
import type { ActionEnv } from '../../client/actions/registry.ts';
import { actionById } from '../../client/actions/registry.ts';
import { useEditor } from '../flow/editorContext.ts';

const TOOLBAR = [
  'undo',
  'redo',
  'add-card',
  'add-note',
  'duplicate',
  'copy',
  'paste',
  'delete',
  'fit-view',
  'commands',
];

/** Toolbar buttons; re-rendered when the draft, selection or history changes. */
export function CanvasToolbar({ env }: { env: ActionEnv }) {
  // Subscriptions that change what is enabled.
  useEditor((s) => s.flow);
  useEditor((s) => s.selection);
  useStore(env.store.temporal, (t) => t.pastStates.length + t.futureStates.length * 1000);
  return (
    <div className="toolbar canvas-toolbar" role="toolbar" aria-label="Editing">
      {TOOLBAR.map((id) => {
        const a = actionById(id);
        if (!a) return null;
        return (
          <button
            key={id}
            type="button"
            disabled={!a.enabled(env)}
            onClick={() => a.run(env)}
            title={a.shortcut ? `${a.label} (${a.shortcut})` : a.label}
            aria-keyshortcuts={a.shortcut ?? undefined}
          >
            {a.label.replace('…', '')}
          </button>
        );
      })}
    </div>
  );
}
