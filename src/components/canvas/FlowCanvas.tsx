/**
 * The canvas: React Flow showing the shared layout of the draft. Canvas events become model
 * operations (insert, move, select); React Flow's own state never reaches the flopack.
 */
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useConnection,
  useReactFlow,
  ViewportPortal,
} from '@xyflow/react';
import type {
  Connection,
  Edge,
  Node,
  NodeChange,
  NodeMouseHandler,
  OnNodeDrag,
  Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { DragEvent, MouseEvent as ReactMouseEvent } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EditorStore } from '../../client/editorStore.ts';
import type { CardData } from '../../client/canvas/project.ts';
import { createProjector, projectEdges } from '../../client/canvas/project.ts';
import {
  eventOf,
  insertFromCatalog,
  insertionPoint,
  moveTo,
} from '../../client/canvas/commands.ts';
import { layoutOf } from '../../client/canvas/navigation.ts';
import { motion } from '../../client/motion.ts';
import { useUi } from '../../client/uiStore.ts';
import type { Catalog } from '../../model/catalog.ts';
import type { CardId } from '../../model/ids.ts';
import { mappingsOf } from '../../model/mapping.ts';
import type { ScopePath } from '../../model/scope.ts';
import type { DraggedOutput } from '../../client/canvas/outputDrag.ts';
import { OUTPUT_DRAG_TYPE, readDraggedOutput } from '../../client/canvas/outputDrag.ts';
import { scopeAt } from '../../model/scope.ts';
import { isNoop } from '../../model/cardRoles.ts';
import { useEditor } from '../flow/editorContext.ts';
import { GEOMETRY } from '../../export/layout/layout.ts';
import { gapsOf, nearestGap } from './gaps.ts';
import type { Gap } from './gaps.ts';
import type { AddRequest } from './nodes.tsx';
import type { CardActions } from './nodes.tsx';
import { ADD_CARD, ADD_EVENT, CardActionsContext, ConnectingContext, nodeTypes } from './nodes.tsx';
import type { InputEnd, OutputEnd } from '../../model/connect.ts';
import { connectOutput, mappingProblem } from '../../model/connect.ts';
import type { Mapping } from '../../model/mapping.ts';
import { unmapField } from '../../model/mapping.ts';
import { setItemRoute } from '../../model/helperItem.ts';
import { setInputValue } from '../../model/cards.ts';
import { ok } from '../../model/errors.ts';
import type { FieldId } from '../../model/ids.ts';
import { forEachScope } from '../../model/scope.ts';
import type { PaletteKind } from './Palette.tsx';
import type { InsertAt } from '../../model/positions.ts';
import { CARD_DRAG_TYPE } from './Palette.tsx';
import { useRunStatusNodes } from '../sim/useRunStatusNodes.ts';

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
}

const MARKER_SIZE = 18;
const PLUS_SIZE = 22;

/** Viewports of the flows opened since the page loaded, so returning to a flow keeps its view. */
const viewports = new Map<string, Viewport>();

/** While an output is dragged over an input that cannot take it: the reason, by the pointer. */
function ConnectionHint({
  actions,
  pathOf,
}: {
  actions: CardActions;
  pathOf: (id: string) => ScopePath | null;
}) {
  const c = useConnection((s) =>
    s.inProgress && s.toHandle && s.isValid === false
      ? { node: s.toHandle.nodeId, handle: s.toHandle.id ?? '', x: s.to.x, y: s.to.y }
      : null,
  );
  if (!c || !c.handle.startsWith('in:')) return null;
  const path = pathOf(c.node);
  const reason = path ? actions.canTake(c.node, path, c.handle.slice(3)) : null;
  if (!reason) return null;
  return (
    <ViewportPortal>
      <div
        className="tooltip connection-hint"
        role="tooltip"
        style={{ transform: `translate(${c.x + 14}px, ${c.y + 14}px)` }}
      >
        {reason}
      </div>
    </ViewportPortal>
  );
}

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
}: Props) {
  const rf = useReactFlow();
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
    (c: Connection | Edge): { from: OutputEnd; to: InputEnd } | null => {
      const fromPath = pathOf(c.source);
      const toPath = pathOf(c.target);
      if (!fromPath || !toPath) return null;
      if (!c.sourceHandle?.startsWith('out:') || !c.targetHandle?.startsWith('in:')) return null;
      return {
        from: {
          card: c.source as CardId,
          output: c.sourceHandle.slice(4) as FieldId,
          path: fromPath,
        },
        to: { card: c.target as CardId, input: c.targetHandle.slice(3) as FieldId, path: toPath },
      };
    },
    [pathOf],
  );
  const isValidConnection = useCallback(
    (c: Connection | Edge): boolean => {
      const e = ends(c);
      return e !== null && mappingProblem(store.getState().flow.data, e.from, e.to) === null;
    },
    [ends, store],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      const e = ends(c);
      if (!e) return;
      const problems = store.getState().edit((f) => {
        const r = connectOutput(f.data, e.from, e.to);
        return r.ok ? ok({ ...f, data: r.value }) : r;
      });
      report(problems);
    },
    [ends, store, report],
  );
  // While an output is dragged, the inputs it can feed light up (and the others say why not).
  const [connecting, setConnecting] = useState<OutputEnd | null>(null);
  const connectingRef = useRef<OutputEnd | null>(null);
  const onConnectStart = useCallback(
    (_: unknown, p: { nodeId: string | null; handleId: string | null }) => {
      const path = p.nodeId ? pathOf(p.nodeId) : null;
      if (!p.nodeId || !path || !p.handleId?.startsWith('out:')) return;
      const from = { card: p.nodeId as CardId, output: p.handleId.slice(4) as FieldId, path };
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
        return mappingProblem(store.getState().flow.data, from, {
          card: card as CardId,
          input: input as FieldId,
          path,
        });
      },
      readOnly: readOnlyReason,
    }),
    [store, report, helperNames, readOnlyReason],
  );
  const [drag, setDrag] = useState<{ id: string; x: number; y: number } | null>(null);
  const [marker, setMarker] = useState<Gap | null>(null);

  const flowId = useEditor((s) => s.flow.id);
  // "+" on every insertion gap, and Okta's "Add app action" / "Add function" at the end.
  const [plusCache] = useState(() => new Map<string, Node>());
  const extras = useMemo(() => {
    const out: Node[] = [];
    if (readOnly) return out; // a viewer adds nothing: no "+" anywhere
    const seen = new Set<string>();
    const keep = (n: Node): void => {
      const old = plusCache.get(n.id);
      const same =
        old &&
        old.position.x === n.position.x &&
        old.position.y === n.position.y &&
        old.data['label'] === n.data['label'];
      const kept = same ? old : n;
      plusCache.set(n.id, kept);
      seen.add(n.id);
      out.push(kept);
    };
    const names = new Map(layout.nodes.map((n) => [n.id, n.summary?.title ?? n.label ?? '']));
    for (const g of gaps) {
      keep({
        id: `plus:${g.after}`,
        type: 'plus',
        position: { x: g.x - PLUS_SIZE / 2, y: g.y - PLUS_SIZE / 2 },
        width: PLUS_SIZE,
        height: PLUS_SIZE,
        data: {
          gap: g.after,
          label:
            g.after === eventSlot
              ? 'Add a card at the start of the flow'
              : `Add a card after “${names.get(g.after) ?? ''}”`,
        },
        draggable: false,
        selectable: false,
        focusable: false,
      });
    }
    keep({
      id: 'plus:end',
      type: 'end',
      position: { x: layout.width + GEOMETRY.gapX, y: 0 },
      width: 170,
      height: 72,
      data: { gap: 'end', label: 'end' },
      draggable: false,
      selectable: false,
      focusable: false,
    });
    for (const id of plusCache.keys()) if (!seen.has(id)) plusCache.delete(id);
    return out;
  }, [gaps, layout, plusCache, readOnly, eventSlot]);

  // A flow opens at 100 % with its event card near the top left, as in Okta's console (or
  // where it was left, when it was open before).
  const [initialViewport] = useState<Viewport>(
    () => viewports.get(flowId) ?? { x: 40, y: 56, zoom: 1 },
  );
  // A long flow hands React Flow only the nodes near the view (React Flow renders every node
  // it has not measured yet once, so culling after the fact still mounts them all).
  const big = layout.cardCount > 60;
  const [around, setAround] = useState<Viewport>(initialViewport);
  const onMove = useCallback(
    (_: unknown, v: Viewport) => {
      if (!big) return;
      const w = (globalThis.innerWidth || 1600) / 4;
      const h = (globalThis.innerHeight || 900) / 4;
      setAround((a) =>
        Math.abs(a.x - v.x) < w && Math.abs(a.y - v.y) < h && Math.abs(a.zoom / v.zoom - 1) < 0.1
          ? a
          : v,
      );
    },
    [big],
  );
  const near = useMemo(() => {
    if (!big) return null;
    const w = globalThis.innerWidth || 1600;
    const h = globalThis.innerHeight || 900;
    // The view plus a margin of a screen on each side, in flow coordinates.
    const left = (-around.x - w) / around.zoom;
    const top = (-around.y - h) / around.zoom;
    return { left, top, right: left + (3 * w) / around.zoom, bottom: top + (3 * h) / around.zoom };
  }, [big, around]);
  const shown = useMemo(() => {
    let out: Node[] = extras.length ? [...nodes, ...extras] : nodes;
    if (near)
      out = out.filter(
        (n) =>
          n.selected === true ||
          n.id === selected ||
          (n.position.x < near.right &&
            n.position.x + (n.width ?? 0) > near.left &&
            n.position.y < near.bottom &&
            n.position.y + (n.height ?? 0) > near.top),
      );
    if (drag)
      out = out.map((n) => (n.id === drag.id ? { ...n, position: { x: drag.x, y: drag.y } } : n));
    if (marker)
      out = [
        ...out,
        {
          id: '__marker',
          type: 'marker',
          position: { x: marker.x - MARKER_SIZE / 2, y: marker.y - MARKER_SIZE / 2 },
          width: MARKER_SIZE,
          height: MARKER_SIZE,
          data: {},
          draggable: false,
          selectable: false,
          focusable: false,
        },
      ];
    return out;
  }, [nodes, extras, drag, marker, near, selected]);
  const described = useRunStatusNodes(shown);

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    for (const c of changes) {
      if (c.type === 'position' && c.position && c.dragging)
        setDrag({ id: c.id, x: c.position.x, y: c.position.y });
    }
  }, []);

  const draggedGapExclusions = useRef<Set<string>>(new Set());
  const onNodeDragStart: OnNodeDrag = useCallback(
    (_, node) => {
      // A card cannot land right after itself or inside its own If/Else.
      draggedGapExclusions.current = new Set([node.id]);
      const sel = { card: node.id as CardId, path: (node.data as CardData).path };
      store.getState().select(sel);
    },
    [store],
  );
  const onNodeDrag: OnNodeDrag = useCallback(
    (_, node) => {
      const w = node.width ?? 0;
      setMarker(
        nearestGap(
          gaps,
          node.position.x + w / 2,
          node.position.y + 20,
          200,
          draggedGapExclusions.current,
        ),
      );
    },
    [gaps],
  );
  const onNodeDragStop: OnNodeDrag = useCallback(
    (_, node) => {
      const w = node.width ?? 0;
      const gap = nearestGap(
        gaps,
        node.position.x + w / 2,
        node.position.y + 20,
        200,
        draggedGapExclusions.current,
      );
      setDrag(null);
      setMarker(null);
      if (gap) {
        const o = moveTo(store, node.id as CardId, gap.at);
        report(o.problems, o.notice);
      }
    },
    [gaps, store, report],
  );

  const onDragOver = useCallback(
    (e: DragEvent) => {
      if (e.dataTransfer.types.includes(OUTPUT_DRAG_TYPE)) {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'link';
        return;
      }
      if (!e.dataTransfer.types.includes(CARD_DRAG_TYPE)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const g = nearestGap(gaps, p.x, p.y);
      setMarker((m) => (m?.after === g?.after ? m : g));
    },
    [rf, gaps],
  );
  const onDrop = useCallback(
    (e: DragEvent) => {
      const output = readDraggedOutput(e.dataTransfer);
      if (output) {
        e.preventDefault();
        const el = document
          .elementsFromPoint(e.clientX, e.clientY)
          .find((x) => x.matches('.react-flow__node-card'));
        const id = el instanceof HTMLElement ? el.dataset['id'] : undefined;
        const node = id ? nodes.find((n) => n.id === id) : undefined;
        if (node)
          onOutputDrop?.(
            { card: node.id as CardId, path: (node.data as CardData).path },
            output,
            e.clientX,
            e.clientY,
          );
        return;
      }
      const id = e.dataTransfer.getData(CARD_DRAG_TYPE);
      if (!id || !catalog) return;
      e.preventDefault();
      const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const g = nearestGap(gaps, p.x, p.y);
      setMarker(null);
      const o = insertFromCatalog(store, catalog, id, g?.at ?? { kind: 'end' });
      report(o.problems, o.notice);
    },
    [rf, gaps, catalog, store, report, nodes, onOutputDrop],
  );

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

  // Keep the selected card in view (a new card is selected when it is inserted).
  const wrapper = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const node = selected ? layout.nodes.find((n) => n.id === selected) : undefined;
    const el = wrapper.current;
    if (!node || !el) return;
    const { x, y, zoom } = rf.getViewport();
    const left = node.x * zoom + x;
    const top = node.y * zoom + y;
    const inView =
      left >= 0 &&
      top >= 0 &&
      left + node.width * zoom <= el.clientWidth &&
      top + Math.min(node.height, 120) * zoom <= el.clientHeight;
    if (inView) return;
    // A flow that fits at a readable zoom is shown whole; a long one scrolls to the card.
    const fits = Math.min(
      el.clientWidth / (layout.width + 80),
      el.clientHeight / (layout.height + 80),
    );
    if (fits >= 0.6)
      void rf.fitView({ minZoom: 0.5, maxZoom: 1, padding: 0.15, duration: motion(150) });
    else
      void rf.setCenter(node.x + node.width / 2, node.y + Math.min(node.height, 120) / 2, {
        zoom,
        duration: motion(150),
      });
  }, [selected, layout, rf]);
  return (
    <CardActionsContext.Provider value={actions}>
      <ConnectingContext.Provider value={connecting}>
        <div
          className={connecting ? 'canvas connecting' : 'canvas'}
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
            edges={edges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onNodeDragStart={onNodeDragStart}
            onNodeDrag={onNodeDrag}
            onNodeDragStop={onNodeDragStop}
            onNodeClick={onNodeClick}
            onNodeContextMenu={onNodeContextMenu}
            onPaneClick={onPaneClick}
            onDragOver={onDragOver}
            onDrop={onDrop}
            nodesConnectable={!readOnly}
            nodesDraggable={!readOnly}
            isValidConnection={isValidConnection}
            onConnect={onConnect}
            onConnectStart={onConnectStart}
            onConnectEnd={onConnectEnd}
            connectionRadius={24}
            edgesFocusable={false}
            deleteKeyCode={null}
            selectionKeyCode={null}
            multiSelectionKeyCode={null}
            disableKeyboardA11y
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
