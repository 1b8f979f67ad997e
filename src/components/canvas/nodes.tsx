/** Canvas node components. Memoised; `nodeTypes` is a module constant (React Flow requires it). */
import type { NodeTypes } from '@xyflow/react';
import { memo } from 'react';
import { CardView } from './CardNode.tsx';
import { EndView, PlusView } from './GapNodes.tsx';
import { MarkerView, MergeView, NoteView, PillView } from './LayoutNodes.tsx';

/** Node components by type (a module constant: React Flow warns and re-mounts otherwise). */
export const nodeTypes: NodeTypes = {
  card: memo(CardView) as NodeTypes[string],
  note: memo(NoteView) as NodeTypes[string],
  branch: memo(PillView) as NodeTypes[string],
  arm: memo(PillView) as NodeTypes[string],
  merge: memo(MergeView),
  marker: memo(MarkerView),
  plus: memo(PlusView) as NodeTypes[string],
  end: memo(EndView),
};
