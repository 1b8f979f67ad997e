/** The hint a refused connection shows on the canvas. */
import { useConnection, ViewportPortal } from '@xyflow/react';
import type { ScopePath } from '../../model/scope.ts';
import type { CardActions } from './cardActions.ts';

/** While an output is dragged over an input that cannot take it: the reason, by the pointer. */
export function ConnectionHint({
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
