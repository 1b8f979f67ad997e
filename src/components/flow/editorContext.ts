/** The open flow's editor store, provided to the components below the flow pane. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from '../../client/editorStore.ts';

/** Context carrying the editor store of the open flow. */
export const EditorContext = createContext<EditorStore | null>(null);

/** The editor store (throws outside a flow pane: a programming error). */
export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditorStore needs an open flow');
  return store;
}

/** Selects from the editor state. */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}
