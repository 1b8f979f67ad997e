/**
 * Drops on the canvas: a card dragged from the card search lands in the nearest gap (a marker
 * shows it while dragging), and an output dragged from the Inspector onto a card asks which
 * input it maps into.
 */
import type { Node } from '@xyflow/react';
import { useReactFlow } from '@xyflow/react';
import type { Dispatch, DragEvent, SetStateAction } from 'react';
import { useCallback } from 'react';
import { insertFromCatalog } from '../../client/canvas/commands.ts';
import type { DraggedOutput } from '../../client/canvas/outputDrag.ts';
import { OUTPUT_DRAG_TYPE, readDraggedOutput } from '../../client/canvas/outputDrag.ts';
import type { CardData } from '../../client/canvas/project.ts';
import type { EditorStore } from '../../client/editorStore.ts';
import type { Catalog } from '../../model/catalog.ts';
import type { CardId } from '../../model/ids.ts';
import type { ScopePath } from '../../model/scope.ts';
import { nearestGap } from './gaps.ts';
import type { Gap } from './gaps.ts';
import { CARD_DRAG_TYPE } from './Palette.tsx';

interface Options {
  store: EditorStore;
  catalog: Catalog | null;
  gaps: readonly Gap[];
  nodes: readonly Node[];
  setMarker: Dispatch<SetStateAction<Gap | null>>;
  report: (problems: { message: string }[] | null, notice?: string) => void;
  onOutputDrop?:
    | ((
        target: { card: CardId; path: ScopePath },
        output: DraggedOutput,
        x: number,
        y: number,
      ) => void)
    | undefined;
}

/** `onDragOver` and `onDrop` for the canvas. */
export function useCanvasDrop({
  store,
  catalog,
  gaps,
  nodes,
  setMarker,
  report,
  onOutputDrop,
}: Options) {
  const rf = useReactFlow();
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
    [rf, gaps, setMarker],
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
    [rf, gaps, catalog, store, report, nodes, onOutputDrop, setMarker],
  );
  return { onDragOver, onDrop };
}
