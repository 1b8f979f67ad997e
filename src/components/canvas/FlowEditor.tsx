/**
 * The flow editor: palette, toolbar and canvas around one editor store, with the action
 * registry wired to the keyboard, the context menu and the command palette.
 */
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ActionEnv } from '../../client/actions/registry.ts';
import { actionForKey } from '../../client/actions/registry.ts';
import { insertFromCatalog, insertionPoint } from '../../client/canvas/commands.ts';
import { useCatalog } from '../../client/catalog.ts';
import { cardClipboard } from '../../client/clipboardStore.ts';
import type { EditorStore } from '../../client/editorStore.ts';
import { motion } from '../../client/motion.ts';
import { useUi } from '../../client/uiStore.ts';
import type { Problem } from '../../model/errors.ts';
import { scopeAt } from '../../model/scope.ts';
import { useEditor } from '../flow/editorContext.ts';
import { CanvasToolbar } from './CanvasToolbar.tsx';
import { CommandPalette } from './CommandPalette.tsx';
import { ContextMenu } from './ContextMenu.tsx';
import { EventPicker } from './EventPicker.tsx';
import { FlowCanvas } from './FlowCanvas.tsx';
import { MapIntoMenu } from './MapIntoMenu.tsx';
import { Palette } from './Palette.tsx';
import type { DraggedOutput } from '../../client/canvas/outputDrag.ts';
import type { CardId } from '../../model/ids.ts';
import type { ScopePath } from '../../model/scope.ts';
import './canvas.css';

/** The editor for the open flow. */
export function FlowEditor({ store, onSave }: { store: EditorStore; onSave: () => void }) {
  return (
    <ReactFlowProvider>
      <Editor store={store} onSave={onSave} />
    </ReactFlowProvider>
  );
}

const typing = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement &&
  (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

function Editor({ store, onSave }: { store: EditorStore; onSave: () => void }) {
  const rf = useReactFlow();
  const catalog = useCatalog();
  const toast = useUi((s) => s.toast);
  const searchRef = useRef<HTMLInputElement>(null);
  const [events, setEvents] = useState(false);
  const [commands, setCommands] = useState(false);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const [mapInto, setMapInto] = useState<{
    target: { card: CardId; path: ScopePath };
    output: DraggedOutput;
    x: number;
    y: number;
  } | null>(null);
  const selection = useEditor((s) => s.selection);
  const data = useEditor((s) => s.flow.data);
  const readOnly = useEditor((s) => s.readOnly);

  const report = useCallback(
    (problems: Pick<Problem, 'message'>[] | null, notice?: string) => {
      if (problems?.[0]) toast('error', problems[0].message);
      if (notice) toast('info', notice);
    },
    [toast],
  );
  const focusCard = useCallback((id: string) => {
    requestAnimationFrame(() => {
      document
        .querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
        ?.focus();
    });
  }, []);
  const env: ActionEnv = useMemo(
    () => ({
      store,
      catalog,
      save: onSave,
      openPalette: () => {
        searchRef.current?.focus();
        searchRef.current?.select();
      },
      openCommands: () => setCommands(true),
      openEvents: () => setEvents(true),
      focusInspector: () =>
        document
          .querySelector<HTMLElement>(
            '.inspector input, .inspector select, .inspector textarea, .inspector button:not(.icon)',
          )
          ?.focus(),
      viewport: {
        fitView: () => void rf.fitView({ maxZoom: 1, padding: 0.15, duration: motion(200) }),
        zoomIn: () => void rf.zoomIn({ duration: motion(150) }),
        zoomOut: () => void rf.zoomOut({ duration: motion(150) }),
      },
      clipboard: cardClipboard,
      report,
      focusCard,
    }),
    [store, catalog, onSave, rf, report, focusCard],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
      const inField = typing(e.target);
      const inInspector = e.target instanceof Element && e.target.closest('.inspector') !== null;
      // Escape from a field of the Inspector returns to the selected card on the canvas.
      if (inInspector && e.key === 'Escape') {
        const sel = store.getState().selection;
        if (sel) focusCard(sel.card);
        return;
      }
      if (inField && !(e.ctrlKey || e.metaKey)) return;
      // Text fields keep their own copy/paste; the Inspector's fields follow the draft, so
      // undo there is the flow's undo. Elsewhere (the palette search) the field's own.
      const own = inInspector ? ['c', 'v', 'x'] : ['z', 'y', 'c', 'v', 'x'];
      if (inField && own.includes(e.key.toLowerCase())) return;
      const action = actionForKey(e, env);
      if (!action) return;
      e.preventDefault();
      action.run(env);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [env, store, focusCard]);

  const target = useMemo(() => {
    if (!selection) return 'at the end of the flow';
    const m = scopeAt(data, selection.path)?.methods.find((x) => x.uuid === selection.card);
    return m ? `after “${m.node.data.name}”` : 'at the end of the flow';
  }, [data, selection]);

  const insert = (id: string, scheduled = false) => {
    if (!catalog) return;
    const o = insertFromCatalog(
      store,
      catalog,
      id,
      insertionPoint(store.getState().selection, store.getState().flow.data),
      {
        scheduled,
      },
    );
    report(o.problems, o.notice);
    const sel = store.getState().selection;
    if (!o.problems && sel) focusCard(sel.card);
  };

  return (
    <div className="editor">
      {readOnly ? (
        <p className="palette muted">{readOnly}</p>
      ) : catalog ? (
        <Palette
          catalog={catalog}
          target={target}
          onInsert={insert}
          searchRef={searchRef}
          onEscape={() => selection && focusCard(selection.card)}
        />
      ) : (
        <p className="palette muted">Loading cards…</p>
      )}
      <div className="editor-main">
        <CanvasToolbar env={env} />
        <FlowCanvas
          store={store}
          catalog={catalog}
          onAddEvent={() => setEvents(readOnly === null)}
          onOutputDrop={(target, output, x, y) => setMapInto({ target, output, x, y })}
          onContextMenu={(_, x, y) => setMenu({ x, y })}
          report={report}
        />
      </div>
      <EventPicker
        open={events}
        catalog={catalog}
        onClose={() => setEvents(false)}
        onPick={(id, scheduled) => {
          setEvents(false);
          insert(id, scheduled);
        }}
      />
      <CommandPalette open={commands} env={env} onClose={() => setCommands(false)} />
      {menu && <ContextMenu x={menu.x} y={menu.y} env={env} onClose={() => setMenu(null)} />}
      {mapInto && (
        <MapIntoMenu store={store} {...mapInto} onClose={() => setMapInto(null)} report={report} />
      )}
    </div>
  );
}
