/** Canvas node components. Memoised; `nodeTypes` is a module constant (React Flow requires it). */
import { NoteMarkdown } from './NoteMarkdown.tsx';
import { CardTools } from './CardTools.tsx';
import { ChildPills } from './ChildPills.tsx';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps, NodeTypes } from '@xyflow/react';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { ChevronDown, ChevronUp, Unlink } from 'lucide-react';
import { createContext, memo, useContext } from 'react';
import type { CSSProperties } from 'react';
import type { CardData, PillData } from '../../client/canvas/project.ts';
import { Plus } from 'lucide-react';
import type { CardView } from '../../export/layout/layout.ts';
import { cardRows } from '../../export/layout/layout.ts';
import type { Json } from '../../model/raw.ts';
import type { ScopePath } from '../../model/scope.ts';
import type { FieldLine } from '../../model/summary.ts';
import { valueText } from '../../model/summary.ts';
import type { PaletteKind } from './Palette.tsx';

/** Opens the event picker; provided by the canvas through a DOM event to keep nodes pure. */
export const ADD_EVENT = 'flopack:add-event';
/** Opens the card popover at a gap ("+") or at the end of the flow. */
export const ADD_CARD = 'flopack:add-card';

/** What an ADD_CARD event carries: the gap (the node it follows, or "end") and where. */
export interface AddRequest {
  gap: string;
  x: number;
  y: number;
  kind: PaletteKind;
}

const requestAdd = (el: HTMLElement, gap: string, kind: PaletteKind): void => {
  const r = el.getBoundingClientRect();
  const detail: AddRequest = { gap, x: r.right, y: r.top, kind };
  el.dispatchEvent(new CustomEvent(ADD_CARD, { bubbles: true, detail }));
};

interface GapData extends Record<string, unknown> {
  gap: string;
  label: string;
}

function PlusView({ data }: NodeProps & { data: GapData }) {
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

function EndView() {
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

/** What cards on the canvas can ask of the editor (a stable object from the canvas). */
export interface CardActions {
  setView: (card: string, view: CardView | null) => void;
  unmap: (card: string, path: ScopePath, input: string) => void;
  setValue: (card: string, path: ScopePath, input: string, value: Json) => void;
  openHelper: (flowId: string) => void;
  helperName: (flowId: string) => string;
  /** While an output is dragged: why this input cannot take it, or null when it can. */
  canTake: (card: string, path: ScopePath, input: string) => string | null;
  /** Sends the current item of a list card to a helper input (null: to none). */
  setItem: (card: string, path: ScopePath, input: string | null, itemPath: string) => void;
  /** Why the flow cannot be changed here (a viewer's role), or null when it can. */
  readOnly: string | null;
}

/** The output being dragged onto inputs, if any (the canvas provides it). */
export const ConnectingContext = createContext<unknown>(null);

/** Provided by the canvas; nodes read it instead of taking callbacks in their data. */
export const CardActionsContext = createContext<CardActions | null>(null);

function InlineValue({ data, field }: { data: CardData; field: FieldLine }) {
  const actions = useContext(CardActionsContext);
  const set = (v: Json) => actions?.setValue(data.summary.id, data.path, field.id, v);
  const name = `${field.label} of ${data.summary.title}`;
  if (field.inline === 'boolean' || field.inline === 'choice') {
    const options =
      field.inline === 'boolean'
        ? [
            { value: true as Json, label: 'True' },
            { value: false as Json, label: 'False' },
          ]
        : field.choices;
    const current = options.find((o) => valueText(o.value) === field.text);
    return (
      <select
        className="nodrag cv-inline"
        aria-label={name}
        disabled={Boolean(actions?.readOnly)}
        title={actions?.readOnly ?? undefined}
        value={current ? JSON.stringify(current.value) : ''}
        onChange={(e) => set(e.target.value === '' ? null : (JSON.parse(e.target.value) as Json))}
      >
        <option value="">—</option>
        {options.map((o) => (
          <option key={JSON.stringify(o.value)} value={JSON.stringify(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      className="nodrag cv-inline"
      aria-label={name}
      readOnly={Boolean(actions?.readOnly)}
      title={actions?.readOnly ?? undefined}
      defaultValue={field.text}
      key={field.text}
      inputMode={field.inline === 'number' ? 'decimal' : undefined}
      placeholder={field.required ? 'Required' : ''}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        e.stopPropagation();
      }}
      onBlur={(e) => {
        const raw = e.currentTarget.value;
        if (raw === field.text) return;
        if (field.inline === 'number') {
          const n = Number(raw);
          set(raw.trim() === '' ? null : Number.isFinite(n) ? n : raw);
        } else set(raw);
      }}
    />
  );
}

function MappedPill({ data, field }: { data: CardData; field: FieldLine }) {
  const actions = useContext(CardActionsContext);
  const source = field.text.replace(' · ', ' › ');
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <button
          type="button"
          className="nodrag cv-source"
          aria-label={`${field.label} ← ${source}`}
          title={`${field.label} ← ${source}`}
        >
          {source}
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          className="menu-content"
          sideOffset={4}
          aria-label={`Mapping into ${field.label}`}
        >
          <DropdownMenu.Item
            className="menu-item"
            disabled={Boolean(actions?.readOnly)}
            onSelect={() => actions?.unmap(data.summary.id, data.path, field.id)}
          >
            <Unlink size={15} aria-hidden="true" /> Unmap
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

function FieldRow({ data, field }: { data: CardData; field: FieldLine }) {
  const actions = useContext(CardActionsContext);
  const connecting = useContext(ConnectingContext);
  const refusal = connecting
    ? (actions?.canTake(data.summary.id, data.path, field.id) ?? null)
    : null;
  const empty = !field.mapped && field.text === '';
  const cls =
    `cv-row${field.mapped ? ' mapped' : ''}${empty && field.required ? ' missing' : ''}` +
    (connecting ? (refusal ? ' refuses' : ' takes') : '');
  return (
    <li className={cls} data-input={field.id} title={refusal ?? undefined}>
      <Handle
        id={`in:${field.id}`}
        type="target"
        position={Position.Left}
        className="cv-in"
        isConnectableStart={false}
      />
      <span className="cv-label" title={field.label}>
        {field.label}
        {field.required && (
          <span className="cv-req" aria-label="required">
            *
          </span>
        )}
      </span>
      {field.mapped ? (
        <MappedPill data={data} field={field} />
      ) : field.inline ? (
        <InlineValue data={data} field={field} />
      ) : (
        <span className="cv-value" title={field.text}>
          {empty ? (field.required ? 'Required' : '') : field.text}
        </span>
      )}
    </li>
  );
}

function CardView({ data, selected }: NodeProps & { data: CardData }) {
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
        </span>
        <span className="cv-title" title={s.title}>
          {s.title}
        </span>
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
            <li className="cv-row cv-more">
              <button
                type="button"
                className="nodrag link"
                onClick={() => actions?.setView(s.id, 'full')}
              >
                +{rows.moreFields} more inputs
              </button>
            </li>
          )}
          {s.calls && (
            <li className="cv-row cv-calls">
              <button
                type="button"
                className="nodrag link"
                onClick={() => s.calls && actions?.openHelper(s.calls)}
              >
                calls {actions?.helperName(s.calls) ?? 'a helper flow'}
              </button>
            </li>
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
            <li className="cv-row cv-more cv-out-row">
              <button
                type="button"
                className="nodrag link"
                onClick={() => actions?.setView(s.id, 'full')}
              >
                +{rows.moreOutputs} more outputs
              </button>
            </li>
          )}
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
      <NoteMarkdown markdown={note?.markdown ?? ''} />
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
  plus: memo(PlusView) as NodeTypes[string],
  end: memo(EndView),
};
