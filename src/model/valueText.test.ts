import { describe, expect, it } from 'vitest';
import type { FieldView } from './cards.ts';
import type { FieldId } from './ids.ts';
import { editorKind, parseValueText, valueToText } from './valueText.ts';

const field = (over: Partial<FieldView>): FieldView => ({
  id: 'f1' as FieldId,
  group: null,
  key: 'k',
  label: 'Amount',
  type: 'string',
  collection: false,
  value: null,
  required: false,
  option: false,
  hidden: false,
  custom: false,
  choices: null,
  description: null,
  ...over,
});

const problem = (r: ReturnType<typeof parseValueText>): string | null =>
  r.ok ? null : (r.problems[0]?.message ?? '');

describe('typed values', () => {
  it('picks an editor by choices, lists and type', () => {
    expect(editorKind(field({ choices: [{ value: 'a', label: 'A' }] }))).toBe('choice');
    expect(editorKind(field({ collection: true }))).toBe('json');
    expect(editorKind(field({ type: 'structured' }))).toBe('json');
    expect(editorKind(field({ type: 'Date' }))).toBe('date');
    expect(editorKind(field({ type: 'flo' }))).toBe('flow');
  });

  it('parses numbers and refuses text that is not one', () => {
    expect(parseValueText(field({ type: 'number' }), ' 4.5 ')).toEqual({ ok: true, value: 4.5 });
    expect(parseValueText(field({ type: 'number' }), '')).toEqual({ ok: true, value: null });
    expect(problem(parseValueText(field({ type: 'number' }), 'four'))).toMatch(/takes a number/);
  });

  it('keeps text as typed, spaces included', () => {
    expect(parseValueText(field({}), ' hi ')).toEqual({ ok: true, value: ' hi ' });
  });

  it('checks dates as ISO 8601', () => {
    expect(parseValueText(field({ type: 'Date' }), '2026-11-29T09:00:00Z').ok).toBe(true);
    expect(problem(parseValueText(field({ type: 'Date' }), 'next friday'))).toMatch(/ISO 8601/);
  });

  it('explains JSON that does not parse', () => {
    expect(problem(parseValueText(field({ type: 'object' }), '{"a":'))).toMatch(/not valid JSON/);
  });

  it('refuses JSON of the wrong shape for lists and objects', () => {
    const list = field({ type: 'object', collection: true, label: 'list' });
    expect(problem(parseValueText(list, '{"a": 1}'))).toBe('"list" takes a list.');
    expect(problem(parseValueText(list, '[1]'))).toMatch(/item 1 is not one/);
    expect(parseValueText(list, '[{"a": 1}]').ok).toBe(true);
    expect(problem(parseValueText(field({ type: 'object' }), '[1]'))).toMatch(/takes an object/);
  });

  it('accepts only the listed choices', () => {
    const f = field({ choices: [{ value: 'Yes', label: 'Yes' }] });
    expect(parseValueText(f, '"Yes"')).toEqual({ ok: true, value: 'Yes' });
    expect(problem(parseValueText(f, '"Maybe"'))).toMatch(/accepts only Yes/);
  });

  it('shows values as editable text', () => {
    expect(valueToText(field({ type: 'number' }), 3)).toBe('3');
    expect(valueToText(field({ collection: true }), ['a'])).toBe('[\n  "a"\n]');
    expect(valueToText(field({}), null)).toBe('');
  });
});
