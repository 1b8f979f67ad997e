/**
 * Dragging a card to reorder it: the card follows the pointer, a marker shows the gap it will
 * land in, and the drop becomes the model's move (positions themselves never change).
 */
import type { NodeChange, OnNodeDrag } from '@xyflow/react';
import { useCallback, useRef, useState } from 'react';
import type { CardData } from '../../client/canvas/project.ts';
import { moveTo } from '../../client/canvas/commands.ts';
import type { EditorStore } from '../../client/editorStore.ts';
import type { CardId } from '../../model/ids.ts';
import { nearestGap } from './gaps.ts';
import type { Gap } from './gaps.ts';

/** The drag handlers for React Flow, the dragged card's place and the gap marker. */
export function useCardDrag(
  store: EditorStore,
  gaps: readonly Gap[],
  report: (problems: { message: string }[] | null, notice?: string) => void,
) {
  const [drag, setDrag] = useState<{ id: string; x: number; y: number } | null>(null);
  const [marker, setMarker] = useState<Gap | null>(null);

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
  return { drag, marker, setMarker, onNodesChange, onNodeDragStart, onNodeDrag, onNodeDragStop };
}
