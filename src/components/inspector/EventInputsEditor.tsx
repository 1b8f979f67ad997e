/**
 * The inputs a flow takes: a Delegated Flow's form fields (Text, Number, True/False,
 * Date & Time — never lists) or a Helper Flow's parameters (any type, lists too).
 */
import { useId, useState } from 'react';
import { typeLabel } from '../../model/cardForm.ts';
import { ok } from '../../model/errors.ts';
import type { EventInput } from '../../model/eventInputs.ts';
import {
  addEventInput,
  DELEGATED_TYPE_LABELS,
  eventInputs,
  removeEventInput,
  inputCard,
  inputKeys,
  renameEventInput,
  setEventInputKeys,
  setEventInputType,
} from '../../model/eventInputs.ts';
import { INPUT_RECORDS } from '../../model/oktaTypes.ts';
import type { Json, RawFloData } from '../../model/raw.ts';
import { useDraft } from './useDraft.ts';
import type { Apply } from './useFlowEdit.ts';
import { firstMessage, useFlowEdit } from './useFlowEdit.ts';

/** Which event's inputs: a Delegated Flow's form fields or a Helper Flow's parameters. */
export type Kind = 'delegated' | 'helper';

/** A record type's option value: `record:okta-group`. */
const RECORD = 'record:';

const TYPES: Record<Kind, { value: string; label: string }[]> = {
  delegated: Object.entries(DELEGATED_TYPE_LABELS).map(([value, label]) => ({ value, label })),
  helper: [
    ...['string', 'number', 'boolean', 'Date', 'object', 'file'].map((value) => ({
      value,
      label: typeLabel(value, false),
    })),
    ...Object.entries(INPUT_RECORDS).map(([name, r]) => ({ value: RECORD + name, label: r.label })),
  ],
};

/** The type an option stands for: a simple type name, or an Okta record's structure. */
const typeOf = (value: string): Json =>
  value.startsWith(RECORD) ? (INPUT_RECORDS[value.slice(RECORD.length)]?.type ?? 'object') : value;

/** The option an input's type shows as. */
const optionOf = (input: EventInput): string =>
  input.record !== null ? RECORD + input.record : input.type;

interface Props {
  data: RawFloData;
  kind: Kind;
}

/** The "Inputs" editor of an event card. */
export function EventInputsEditor({ data, kind }: Props) {
  const apply = useFlowEdit();
  const headingId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const inputs = eventInputs(data);
  const fields = inputCard(data)?.node.model.inputs.data ?? {};
  return (
    <section className="insp-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Inputs</h3>
      <p className="insp-hint">
        {kind === 'delegated'
          ? 'Fields an admin fills in when running the flow from the Admin Console: Text, Number, True/False or Date & Time (lists are not allowed).'
          : 'Values the calling flow passes in; later cards map them.'}
      </p>
      {inputs.length === 0 ? (
        <p className="muted">No inputs yet.</p>
      ) : (
        <ul className="insp-event-inputs">
          {inputs.map((i) => (
            <EventInputRow
              key={i.input}
              input={i}
              declared={fields[i.input]?.value.type ?? null}
              kind={kind}
              apply={apply}
              onProblem={setProblem}
            />
          ))}
        </ul>
      )}
      {problem && (
        <p role="alert" className="insp-problem">
          {problem}
        </p>
      )}
      <AddEventInput kind={kind} apply={apply} onProblem={setProblem} />
    </section>
  );
}

interface RowProps {
  input: EventInput;
  /** The input's type as written: a structured descriptor when it declares keys. */
  declared: Json;
  kind: Kind;
  apply: Apply;
  onProblem: (message: string | null) => void;
}

function EventInputRow({ input, declared, kind, apply, onProblem }: RowProps) {
  const [name, setName] = useDraft(input.key);
  const types = TYPES[kind];
  const option = optionOf(input);
  const allowed =
    types.some((t) => t.value === option) && !(kind === 'delegated' && input.collection);
  const rename = (leaving: boolean) => {
    if (name === input.key) return;
    const problems = apply((d) => renameEventInput(d, input.key, name));
    onProblem(firstMessage(problems));
    // A refused name stays while the field has focus, to be fixed; leaving puts back the old one.
    if (problems && leaving) setName(input.key, input.key);
  };
  const retype = (type: string, collection: boolean) =>
    onProblem(
      firstMessage(apply((d) => setEventInputType(d, input.key, typeOf(type), collection))),
    );
  return (
    <li className="insp-event-input">
      <input
        aria-label={`Name of input ${input.key}`}
        value={name}
        onChange={(e) => setName(e.target.value, input.key)}
        onBlur={() => rename(true)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') rename(false);
          if (e.key === 'Escape') setName(input.key, input.key);
        }}
      />
      <select
        aria-label={`Type of input ${input.key}`}
        value={allowed ? option : ''}
        onChange={(e) => retype(e.target.value, kind === 'helper' && input.collection)}
      >
        {!allowed && (
          <option value="" disabled>
            {typeLabel(input.type, input.collection)} (not allowed)
          </option>
        )}
        {types.map((t) => (
          <option key={t.value} value={t.value}>
            {t.label}
          </option>
        ))}
      </select>
      {kind === 'helper' && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={input.collection}
            onChange={(e) => retype(option, e.target.checked)}
          />
          List<span className="visually-hidden"> of {input.key}</span>
        </label>
      )}
      {kind === 'helper' &&
        input.type === 'object' &&
        input.record === null &&
        !input.collection && (
          <ObjectKeys input={input} declared={declared} apply={apply} onProblem={onProblem} />
        )}
      <button
        type="button"
        className="danger-quiet"
        aria-label={`Remove input ${input.key}`}
        onClick={() => onProblem(firstMessage(apply((d) => removeEventInput(d, input.key))))}
      >
        Remove
      </button>
    </li>
  );
}

/**
 * The keys an Object input declares ("ID, Type, Profile.Name"): cards after the event and
 * the flows calling it then offer them as child fields.
 */
function ObjectKeys({ input, declared, apply, onProblem }: Omit<RowProps, 'kind'>) {
  const current = inputKeys(declared).join(', ');
  const [text, setText] = useDraft(current);
  const commit = () => {
    if (text === current) return;
    const keys = text.split(',');
    onProblem(firstMessage(apply((d) => setEventInputKeys(d, input.key, keys))));
  };
  return (
    <input
      className="insp-object-keys"
      aria-label={`Keys of input ${input.key}`}
      placeholder="Keys, e.g. ID, Profile.Name"
      value={text}
      onChange={(e) => setText(e.target.value, current)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setText(current, current);
      }}
    />
  );
}

/** The "Add input" form: a name, a type and (for a helper) whether it is a list. */
export function AddEventInput({ kind, apply, onProblem }: Omit<RowProps, 'input' | 'declared'>) {
  const [name, setName] = useState('');
  const [type, setType] = useState('string');
  const [list, setList] = useState(false);
  const id = useId();
  return (
    <form
      className="insp-add"
      aria-label="Add input"
      onSubmit={(e) => {
        e.preventDefault();
        const problems = apply((d) => {
          const r = addEventInput(d, {
            name,
            type: typeOf(type),
            collection: kind === 'helper' && list,
          });
          return r.ok ? ok(r.value.data) : r;
        });
        onProblem(firstMessage(problems));
        if (!problems) setName('');
      }}
    >
      <div className="insp-field">
        <label htmlFor={`${id}-name`} className="insp-label">
          Name
        </label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="insp-field">
        <label htmlFor={`${id}-type`} className="insp-label">
          Type
        </label>
        <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value)}>
          {TYPES[kind].map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      {kind === 'helper' && (
        <label className="checkbox">
          <input type="checkbox" checked={list} onChange={(e) => setList(e.target.checked)} />
          List
        </label>
      )}
      <button type="submit">Add input</button>
    </form>
  );
}
