/**
 * The flow editor: palette, toolbar and canvas around one editor store, with the action
 * registry wired to the keyboard, the context menu and the command palette.
 */
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ActionEnv, StudioCommands } from '../../client/actions/registry.ts';
import { actionForKey } from '../../client/actions/registry.ts';
import { eventChangeOf, insertFromCatalog, insertionPoint } from '../../client/canvas/commands.ts';
import { eventCardOf } from '../../model/flows.ts';
import { useCatalog } from '../../client/catalog.ts';
import { cardClipboard } from '../../client/clipboardStore.ts';
import type { EditorStore } from '../../client/editorStore.ts';
import { motion } from '../../client/motion.ts';
import { useUi } from '../../client/uiStore.ts';
import type { Problem } from '../../model/errors.ts';
import { scopeAt } from '../../model/scope.ts';
import { CanvasToolbar } from './CanvasToolbar.tsx';
import type { PaletteMode } from './CommandPalette.tsx';
import { CommandPalette } from './CommandPalette.tsx';
import { ContextMenu } from './ContextMenu.tsx';
import { EventPicker } from './EventPicker.tsx';
import { FlowCanvas } from './FlowCanvas.tsx';
import { LiveAnnouncer } from './LiveAnnouncer.tsx';
import { MapIntoMenu } from './MapIntoMenu.tsx';
import type { AddSpot } from './AddCardPopover.tsx';
import { AddCardPopover } from './AddCardPopover.tsx';
import type { InsertAt } from '../../model/positions.ts';
import type { PaletteKind } from './Palette.tsx';
import type { DraggedOutput } from '../../client/canvas/outputDrag.ts';
import type { CardId } from '../../model/ids.ts';
import type { ScopePath } from '../../model/scope.ts';
import { isNoop } from '../../model/cardRoles.ts';
import type { RawFloData } from '../../model/raw.ts';
import { useTree } from '../workspace/useTree.ts';
import { EditorContext, useEditor } from '../flow/editorContext.ts';
import './canvas.css';

interface EditorProps {
  store: EditorStore;
  onSave: () => void;
  /** Opens one of the open flow's dialogs (Export, Compare, properties). */
  onDialog: StudioCommands['openDialog'];
  onToggleActive: () => void;
}

/**
 * The editor for the open flow, with the providers it needs below the studio's own
 * (StudioProviders): the app and the canvas benchmark page both render exactly this.
 */
export function FlowEditor(props: EditorProps) {
  return (
    <EditorContext.Provider value={props.store}>
      <ReactFlowProvider>
        <Editor {...props} />
      </ReactFlowProvider>
    </EditorContext.Provider>
  );
}

/** An insertion point in words: "after “Read User”", "at the end of the flow". */
function describe(data: RawFloData, at: InsertAt): string {
  if (at.kind === 'end') return 'at the end of the flow';
  const scope = scopeAt(data, at.path ?? []);
  const id = at.kind === 'after' ? at.card : at.head;
  const m = scope?.methods.find((x) => x.uuid === id);
  if (at.kind === 'branchStart') return 'at the start of the branch';
  if (m && isNoop(m)) return 'at the start of the flow';
  return m ? `after “${m.node.data.name}”` : 'at the end of the flow';
}

const typing = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement &&
  (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

function Editor({ store, onSave, onDialog, onToggleActive }: EditorProps) {
  const rf = useReactFlow();
  const catalog = useCatalog();
  const toast = useUi((s) => s.toast);
  const mainRef = useRef<HTMLDivElement>(null);
  const { tree, folder } = useTree();
  const helperNames = useCallback(
    (id: string) => tree.flows.find((f) => f.id === id)?.name ?? null,
    [tree],
  );
  const [spot, setSpot] = useState<AddSpot | null>(null);
  const [events, setEvents] = useState(false);
  const [commands, setCommands] = useState<PaletteMode | null>(null);
  const paletteFlows = useMemo(
    () =>
      tree.flows.map((f) => ({ id: f.id, name: f.name, folder: folder(f.folderId)?.name ?? null })),
    [tree, folder],
  );
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const [mapInto, setMapInto] = useState<{
    target: { card: CardId; path: ScopePath };
    output: DraggedOutput;
    x: number;
    y: number;
  } | null>(null);
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
  /**
   * Opens the card popover. `at` null: where the selection says (the A key), anchored at the
   * selected card; otherwise at the given point of the canvas area.
   */
  const openAdd = useCallback(
    (place: { at: InsertAt; clientX: number; clientY: number; kind?: PaletteKind } | null) => {
      const main = mainRef.current?.getBoundingClientRect();
      const s = store.getState();
      if (!main || s.readOnly !== null) return; // a viewer adds no cards
      const at = place?.at ?? insertionPoint(s.selection, s.flow.data);
      let x = 48;
      let y = 64;
      if (place) {
        x = place.clientX - main.left;
        y = place.clientY - main.top;
      } else if (s.selection) {
        const el = document.querySelector<HTMLElement>(
          `.react-flow__node[data-id="${CSS.escape(s.selection.card)}"]`,
        );
        const r = el?.getBoundingClientRect();
        if (r) {
          x = Math.min(r.right - main.left, main.width - 40);
          y = Math.max(r.top - main.top, 8);
        }
      }
      setSpot({ x, y, at, target: describe(s.flow.data, at), kind: place?.kind ?? 'all' });
    },
    [store],
  );
  const env: ActionEnv = useMemo(
    () => ({
      store,
      catalog,
      save: onSave,
      openPalette: () => openAdd(null),
      openCommands: () => setCommands('actions'),
      openEvents: () => setEvents(true),
      focusInspector: () => {
        useUi.getState().showPanel('inspector');
        requestAnimationFrame(() =>
          document
            .querySelector<HTMLElement>(
              '.inspector input, .inspector select, .inspector textarea, .inspector button:not(.icon)',
            )
            ?.focus(),
        );
      },
      viewport: {
        fitView: () =>
          void rf.fitView({ minZoom: 0.5, maxZoom: 1, padding: 0.15, duration: motion(200) }),
        zoomIn: () => void rf.zoomIn({ duration: motion(150) }),
        zoomOut: () => void rf.zoomOut({ duration: motion(150) }),
      },
      clipboard: cardClipboard,
      report,
      focusCard,
      studio: {
        openDialog: onDialog,
        showPanel: (panel) => useUi.getState().showPanel(panel),
        toggleTheme: () => {
          const ui = useUi.getState();
          ui.setTheme(ui.theme === 'dark' ? 'light' : 'dark');
        },
        chooseFlow: () => setCommands('flows'),
        toggleActive: onToggleActive,
      },
    }),
    [store, catalog, onSave, rf, report, focusCard, openAdd, onDialog, onToggleActive],
  );

  const onKey = useCallback(
    (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('.dialog, .add-popover')) return;
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
    },
    [env, store, focusCard],
  );
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onKey]);

  const currentEvent = useEditor((s) => {
    const e = eventCardOf(s.flow.data);
    return e && !isNoop(e) ? e.node.data.name : null;
  });
  const insert = (id: string, scheduled = false, at?: InsertAt) => {
    if (!catalog) return;
    const o = insertFromCatalog(
      store,
      catalog,
      id,
      at ?? insertionPoint(store.getState().selection, store.getState().flow.data),
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
      <div className="editor-main" ref={mainRef}>
        <CanvasToolbar env={env} />
        <FlowCanvas
          store={store}
          catalog={catalog}
          onAddEvent={() => setEvents(readOnly === null)}
          onAddCard={(at, clientX, clientY, kind) => openAdd({ at, clientX, clientY, kind })}
          helperNames={helperNames}
          onOutputDrop={(target, output, x, y) => setMapInto({ target, output, x, y })}
          onContextMenu={(_, x, y) => setMenu({ x, y })}
          report={report}
          onKeys={onKey}
        />
        <LiveAnnouncer store={store} />
      </div>
      {catalog && (
        <AddCardPopover
          spot={spot}
          catalog={catalog}
          onClose={() => {
            setSpot(null);
            const sel = store.getState().selection;
            if (sel) focusCard(sel.card);
          }}
          onInsert={(id, at) => {
            setSpot(null);
            insert(id, false, at);
          }}
        />
      )}
      <EventPicker
        open={events}
        catalog={catalog}
        onClose={() => setEvents(false)}
        current={currentEvent}
        planOf={(id, scheduled) => (catalog ? eventChangeOf(store, catalog, id, scheduled) : null)}
        onPick={(id, scheduled) => {
          setEvents(false);
          insert(id, scheduled);
        }}
      />
      <CommandPalette
        mode={commands}
        env={env}
        flows={paletteFlows}
        onMode={setCommands}
        onOpenFlow={(id) =>
          useUi.getState().openFlow(id, tree.flows.find((f) => f.id === id)?.folderId)
        }
        onClose={() => setCommands(null)}
      />
      {menu && <ContextMenu x={menu.x} y={menu.y} env={env} onClose={() => setMenu(null)} />}
      {mapInto && (
        <MapIntoMenu store={store} {...mapInto} onClose={() => setMapInto(null)} report={report} />
      )}
    </div>
  );
}
