/** Canvas node components. Memoised; `nodeTypes` is a module constant (React Flow requires it). */
import { Handle, Position } from '@xyflow/react';
import type { NodeProps, NodeTypes } from '@xyflow/react';
import { memo } from 'react';
import type { CSSProperties } from 'react';
import type { CardData, PillData } from '../../client/canvas/project.ts';
import { GEOMETRY } from '../../export/layout/layout.ts';

/** Opens the event picker; provided by the canvas through a DOM event to keep nodes pure. */
export const ADD_EVENT = 'flopack:add-event';

const handles = (
  <>
    <Handle type="target" position={Position.Left} isConnectable={false} />
    <Handle type="source" position={Position.Right} isConnectable={false} />
    <Handle id="below" type="source" position={Position.Bottom} isConnectable={false} />
    <Handle
      id="map-in"
      type="target"
      position={Position.Top}
      isConnectable={false}
      className="map-handle"
    />
    <Handle
      id="map-out"
      type="source"
      position={Position.Top}
      isConnectable={false}
      className="map-handle"
    />
  </>
);

function CardView({ data, selected }: NodeProps & { data: CardData }) {
  const s = data.summary;
  const style = { '--band': data.band, '--ink': data.ink } as CSSProperties;
  if (data.eventSlot) {
    return (
      <div className="cv-card cv-event-slot" style={style}>
        {handles}
        <span className="cv-app">Event</span>
        <button
          type="button"
          className="nodrag primary"
          onClick={(e) =>
            e.currentTarget.dispatchEvent(new CustomEvent(ADD_EVENT, { bubbles: true }))
          }
        >
          Add event
        </button>
      </div>
    );
  }
  const shown = s.inputs.slice(0, GEOMETRY.maxRows);
  const more = s.inputs.length - shown.length;
  return (
    <div className={selected ? 'cv-card selected' : 'cv-card'} style={style} data-role={s.role}>
      {handles}
      <div className="cv-head">
        <span className="cv-app">{s.app}</span>
        <span className="cv-title" title={s.title}>
          {s.title}
        </span>
      </div>
      {(shown.length > 0 || s.calls) && (
        <ul className="cv-inputs">
          {shown.map((i, k) => (
            <li key={k} className={i.mapped ? 'mapped' : undefined}>
              <span className="cv-label">{i.label}</span>
              <span className="cv-value">{i.mapped ? `← ${i.text}` : i.text}</span>
            </li>
          ))}
          {more > 0 && <li className="cv-more">+{more} more</li>}
          {s.calls && <li className="cv-calls">Calls a helper flow</li>}
        </ul>
      )}
    </div>
  );
}

function NoteView({ data, selected }: NodeProps & { data: CardData }) {
  const note = data.summary.note;
  return (
    <div className={selected ? 'cv-note selected' : 'cv-note'}>
      {handles}
      <strong>{note?.title || 'Note'}</strong>
      <p>{note?.markdown}</p>
    </div>
  );
}

function PillView({ data, type }: NodeProps & { data: PillData }) {
  return (
    <div className={`cv-pill cv-pill-${type}`}>
      {handles}
      {data.label}
    </div>
  );
}

function MergeView() {
  return <div className="cv-merge">{handles}</div>;
}

function MarkerView() {
  return <div className="cv-marker" aria-hidden="true" />;
}

/** Node components by type (a module constant: React Flow warns and re-mounts otherwise). */
export const nodeTypes: NodeTypes = {
  card: memo(CardView) as NodeTypes[string],
  note: memo(NoteView) as NodeTypes[string],
  branch: memo(PillView) as NodeTypes[string],
  arm: memo(PillView) as NodeTypes[string],
  merge: memo(MergeView),
  marker: memo(MarkerView),
};
