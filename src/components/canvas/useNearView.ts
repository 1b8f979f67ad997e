/**
 * A long flow hands React Flow only the nodes near the view (React Flow renders every node
 * it has not measured yet once, so culling after the fact still mounts them all).
 */
import type { Viewport } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';

/** The area around the view, in flow coordinates, to keep nodes in; null for a short flow. */
export interface NearView {
  near: { left: number; top: number; right: number; bottom: number } | null;
  onMove: (_: unknown, v: Viewport) => void;
}

/** Follows the viewport of a `big` flow in steps of a quarter screen. */
export function useNearView(big: boolean, initialViewport: Viewport): NearView {
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
  return { near, onMove };
}
