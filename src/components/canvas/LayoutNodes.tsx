/** The layout's other nodes: notes, branch and lane pills, merge points and the drop marker. */
import type { NodeProps } from '@xyflow/react';
import type { CardData, PillData } from '../../client/canvas/project.ts';
import { handles } from './nodeHandles.tsx';
import { NoteMarkdown } from './NoteMarkdown.tsx';

/** A note. */
export function NoteView({ data, selected }: NodeProps & { data: CardData }) {
  const note = data.summary.note;
  return (
    <div className={selected ? 'cv-note selected' : 'cv-note'}>
      {handles}
      <strong>{note?.title || 'Note'}</strong>
      <NoteMarkdown markdown={note?.markdown ?? ''} />
    </div>
  );
}

/** A branch head or an inline-flow lane. */
export function PillView({ data, type }: NodeProps & { data: PillData }) {
  return (
    <div className={`cv-pill cv-pill-${type}`}>
      {handles}
      {data.label}
    </div>
  );
}

/** Where branches meet. */
export function MergeView() {
  return <div className="cv-merge">{handles}</div>;
}

/** Where a dragged card will land. */
export function MarkerView() {
  return <div className="cv-marker" aria-hidden="true" />;
}
