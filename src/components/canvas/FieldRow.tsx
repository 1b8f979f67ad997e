/** One input row of a card: its label, and its mapped source, inline value or static text. */
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Handle, Position } from '@xyflow/react';
import { Unlink } from 'lucide-react';
import { useContext } from 'react';
import type { CardData } from '../../client/canvas/project.ts';
import type { Json } from '../../model/raw.ts';
import type { FieldLine } from '../../model/summary.ts';
import { valueText } from '../../model/summary.ts';
import { CardActionsContext, ConnectingContext } from './cardActions.ts';
import { TableField } from './TableField.tsx';

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

/** The row of one input. */
export function FieldRow({ data, field }: { data: CardData; field: FieldLine }) {
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
      ) : field.table ? (
        <TableField data={data} field={field} />
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
