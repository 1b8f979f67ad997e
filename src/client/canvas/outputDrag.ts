/** Dragging an output (from the Inspector) onto a later card on the canvas maps it there. */
import type { CardId, FieldId } from '../../model/ids.ts';
import type { ScopePath } from '../../model/scope.ts';

/** MIME type of a dragged output. */
export const OUTPUT_DRAG_TYPE = 'application/x-flopack-output';

/** What a dragged output carries. */
export interface DraggedOutput {
  card: CardId;
  output: FieldId;
  path: ScopePath;
  label: string;
}

/** Reads a dragged output from a drop, or null. */
export function readDraggedOutput(dt: DataTransfer): DraggedOutput | null {
  const raw = dt.getData(OUTPUT_DRAG_TYPE);
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<DraggedOutput>;
    return typeof v.card === 'string' && typeof v.output === 'string' && Array.isArray(v.path)
      ? {
          card: v.card,
          output: v.output,
          path: v.path,
          label: typeof v.label === 'string' ? v.label : '',
        }
      : null;
  } catch {
    return null;
  }
}
