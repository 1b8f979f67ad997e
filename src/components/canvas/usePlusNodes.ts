/**
 * The "+" on every insertion gap of the canvas, and Okta's "Add app action" / "Add function"
 * at the end — nodes cached per gap so an unchanged "+" keeps its object.
 */
import type { Node } from '@xyflow/react';
import { useMemo, useState } from 'react';
import type { Layout } from '../../export/layout/layout.ts';
import { GEOMETRY } from '../../export/layout/layout.ts';
import type { Gap } from './gaps.ts';

const PLUS_SIZE = 22;

/** The "+" nodes for the layout's gaps (none for a viewer: `readOnly`). */
export function usePlusNodes(
  gaps: readonly Gap[],
  layout: Layout,
  readOnly: boolean,
  eventSlot: string | null,
): Node[] {
  const [plusCache] = useState(() => new Map<string, Node>());
  return useMemo(() => {
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
}
