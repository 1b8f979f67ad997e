/** Canvas nodes whose cards have a run status, described by it for screen readers. */
import type { Node } from '@xyflow/react';
import { useStore } from '@xyflow/react';
import { useMemo } from 'react';
import { runStatusId, useRunStatus } from '../../client/runStatus.ts';

/**
 * The nodes, each card with a status getting `aria-describedby` = React Flow's keyboard help
 * plus its status; the same array (and node objects) when no run is shown.
 */
export function useRunStatusNodes(nodes: Node[]): Node[] {
  const statuses = useRunStatus((s) => s.statuses);
  const rfId = useStore((s) => s.rfId);
  return useMemo(() => {
    if (!statuses) return nodes;
    return nodes.map((n) =>
      n.type === 'card' && statuses.has(n.id)
        ? {
            ...n,
            domAttributes: {
              ...n.domAttributes,
              'aria-describedby': `react-flow__node-desc-${rfId} ${runStatusId(n.id)}`,
            },
          }
        : n,
    );
  }, [nodes, statuses, rfId]);
}
