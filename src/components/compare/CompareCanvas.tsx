/** A read-only canvas of a comparison: the new flow with cards marked, removed cards as ghosts. */
import {
  Background,
  Controls,
  Handle,
  MiniMap,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import type { Edge, Node, NodeProps, NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useEffect, useMemo, useRef } from 'react';
import type { RefObject } from 'react';
import type { CSSProperties } from 'react';
import { useUi } from '../../client/uiStore.ts';
import type { Drawing, DrawNode } from '../../export/render/drawing.ts';
import { colorOf } from '../../export/render/palette.ts';

type DiffData = { node: DrawNode } & Record<string, unknown>;

const MARK_LABEL: Record<string, string> = {
  added: 'Added',
  changed: 'Changed',
  removed: 'Removed',
};

const DiffNode = memo(function DiffNode({ data }: NodeProps & { data: DiffData }) {
  const n = data.node;
  const face = n.face;
  const handles = (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <Handle type="source" position={Position.Right} isConnectable={false} />
      <Handle id="below" type="source" position={Position.Bottom} isConnectable={false} />
    </>
  );
  if (!face) {
    return (
      <div className={n.kind === 'merge' ? 'cv-merge' : `cv-pill mark-${n.mark}`}>
        {handles}
        {n.label}
      </div>
    );
  }
  const color = colorOf(face.app);
  const style = { '--band': color.band, '--ink': color.text } as CSSProperties;
  return (
    <div className={`cv-card mark-${n.mark}`} style={style}>
      {handles}
      {n.mark !== 'unchanged' && (
        <span className={`mark-badge mark-badge-${n.mark}`}>{MARK_LABEL[n.mark]}</span>
      )}
      <div className="cv-head">
        <span className="cv-app">{face.app}</span>
        <span className="cv-title">{face.title}</span>
      </div>
      {face.rows.length > 0 && (
        <ul className="cv-inputs">
          {face.rows.slice(0, 5).map((r, i) => (
            <li key={i} className={r.mapped ? 'mapped' : undefined}>
              <span className="cv-label">{r.label}</span>
              <span className="cv-value">{r.mapped ? `← ${r.text}` : r.text}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

const nodeTypes: NodeTypes = { diff: DiffNode as NodeTypes[string] };

/** The marked picture on a canvas (pan, zoom, minimap), read-only. */
export function CompareCanvas({ drawing }: { drawing: Drawing }) {
  const theme = useUi((s) => s.theme);
  const nodes = useMemo(
    (): Node[] =>
      drawing.nodes.map((n) => ({
        id: n.id,
        type: 'diff',
        position: { x: n.x, y: n.y },
        width: n.width,
        height: n.height,
        data: { node: n },
        draggable: false,
        selectable: false,
        focusable: n.face !== null,
        ariaLabel: n.face
          ? `${n.face.app} – ${n.face.title}${n.mark === 'unchanged' ? '' : `, ${n.mark}`}`
          : (n.label ?? ''),
      })),
    [drawing],
  );
  const edges = useMemo(
    (): Edge[] =>
      drawing.edges.map((e) => ({
        id: e.id,
        source: e.from,
        target: e.to,
        type: 'smoothstep',
        className: `edge-${e.kind}`,
        ...(e.kind === 'inline' ? { sourceHandle: 'below' } : {}),
      })),
    [drawing],
  );
  const box = useRef<HTMLDivElement>(null);
  return (
    <ReactFlowProvider>
      <div className="compare-canvas" ref={box}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          nodesConnectable={false}
          nodesDraggable={false}
          elementsSelectable={false}
          colorMode={theme}
          fitView
          fitViewOptions={FIT}
          minZoom={0.05}
          proOptions={{ hideAttribution: true }}
          aria-label="Comparison canvas"
        >
          <Background gap={24} size={1} />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable ariaLabel="Minimap" />
          <FitToBox box={box} drawing={drawing} />
        </ReactFlow>
      </div>
    </ReactFlowProvider>
  );
}

const FIT = { maxZoom: 1, padding: 0.1 } as const;

/**
 * Fits the picture whenever the canvas gets its real size or the drawing changes: opened from
 * another panel the canvas mounts before its dialog is laid out, and React Flow's one-time
 * fitView would then leave it at the smallest zoom.
 */
function FitToBox({ box, drawing }: { box: RefObject<HTMLDivElement | null>; drawing: Drawing }) {
  const rf = useReactFlow();
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let frame = 0;
    const fit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (el.clientWidth > 0 && el.clientHeight > 0) void rf.fitView(FIT);
      });
    };
    fit();
    const late = setTimeout(fit, 200);
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => {
      observer.disconnect();
      clearTimeout(late);
      cancelAnimationFrame(frame);
    };
  }, [box, rf, drawing]);
  return null;
}
