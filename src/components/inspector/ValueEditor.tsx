/**
 * A literal value editor fitting the field's type. Text and numbers apply as typed (one
 * undo step per burst); dates and JSON apply when the field is left or Enter is pressed,
 * since half-typed ones are never valid. Escape puts back the value the card holds.
 */
import type { KeyboardEvent } from 'react';
import type { FieldView } from '../../model/cards.ts';
import type { Json } from '../../model/raw.ts';
import { editorKind, parseValueText, valueToText } from '../../model/valueText.ts';
import { useDraft } from './useDraft.ts';

interface Props {
  id: string;
  field: FieldView;
  /** The static value shown (null while the input is mapped). */
  value: Json;
  mapped: boolean;
  /** The last value typed was refused. */
  invalid: boolean;
  describedBy: string | undefined;
  burst: string;
  /** Applies a value; false when the card refused it (the refusal is reported already). */
  onCommit: (value: Json, burst?: string) => boolean;
  onProblem: (message: string | null) => void;
}

const LONG_TEXT = /^(text|body|message|content|description|html|markdown|query)$/i;

/** Chooses the editor by the field's kind. */
export function ValueEditor(props: Props) {
  const kind = editorKind(props.field);
  if (kind === 'choice' || kind === 'boolean') return <SelectEditor {...props} />;
  return <TextEditor {...props} />;
}

function SelectEditor({ id, field, value, mapped, describedBy, onCommit }: Props) {
  const boolean = editorKind(field) === 'boolean';
  const options = boolean
    ? [
        { value: 'true', label: 'True' },
        { value: 'false', label: 'False' },
      ]
    : (field.choices ?? []).map((c) => ({ value: JSON.stringify(c.value), label: c.label }));
  const current = value === null ? '' : JSON.stringify(value);
  const known = options.some((o) => o.value === current);
  return (
    <select
      id={id}
      value={known ? current : ''}
      aria-required={field.required}
      aria-describedby={describedBy}
      onChange={(e) => {
        const text = e.target.value;
        if (text === '') onCommit(null);
        else onCommit(boolean ? text === 'true' : (JSON.parse(text) as Json));
      }}
    >
      {!known && <option value="">{mapped ? '(mapped)' : '— not set —'}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

function TextEditor({
  id,
  field,
  value,
  mapped,
  invalid,
  describedBy,
  burst,
  onCommit,
  onProblem,
}: Props) {
  const kind = editorKind(field);
  const text = valueToText(field, value);
  const [draft, setDraft] = useDraft(text);
  const live = kind === 'text' || kind === 'number';

  const commit = (typed: string) => {
    if (typed === text) {
      onProblem(null);
      return;
    }
    const r = parseValueText(field, typed);
    if (!r.ok) {
      onProblem(r.problems[0]?.message ?? null);
      return;
    }
    const applied = onCommit(r.value);
    if (applied) setDraft(valueToText(field, r.value), valueToText(field, r.value));
  };

  const onChange = (typed: string) => {
    if (!live) {
      setDraft(typed, text);
      return;
    }
    const r = parseValueText(field, typed);
    if (!r.ok) {
      // A number half typed ("-", "1e") is not an error yet; leaving the field says so.
      setDraft(typed, text);
      return;
    }
    const applied = onCommit(r.value, burst);
    setDraft(typed, applied ? valueToText(field, r.value) : text);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      setDraft(text, text);
      onProblem(null);
    } else if (e.key === 'Enter' && !live && e.currentTarget instanceof HTMLInputElement) {
      e.preventDefault();
      commit(draft);
    }
  };

  const common = {
    id,
    value: draft,
    'aria-required': field.required,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
    placeholder: mapped
      ? 'Type a value to replace the mapping'
      : kind === 'date'
        ? 'ISO 8601, e.g. 2026-11-29T09:00:00Z'
        : kind === 'json'
          ? field.collection
            ? 'JSON list, e.g. ["a", "b"]'
            : 'JSON object, e.g. {"key": "value"}'
          : undefined,
    spellCheck: kind === 'text',
    onKeyDown,
    onBlur: () => {
      if (!live) commit(draft);
      else if (draft !== text) {
        const r = parseValueText(field, draft);
        onProblem(r.ok ? null : (r.problems[0]?.message ?? null));
      }
    },
  };

  const long =
    kind === 'json' ||
    (kind === 'text' &&
      (LONG_TEXT.test(field.label) || field.key === '_text_' || text.includes('\n')));
  if (long)
    return (
      <textarea
        {...common}
        className={kind === 'json' ? 'insp-json' : undefined}
        rows={kind === 'json' ? 4 : 3}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  return (
    <input
      {...common}
      type="text"
      inputMode={kind === 'number' ? 'decimal' : undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
