/** A card on the canvas, as on Okta's: app band, title, input rows and output pills. */
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { ChevronDown, ChevronUp } from 'lucide-react';
import { useContext } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import type { CardData } from '../../client/canvas/project.ts';
import { cardRows } from '../../export/layout/layout.ts';
import { RunBadge } from '../sim/RunBadge.tsx';
import { ADD_EVENT } from './addRequests.ts';
import { CardActionsContext } from './cardActions.ts';
import { CardConnection } from './CardConnection.tsx';
import { CardTools } from './CardTools.tsx';
import { ChildPills } from './ChildPills.tsx';
import { FieldRow } from './FieldRow.tsx';
import { handles } from './nodeHandles.tsx';
import { ScheduleLine } from './ScheduleLine.tsx';

/** The card node. */
export function CardView({ data, selected }: NodeProps & { data: CardData }) {
  const s = data.summary;
  const actions = useContext(CardActionsContext);
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
  const rows = cardRows(s, data.view ?? undefined);
  const collapsed = rows.collapsed;
  const missing = s.fields.filter((f) => f.required && !f.mapped && f.text === '').length;
  return (
    <div className={selected ? 'cv-card selected' : 'cv-card'} style={style} data-role={s.role}>
      {handles}
      <div className="cv-head">
        <span className="cv-app">
          <span className="cv-mark" aria-hidden="true">
            {s.app.slice(0, 1)}
          </span>
          {s.app}
          <CardConnection s={s} />
        </span>
        <span className="cv-title" title={s.title}>
          {s.title}
        </span>
        {s.role === 'event' && data.path.length === 0 && <ScheduleLine />}
        <CardTools
          card={s.id}
          path={data.path}
          title={s.title}
          readOnly={actions?.readOnly ?? null}
        />
        <button
          type="button"
          className="nodrag cv-fold"
          aria-label={collapsed ? `Expand ${s.title}` : `Collapse ${s.title}`}
          aria-expanded={!collapsed}
          title={collapsed ? 'Expand' : 'Collapse'}
          onClick={() => actions?.setView(s.id, collapsed ? null : 'collapsed')}
        >
          {collapsed ? (
            <ChevronDown size={14} aria-hidden="true" />
          ) : (
            <ChevronUp size={14} aria-hidden="true" />
          )}
        </button>
      </div>
      <RunBadge card={s.id} />
      {collapsed ? (
        <p className="cv-summary">
          {s.fields.length} inputs, {s.outputs.length} outputs
          {missing > 0 ? `, ${missing} required missing` : ''}
        </p>
      ) : (
        <ul className="cv-rows">
          {s.fields.slice(0, rows.fields).map((f) => (
            <FieldRow key={f.id} data={data} field={f} />
          ))}
          {rows.moreFields > 0 && (
            <MoreRow className="cv-row cv-more" onClick={() => actions?.setView(s.id, 'full')}>
              +{rows.moreFields} more inputs
            </MoreRow>
          )}
          {s.calls && (
            <MoreRow
              className="cv-row cv-calls"
              onClick={() => s.calls && actions?.openHelper(s.calls)}
            >
              calls {actions?.helperName(s.calls) ?? 'a helper flow'}
            </MoreRow>
          )}
          {s.item && (
            <li className="cv-row cv-item">
              <span className="cv-label">Current item →</span>
              <select
                className="nodrag cv-inline"
                aria-label={`Current item of ${s.title} goes to`}
                disabled={Boolean(actions?.readOnly)}
                title={actions?.readOnly ?? undefined}
                value={s.item.to ?? ''}
                onChange={(e) =>
                  actions?.setItem(
                    s.id,
                    data.path,
                    e.target.value === '' ? null : e.target.value,
                    s.item?.path ?? '',
                  )
                }
              >
                <option value="">No helper input</option>
                {s.item.inputs.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </li>
          )}
          {s.outputs.slice(0, rows.outputs).map((o) => (
            <li key={o.id} className="cv-row cv-out-row">
              <span className="cv-out" title={o.label} data-output={o.id}>
                {o.label}
                <Handle
                  id={`out:${o.id}`}
                  type="source"
                  position={Position.Right}
                  className="cv-out-handle"
                />
              </span>
              <ChildPills card={s.id} path={data.path} output={o.id} label={o.label} />
            </li>
          ))}
          {rows.moreOutputs > 0 && (
            <MoreRow
              className="cv-row cv-more cv-out-row"
              onClick={() => actions?.setView(s.id, 'full')}
            >
              +{rows.moreOutputs} more outputs
            </MoreRow>
          )}
        </ul>
      )}
    </div>
  );
}

/** A card row holding one link-styled button ("+3 more inputs", "calls <helper>"). */
function MoreRow({
  className,
  onClick,
  children,
}: {
  className: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <li className={className}>
      <button type="button" className="nodrag link" onClick={onClick}>
        {children}
      </button>
    </li>
  );
}
