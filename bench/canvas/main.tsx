/**
 * The canvas benchmark page: renders a generated flow either in the studio's own flow editor
 * (the component and providers the app uses) or in a bare React Flow with the same nodes and
 * positions, and reports timings on `window.bench`.
 */
import { applyNodeChanges, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import type { Edge, Node, NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createEditorStore } from '../../src/client/editorStore.ts';
import { FlowEditor } from '../../src/components/canvas/FlowEditor.tsx';
import { createStudioQueryClient, StudioProviders } from '../../src/components/StudioProviders.tsx';
import '../../src/components/styles.css';
import { layoutFlow } from '../../src/export/layout/layout.ts';
import { generateFlow } from './generate.ts';

declare global {
  interface Window {
    bench: {
      ready: boolean;
      firstRenderMs: number;
      cards: number;
      /** The size of the React Flow pane, so both modes are seen to measure the same area. */
      pane: { width: number; height: number };
    };
    /** Renders the canvas; the driver calls it once the page (and the flow) is loaded. */
    start: () => void;
  }
}

const params = new URLSearchParams(location.search);
const mode = params.get('mode') === 'bare' ? 'bare' : 'studio';
const n = Math.max(2, Math.min(5000, Number(params.get('n')) || 1000));
const data = generateFlow(n);
window.bench = { ready: false, firstRenderMs: 0, cards: n, pane: { width: 0, height: 0 } };

function bareFlow(): { nodes: Node[]; edges: Edge[] } {
  const layout = layoutFlow(data);
  return {
    nodes: layout.nodes.map((l) => ({
      id: l.id,
      position: { x: l.x, y: l.y },
      data: { label: l.summary?.title ?? l.label ?? '' },
      width: l.width,
      height: l.height,
    })),
    edges: layout.edges.map((e) => ({ id: e.id, source: e.from, target: e.to })),
  };
}

/** React Flow as its guide sets it up: controlled nodes, changes applied, so a drag moves. */
function Bare() {
  const [initial] = useState(bareFlow);
  const [nodes, setNodes] = useState(initial.nodes);
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => setNodes((ns) => applyNodeChanges(changes, ns)),
    [],
  );
  return (
    <ReactFlow
      nodes={nodes}
      edges={initial.edges}
      onNodesChange={onNodesChange}
      fitView
      minZoom={0.05}
    />
  );
}

const noop = (): void => undefined;

function Studio() {
  const [client] = useState(createStudioQueryClient);
  const [store] = useState(() =>
    createEditorStore({
      id: data.uuid,
      name: 'Benchmark',
      description: '',
      folderId: null,
      active: false,
      saveAllData: false,
      kind: 'delegated',
      revision: 1,
      updatedAt: new Date(0).toISOString(),
      content: data,
    }),
  );
  return (
    <StudioProviders client={client}>
      <FlowEditor store={store} onSave={noop} onDialog={noop} onToggleActive={noop} />
    </StudioProviders>
  );
}

window.start = () => {
  const start = performance.now();
  const root = document.getElementById('root');
  if (!root) return;
  root.dataset['mode'] = mode;
  createRoot(root).render(
    mode === 'bare' ? (
      <ReactFlowProvider>
        <Bare />
      </ReactFlowProvider>
    ) : (
      <Studio />
    ),
  );
  // First render = until the nodes are in the DOM and a frame has been painted.
  const poll = (): void => {
    if (document.querySelector('.react-flow__node')) {
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          window.bench.firstRenderMs = performance.now() - start;
          const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
          window.bench.pane = { width: pane?.width ?? 0, height: pane?.height ?? 0 };
          window.bench.ready = true;
        }),
      );
    } else requestAnimationFrame(poll);
  };
  poll();
};
