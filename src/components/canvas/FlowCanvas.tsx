/**
 * The canvas: React Flow showing the shared layout of the draft. Canvas events become model
 * operations (insert, move, select); React Flow's own state never reaches the flopack.
 */
import { Background, Controls, MiniMap, ReactFlow } from '@xyflow/react';
import type { Connection, Edge, NodeMouseHandler, Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { MouseEvent as ReactMouseEvent } from 'react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { EditorStore } from '../../client/editorStore.ts';
import type { CardData } from '../../client/canvas/project.ts';
import { createProjector, projectEdges } from '../../client/canvas/project.ts';
import { eventOf, insertionPoint } from '../../client/canvas/commands.ts';
import { layoutOf } from '../../client/canvas/navigation.ts';
import { useUi } from '../../client/uiStore.ts';
import type { Catalog } from '../../model/catalog.ts';
import type { CardId } from '../../model/ids.ts';
import { mappingsOf } from '../../model/mapping.ts';
import type { ScopePath } from '../../model/scope.ts';
import type { DraggedOutput } from '../../client/canvas/outputDrag.ts';
import { scopeAt } from '../../model/scope.ts';
import { isNoop } from '../../model/cardRoles.ts';
import { useEditor } from '../flow/editorContext.ts';
import { gapsOf } from './gaps.ts';
import type { AddRequest } from './addRequests.ts';
import type { CardActions } from './cardActions.ts';
import { ADD_CARD, ADD_EVENT } from './addRequests.ts';
import { CardActionsContext, ConnectingContext } from './cardActions.ts';
import { nodeTypes } from './nodes.tsx';
import type { InputEnd } from '../../model/connect.ts';
import type { ChildOutputEnd } from '../../model/connectChild.ts';
import { childMappingProblem, connectChild } from '../../model/connectChild.ts';
import { parseOutputHandle } from '../../client/canvas/childHandles.ts';
import type { Mapping } from '../../model/mapping.ts';
import { unmapField } from '../../model/mapping.ts';
import { setItemRoute } from '../../model/helperItem.ts';
import { setInputValue } from '../../model/cards.ts';
import { ok } from '../../model/errors.ts';
import type { FieldId } from '../../model/ids.ts';
import { forEachScope } from '../../model/scope.ts';
import type { PaletteKind } from './Palette.tsx';
import type { InsertAt } from '../../model/positions.ts';
import { CANVAS_ARIA } from './canvasAria.ts';
import './canvasA11y.css';
import { ConnectionHint } from './ConnectionHint.tsx';
import { useCanvasDrop } from './useCanvasDrop.ts';
import { useCanvasKeys } from './useCanvasKeys.ts';
import { useCardDrag } from './useCardDrag.ts';
import { useKeepInView } from './useKeepInView.ts';
import { useNearView } from './useNearView.ts';
import { usePlusNodes } from './usePlusNodes.ts';
import { useRunStatusNodes } from '../sim/useRunStatusNodes.ts';
import { useShownElements } from './useShownElements.ts';

interface Props {
  store: EditorStore;
  catalog: Catalog | null;
  onAddEvent: () => void;
  /** A "+" or an end-of-flow button asks for the card popover at a screen point. */
  onAddCard?: (at: InsertAt, clientX: number, clientY: number, kind: PaletteKind) => void;
  /** An output dragged from the Inspector was dropped on a card. */
  onOutputDrop?: (
    target: { card: CardId; path: ScopePath },
    output: DraggedOutput,
    x: number,
    y: number,
  ) => void;
  onContextMenu: (card: string, x: number, y: number) => void;
  /** The name of a helper flow by id (for "calls …" on a card). */
  helperNames?: (flowId: string) => string | null;
  report: (problems: { message: string }[] | null, notice?: string) => void;
  /** The editor's key handler (the action registry), for the keys a focused card passes on. */
  onKeys?: (e: KeyboardEvent) => void;
}

/** Viewports of the flows opened since the page loaded, so returning to a flow keeps its view. */
const viewports = new Map<string, Viewport>();

/** The flow canvas (needs a ReactFlowProvider above it). */
export function FlowCanvas({
  store,
  catalog,
  onAddEvent,
  onAddCard,
  onOutputDrop,
  onContextMenu,
  report,
  helperNames,
  onKeys,
}: Props) {
  const data = useEditor((s) => s.flow.data);
  const selection = useEditor((s) => s.selection);
  const readOnlyReason = useEditor((s) => s.readOnly);
  const readOnly = readOnlyReason !== null;
  const theme = useUi((s) => s.theme);
  const [projector] = useState(createProjector);
  const views = useUi((s) => s.cardViews);
  const lines = useUi((s) => s.mappingLines);
  const layout = useMemo(() => layoutOf(data, views), [data, views]);
  const gaps = useMemo(() => gapsOf(layout), [layout]);
  const eventSlot = useMemo(() => {
    const id = eventOf(store);
    const m = id ? data.methods.find((x) => x.uuid === id) : undefined;
    return m && isNoop(m) ? m.uuid : null;
  }, [data, store]);
  const selected = selection?.card ?? null;
  const nodes = useMemo(
    () => projector(layout, selected, eventSlot, views),
    [projector, layout, selected, eventSlot, views],
  );
  const mappings = useMemo(() => {
    if (lines === 'all') {
      const out: Mapping[] = [];
      forEachScope(data, (scope) => {
        out.push(...mappingsOf(scope));
      });
      return out;
    }
    const scope = selection ? scopeAt(data, selection.path) : null;
    return scope ? mappingsOf(scope) : [];
  }, [data, selection, lines]);
  const edges = useMemo(
    () => projectEdges(layout, mappings, selected, views, lines === 'all'),
    [layout, mappings, selected, lines, views],
  );
  const pathOf = useCallback(
    (id: string): ScopePath | null => {
      const n = layout.nodes.find((x) => x.id === id && (x.kind === 'card' || x.kind === 'note'));
      return n ? n.path : null;
    },
    [layout],
  );
  const ends = useCallback(
    (c: Connection | Edge): { from: ChildOutputEnd; to: InputEnd } | null => {
      const fromPath = pathOf(c.source);
      const toPath = pathOf(c.target);
      const out = parseOutputHandle(c.sourceHandle);
      if (!fromPath || !toPath || !out || !c.targetHandle?.startsWith('in:')) return null;
      return {
        from: { card: c.source as CardId, ...out, path: fromPath },
        to: { card: c.target as CardId, input: c.targetHandle.slice(3) as FieldId, path: toPath },
      };
    },
    [pathOf],
  );
  const isValidConnection = useCallback(
    (c: Connection | Edge): boolean => {
      const e = ends(c);
      return e !== null && childMappingProblem(store.getState().flow.data, e.from, e.to) === null;
    },
    [ends, store],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      const e = ends(c);
      if (!e) return;
      const problems = store.getState().edit((f) => {
        const r = connectChild(f.data, e.from, e.to);
        return r.ok ? ok({ ...f, data: r.value }) : r;
      });
      report(problems);
    },
    [ends, store, report],
  );
  // While an output is dragged, the inputs it can feed light up (and the others say why not).
  const [connecting, setConnecting] = useState<ChildOutputEnd | null>(null);
  const connectingRef = useRef<ChildOutputEnd | null>(null);
  const onConnectStart = useCallback(
    (_: unknown, p: { nodeId: string | null; handleId: string | null }) => {
      const path = p.nodeId ? pathOf(p.nodeId) : null;
      const out = parseOutputHandle(p.handleId);
      if (!p.nodeId || !path || !out) return;
      const from = { card: p.nodeId as CardId, ...out, path };
      connectingRef.current = from;
      setConnecting(from);
    },
    [pathOf],
  );
  const onConnectEnd = useCallback(() => {
    connectingRef.current = null;
    setConnecting(null);
  }, []);
  const actions: CardActions = useMemo(
    () => ({
      setView: (card, view) => useUi.getState().setCardView(card, view),
      unmap: (card, path, input) => {
        const problems = store.getState().edit((f) => {
          const r = unmapField(f.data, { card: card as CardId, input: input as FieldId }, path);
          return r.ok ? ok({ ...f, data: r.value }) : r;
        });
        report(problems);
      },
      setValue: (card, path, input, value) => {
        const problems = store.getState().edit((f) => {
          const r = setInputValue(f.data, card as CardId, input as FieldId, value, path);
          return r.ok ? ok({ ...f, data: r.value }) : r;
        });
        report(problems);
      },
      setItem: (card, path, input, itemPath) => {
        const problems = store.getState().edit((f) => {
          const r = setItemRoute(f.data, card as CardId, input, itemPath, path);
          return r.ok ? ok({ ...f, data: r.value }) : r;
        });
        report(problems);
      },
      openHelper: (flowId) => {
        const f = store.getState().flow;
        useUi.getState().openFlow(flowId, undefined, { id: f.id, name: f.name });
      },
      helperName: (flowId) => helperNames?.(flowId) ?? 'a helper flow',
      canTake: (card, path, input) => {
        const from = connectingRef.current;
        if (!from) return null;
        return childMappingProblem(store.getState().flow.data, from, {
          card: card as CardId,
          input: input as FieldId,
          path,
        });
      },
      readOnly: readOnlyReason,
    }),
    [store, report, helperNames, readOnlyReason],
  );

  const flowId = useEditor((s) => s.flow.id);
  const extras = usePlusNodes(gaps, layout, readOnly, eventSlot);
  const { drag, marker, setMarker, ...dragging } = useCardDrag(store, gaps, report);

  // A flow opens at 100 % with its event card near the top left, as in Okta's console (or
  // where it was left, when it was open before).
  const [initialViewport] = useState<Viewport>(
    () => viewports.get(flowId) ?? { x: 40, y: 56, zoom: 1 },
  );
  const big = layout.cardCount > 60;
  const { near, onMove } = useNearView(big, initialViewport);
  const shown = useShownElements({ nodes, extras, edges, near, selected, drag, marker });
  const described = useRunStatusNodes(shown.nodes);
  const drop = useCanvasDrop({ store, catalog, gaps, nodes, setMarker, report, onOutputDrop });
  const onKeyDownCapture = useCanvasKeys({ store, edges, pathOf, report, onKeys });
  const wrapper = useRef<HTMLDivElement | null>(null);
  useKeepInView(selected, layout, wrapper);

  const onNodeClick: NodeMouseHandler = useCallback(
    (_, node) => {
      if (node.type === 'card' || node.type === 'note')
        store.getState().select({ card: node.id as CardId, path: (node.data as CardData).path });
    },
    [store],
  );
  const onNodeContextMenu: NodeMouseHandler = useCallback(
    (e: ReactMouseEvent, node) => {
      if (node.type !== 'card' && node.type !== 'note') return;
      e.preventDefault();
      store.getState().select({ card: node.id as CardId, path: (node.data as CardData).path });
      onContextMenu(node.id, e.clientX, e.clientY);
    },
    [store, onContextMenu],
  );
  const onPaneClick = useCallback(() => store.getState().select(null), [store]);

  return (
    <CardActionsContext.Provider value={actions}>
      <ConnectingContext.Provider value={connecting}>
        <div
          className={connecting ? 'canvas connecting' : 'canvas'}
          tabIndex={-1}
          onKeyDownCapture={onKeyDownCapture}
          onFocus={(e) => {
            // Tabbing onto a card selects it, so the keyboard path matches clicking.
            const el = e.target.closest<HTMLElement>(
              '.react-flow__node-card, .react-flow__node-note',
            );
            const id = el?.dataset['id'];
            const node = id ? nodes.find((n) => n.id === id) : undefined;
            if (node && node.id !== selected)
              store
                .getState()
                .select({ card: node.id as CardId, path: (node.data as CardData).path });
          }}
          onDragLeave={(e) => {
            if (e.currentTarget === e.target) setMarker(null);
          }}
          ref={(el) => {
            wrapper.current = el;
            if (!el) return;
            const handler = () => onAddEvent();
            const add = (e: Event) => {
              const req = (e as CustomEvent<AddRequest>).detail;
              const at: InsertAt | undefined =
                req.gap === 'end'
                  ? insertionPoint(null, store.getState().flow.data)
                  : (gaps.find((g) => g.after === req.gap)?.at ?? undefined);
              if (at) onAddCard?.(at, req.x, req.y, req.kind);
            };
            el.addEventListener(ADD_EVENT, handler);
            el.addEventListener(ADD_CARD, add);
            return () => {
              el.removeEventListener(ADD_EVENT, handler);
              el.removeEventListener(ADD_CARD, add);
            };
          }}
        >
          <ReactFlow
            nodes={described}
            edges={shown.edges}
            nodeTypes={nodeTypes}
            {...dragging}
            onNodeClick={onNodeClick}
            onNodeContextMenu={onNodeContextMenu}
            onPaneClick={onPaneClick}
            {...drop}
            nodesConnectable={!readOnly}
            nodesDraggable={!readOnly}
            isValidConnection={isValidConnection}
            onConnect={onConnect}
            onConnectStart={onConnectStart}
            onConnectEnd={onConnectEnd}
            connectionRadius={24}
            deleteKeyCode={null}
            selectionKeyCode={null}
            multiSelectionKeyCode={null}
            ariaLabelConfig={CANVAS_ARIA}
            onlyRenderVisibleElements={big}
            onMove={onMove}
            onMoveEnd={(_, v) => viewports.set(flowId, v)}
            colorMode={theme}
            minZoom={0.05}
            maxZoom={2}
            defaultViewport={initialViewport}
            proOptions={{ hideAttribution: true }}
            aria-label="Flow canvas"
          >
            <ConnectionHint actions={actions} pathOf={pathOf} />
            <Background gap={24} size={1} />
            <Controls showInteractive={false} />
            <MiniMap pannable zoomable ariaLabel="Minimap" nodeStrokeWidth={2} />
          </ReactFlow>
        </div>
      </ConnectingContext.Provider>
    </CardActionsContext.Provider>
  );
}
