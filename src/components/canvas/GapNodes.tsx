/** The "+" on an insertion gap and the end-of-flow buttons ("Add app action", "Add function"). */
import type { NodeProps } from '@xyflow/react';
import { Plus } from 'lucide-react';
import { requestAdd } from './addRequests.ts';

interface GapData extends Record<string, unknown> {
  gap: string;
  label: string;
}

/** The "+" of a gap. */
export function PlusView({ data }: NodeProps & { data: GapData }) {
  return (
    <button
      type="button"
      className="nodrag cv-plus"
      aria-label={data.label}
      title={data.label}
      onClick={(e) => requestAdd(e.currentTarget, data.gap, 'all')}
    >
      <Plus size={14} aria-hidden="true" />
    </button>
  );
}

/** The end of the flow. */
export function EndView() {
  return (
    <div className="cv-end" role="group" aria-label="End of the flow">
      <button
        type="button"
        className="nodrag"
        onClick={(e) => requestAdd(e.currentTarget, 'end', 'app')}
      >
        <Plus size={14} aria-hidden="true" /> Add app action
      </button>
      <button
        type="button"
        className="nodrag"
        onClick={(e) => requestAdd(e.currentTarget, 'end', 'function')}
      >
        <Plus size={14} aria-hidden="true" /> Add function
      </button>
    </div>
  );
}
