/** Keeps the selected card in view (a new card is selected when it is inserted). */
import { useReactFlow } from '@xyflow/react';
import type { RefObject } from 'react';
import { useEffect } from 'react';
import type { Layout } from '../../export/layout/layout.ts';
import { motion } from '../../client/motion.ts';

/** Pans (or fits the flow) to the selected card when it is out of the wrapper's view. */
export function useKeepInView(
  selected: string | null,
  layout: Layout,
  wrapper: RefObject<HTMLDivElement | null>,
): void {
  const rf = useReactFlow();
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
  }, [selected, layout, rf, wrapper]);
}
