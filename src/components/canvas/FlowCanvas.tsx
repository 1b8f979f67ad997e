/**
 * The canvas: React Flow showing the shared layout of the draft. Canvas events become model
 * operations (insert, move, select); React Flow's own state never reaches the flopack.
 */
import { Background, Controls, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import type { Node, NodeChange, NodeMouseHandler, OnNodeDrag } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { DragEvent, MouseEvent as ReactMouseEvent } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EditorStore } from '../../client/editorStore.ts';
import type { CardData } from '../../client/canvas/project.ts';
import { createProjector, projectEdges } from '../../client/canvas/project.ts';
import { eventOf, insertFromCatalog, moveTo } from '../../client/canvas/commands.ts';
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
import { gapsOf, nearestGap } from './gaps.ts';
import type { Gap } from './gaps.ts';
import { ADD_EVENT, nodeTypes } from './nodes.tsx';
import { CARD_DRAG_TYPE } from './Palette.tsx';

interface Props {
  store: EditorStore;
  catalog: Catalog | null;
  onAddEvent: () => void;
  /** An output dragged from the Inspector was dropped on a card. */
  onOutputDrop?: (
    target: { card: CardId; path: ScopePath },
    output: DraggedOutput,
    x: number,
    y: number,
  ) => void;
  onContextMenu: (card: string, x: number, y: number) => void;
  report: (problems: { message: string }[] | null, notice?: string) => void;
}

const MARKER_SIZE = 18;

/** The flow canvas (needs a ReactFlowProvider above it). */
export function FlowCanvas({
  store,
  catalog,
  onAddEvent,
  onOutputDrop,
  onContextMenu,
  report,
}: Props) {
  const rf = useReactFlow();
  const data = useEditor((s) => s.flow.data);
  const selection = useEditor((s) => s.selection);
  const readOnly = useEditor((s) => s.readOnly !== null);
  const theme = useUi((s) => s.theme);
  const [projector] = useState(createProjector);
  const layout = useMemo(() => layoutOf(data), [data]);
  const gaps = useMemo(() => gapsOf(layout), [layout]);
  const eventSlot = useMemo(() => {
    const id = eventOf(store);
    const m = id ? data.methods.find((x) => x.uuid === id) : undefined;
    return m && isNoop(m) ? m.uuid : null;
  }, [data, store]);
  const selected = selection?.card ?? null;
  const nodes = useMemo(
    () => projector(layout, selected, eventSlot),
    [projector, layout, selected, eventSlot],
  );
  const mappings = useMemo(() => {
    const scope = selection ? scopeAt(data, selection.path) : null;
    return scope ? mappingsOf(scope) : [];
  }, [data, selection]);
  const edges = useMemo(
    () => projectEdges(layout, mappings, selected),
    [layout, mappings, selected],
  );
  const [drag, setDrag] = useState<{ id: string; x: number; y: number } | null>(null);
  const [marker, setMarker] = useState<Gap | null>(null);

  const shown = useMemo(() => {
    let out: Node[] = nodes;
    if (drag)
      out = nodes.map((n) => (n.id === drag.id ? { ...n, position: { x: drag.x, y: drag.y } } : n));
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
  }, [nodes, drag, marker]);

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
    if (fits >= 0.6) void rf.fitView({ maxZoom: 1, padding: 0.15, duration: motion(150) });
    else
      void rf.setCenter(node.x + node.width / 2, node.y + Math.min(node.height, 120) / 2, {
        zoom,
        duration: motion(150),
      });
  }, [selected, layout, rf]);
  const big = layout.cardCount > 100;
  // A long flow opens at its start at 100 % (as Okta's console does) instead of being
  // squeezed to fit; only the cards in view are rendered.
  const [fitOnOpen] = useState(() => layout.width <= 4000);

  return (
    <div
      className="canvas"
      onFocus={(e) => {
        // Tabbing onto a card selects it, so the keyboard path matches clicking.
        const el = e.target.closest<HTMLElement>('.react-flow__node-card, .react-flow__node-note');
        const id = el?.dataset['id'];
        const node = id ? nodes.find((n) => n.id === id) : undefined;
        if (node && node.id !== selected)
          store.getState().select({ card: node.id as CardId, path: (node.data as CardData).path });
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setMarker(null);
      }}
      ref={(el) => {
        wrapper.current = el;
        if (!el) return;
        const handler = () => onAddEvent();
        el.addEventListener(ADD_EVENT, handler);
        return () => el.removeEventListener(ADD_EVENT, handler);
      }}
    >
      <ReactFlow
        nodes={shown}
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
        nodesConnectable={false}
        nodesDraggable={!readOnly}
        edgesFocusable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        disableKeyboardA11y
        onlyRenderVisibleElements={big}
        colorMode={theme}
        minZoom={0.05}
        maxZoom={2}
        fitView={fitOnOpen}
        fitViewOptions={{ maxZoom: 1, padding: 0.15 }}
        defaultViewport={{ x: 40, y: 120, zoom: 1 }}
        proOptions={{ hideAttribution: true }}
        aria-label="Flow canvas"
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable ariaLabel="Minimap" nodeStrokeWidth={2} />
      </ReactFlow>
    </div>
  );
}
