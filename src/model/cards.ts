/** Reading and editing one card: its title, its fields, its inline values, notes. */
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { CardId, FieldId } from './ids.ts';
import { isNote } from './cardRoles.ts';
import type { Json, RawField, RawFloData, RawMethod } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { scopeAt, updateScope } from './scope.ts';
import { cleanName } from './names.ts';
import { dropPinsIntoInput } from './mapping.ts';

/** A field as the UI shows it. */
export interface FieldView {
  id: FieldId;
  group: string | null;
  key: string;
  label: string;
  /** `string`, `number`, `boolean`, `Date`, `object`, `flo`, `file`, or `structured`. */
  type: string;
  collection: boolean;
  value: Json;
  required: boolean;
  /** A card option (chosen in the options dialog), not a data field. */
  option: boolean;
  hidden: boolean;
  custom: boolean;
  choices: { value: Json; label: string }[] | null;
  description: string | null;
}

/** The simple name of a field's type; structured descriptors become `structured`. */
export function typeName(field: RawField): string {
  const t = field.value.type;
  return typeof t === 'string' ? t : 'structured';
}

function choicesOf(field: RawField): FieldView['choices'] {
  const raw = field.metadata.choices;
  if (!Array.isArray(raw)) return null;
  return raw.map((c) => {
    if (c !== null && typeof c === 'object' && !Array.isArray(c)) {
      const value = c['value'] ?? null;
      const label = typeof c['label'] === 'string' ? c['label'] : JSON.stringify(value);
      return { value, label };
    }
    return { value: c, label: JSON.stringify(c) };
  });
}

/** One field, as the UI shows it. */
export function viewField(field: RawField): FieldView {
  const meta = field.metadata;
  return {
    id: field.id as FieldId,
    group: field.group,
    key: field.key,
    label:
      typeof meta.displayname === 'string' && meta.displayname !== ''
        ? meta.displayname
        : field.key,
    type: typeName(field),
    collection: field.value.collection,
    value: field.value.data,
    required: field.required === true,
    option: field.flags === 'p',
    hidden: meta.hidden === true || meta['forceHide'] === true,
    custom: meta.custom === true,
    choices: choicesOf(field),
    description: typeof meta.description === 'string' ? meta.description : null,
  };
}

/** A card's inputs or outputs in display order. */
export function fieldsOf(m: RawMethod, io: 'inputs' | 'outputs'): FieldView[] {
  return Object.values(m.node.model[io].data).map(viewField);
}

/** The title shown on the card (authors can rename cards). */
export const cardTitle = (m: RawMethod): string => m.node.data.name;

/** Replaces one card of a scope. */
export function updateCard(
  data: RawFloData,
  path: ScopePath,
  card: CardId,
  fn: (m: RawMethod) => Result<RawMethod>,
): Result<RawFloData> {
  const scope = scopeAt(data, path);
  const m = scope?.methods.find((x) => x.uuid === card);
  if (!scope || !m) return fail('CARD_E002', `Card ${card} is not in this flow — reload it.`);
  const next = fn(m);
  if (!next.ok) return next;
  return ok(
    updateScope(data, path, (s) => ({
      ...s,
      methods: s.methods.map((x) => (x.uuid === card ? next.value : x)),
    })),
  );
}

/** Renames a card; the title is kept in `node.data.name` and `metadata.name` alike. */
export function setCardTitle(
  data: RawFloData,
  card: CardId,
  title: string,
  path: ScopePath = [],
): Result<RawFloData> {
  const name = cleanName(title, 'card');
  if (!name.ok) return name;
  const current = scopeAt(data, path)?.methods.find((x) => x.uuid === card);
  if (
    current &&
    current.node.data.name === name.value &&
    current.node.model.metadata.name === name.value
  )
    return ok(data); // unchanged: no new object, so no undo step and no unsaved change
  return updateCard(data, path, card, (m) =>
    ok({
      ...m,
      node: {
        ...m.node,
        data: { ...m.node.data, name: name.value },
        model: { ...m.node.model, metadata: { ...m.node.model.metadata, name: name.value } },
      },
    }),
  );
}

/** Checks that a value fits a field; returns a message when it does not. */
export function valueProblem(field: FieldView, value: Json): string | null {
  if (value === null) return null;
  if (
    field.choices &&
    field.choices.length > 0 &&
    !field.choices.some((c) => JSON.stringify(c.value) === JSON.stringify(value))
  )
    return `"${field.label}" accepts only ${field.choices.map((c) => c.label).join(', ')}.`;
  if (field.collection) return Array.isArray(value) ? null : `"${field.label}" takes a list.`;
  switch (field.type) {
    case 'string':
      return typeof value === 'string' ? null : `"${field.label}" takes text.`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? null
        : `"${field.label}" takes a number.`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `"${field.label}" takes true or false.`;
    case 'Date':
      return typeof value === 'string' && (value === '' || !Number.isNaN(Date.parse(value)))
        ? null
        : `"${field.label}" takes a date and time (ISO 8601, e.g. 2026-11-29T09:00:00Z).`;
    default:
      return null;
  }
}

/** Sets an input to a static value; any mapping into that input is removed. */
export function setInputValue(
  data: RawFloData,
  card: CardId,
  input: FieldId,
  value: Json,
  path: ScopePath = [],
): Result<RawFloData> {
  const scope = scopeAt(data, path);
  const target = scope?.methods.find((x) => x.uuid === card);
  const field = target?.node.model.inputs.data[input];
  if (!scope || !target || !field)
    return fail('CARD_E003', `Input ${input} is not on card ${card}.`);
  const problem = valueProblem(viewField(field), value);
  if (problem) return fail('CARD_E004', problem);
  const mapped = scope.methods.some((m) =>
    Object.values(m.pins).some((t) => (t[card] ?? []).some((x) => x.input === input)),
  );
  if (!mapped && JSON.stringify(field.value.data) === JSON.stringify(value)) return ok(data);
  return ok(
    updateScope(data, path, (s) => ({
      ...s,
      methods: s.methods.map((m) => {
        let next = m;
        if (m.uuid === card) {
          const f = { ...field, value: { ...field.value, data: value } };
          const inputs = {
            ...m.node.model.inputs,
            data: { ...m.node.model.inputs.data, [input]: f },
          };
          next = { ...m, node: { ...m.node, model: { ...m.node.model, inputs } } };
        }
        return dropPinsIntoInput(next, card, input);
      }),
    })),
  );
}

/** A note's title and Markdown text. */
export interface NoteText {
  title: string;
  markdown: string;
}

/** Reads a note card's text. */
export function noteText(m: RawMethod): NoteText {
  const c = m.node.model.comments;
  if (c !== null && typeof c === 'object' && !Array.isArray(c)) {
    return {
      title: typeof c['title'] === 'string' ? c['title'] : '',
      markdown: typeof c['markdown'] === 'string' ? c['markdown'] : '',
    };
  }
  return { title: '', markdown: '' };
}

/** Sets a note card's title and text. */
export function setNoteText(
  data: RawFloData,
  card: CardId,
  text: NoteText,
  path: ScopePath = [],
): Result<RawFloData> {
  return updateCard(data, path, card, (m) => {
    if (!isNote(m)) return fail('CARD_E005', `"${m.node.data.name}" is not a note.`);
    const comments = { title: text.title, markdown: text.markdown };
    return ok({ ...m, node: { ...m.node, model: { ...m.node.model, comments } } });
  });
}
