/**
 * Literal input values as the text an editor shows, and back: which editor a field needs,
 * and the parse and type checks that turn typed text into a value the card accepts.
 */
import type { FieldView } from './cards.ts';
import { valueProblem } from './cards.ts';
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { Json } from './raw.ts';

/** The kind of editor a field's value needs. */
export type EditorKind =
  'choice' | 'boolean' | 'number' | 'date' | 'text' | 'json' | 'file' | 'flow';

/** Picks the editor for a field: choice lists, then lists and objects as JSON, then by type. */
export function editorKind(field: FieldView): EditorKind {
  if (field.type === 'flo') return 'flow';
  if (field.type === 'file') return 'file';
  if (field.choices && field.choices.length > 0) return 'choice';
  if (field.collection) return 'json';
  switch (field.type) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'Date':
      return 'date';
    default:
      return 'json';
  }
}

/** The text an editor shows for a value (empty for null). */
export function valueToText(field: FieldView, value: Json): string {
  if (value === null) return '';
  switch (editorKind(field)) {
    case 'text':
    case 'date':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'number':
    case 'boolean':
      return typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
    case 'choice':
      return JSON.stringify(value);
    default:
      return JSON.stringify(value, null, 2);
  }
}

const isPlainObject = (v: Json): boolean =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Checks types the card model leaves open: objects must be objects, list items their type. */
function shapeProblem(field: FieldView, value: Json): string | null {
  if (value === null) return null;
  const itemOk = (v: Json): boolean => {
    switch (field.type) {
      case 'string':
        return typeof v === 'string';
      case 'number':
        return typeof v === 'number';
      case 'boolean':
        return typeof v === 'boolean';
      case 'object':
      case 'structured':
        return isPlainObject(v);
      default:
        return true;
    }
  };
  if (field.collection) {
    if (!Array.isArray(value)) return null;
    const bad = value.findIndex((v) => !itemOk(v));
    return bad < 0
      ? null
      : `"${field.label}" takes a list of ${field.type === 'string' ? 'text' : field.type} items; item ${bad + 1} is not one.`;
  }
  if ((field.type === 'object' || field.type === 'structured') && !isPlainObject(value))
    return `"${field.label}" takes an object, like {"name": "value"}.`;
  return null;
}

/**
 * Turns typed text into a value for `field`, or explains why it does not fit. Empty text
 * clears the value (null), except for text fields, where it is the empty string.
 */
export function parseValueText(field: FieldView, text: string): Result<Json> {
  const kind = editorKind(field);
  let value: Json;
  if (kind === 'text') value = text;
  else if (text.trim() === '') value = null;
  else if (kind === 'number') {
    const n = Number(text.trim());
    if (!Number.isFinite(n))
      return fail('VALUE_E001', `"${field.label}" takes a number, like 42 or 0.5.`);
    value = n;
  } else if (kind === 'date') value = text.trim();
  else if (kind === 'boolean') {
    if (text !== 'true' && text !== 'false')
      return fail('VALUE_E002', `"${field.label}" takes true or false.`);
    value = text === 'true';
  } else {
    try {
      value = JSON.parse(text) as Json;
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return fail(
        'VALUE_E003',
        `"${field.label}" is not valid JSON (${why}) — check quotes, commas and brackets.`,
      );
    }
  }
  const problem = valueProblem(field, value) ?? shapeProblem(field, value);
  return problem ? fail('CARD_E004', problem) : ok(value);
}
