/**
 * Text – Compose: a template in its `_text_` input where `{{{key}}}` marks a field, each field
 * an extra string input (keyed by that random key) that earlier outputs are mapped into.
 */
import { kernelId } from './cardRoles.ts';
import { updateCard } from './cards.ts';
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { CardId, FieldId, IdSource } from './ids.ts';
import { freshId, randomIds } from './ids.ts';
import type { RawField, RawFloData, RawMethod } from './raw.ts';
import type { ScopePath } from './scope.ts';

/** The key of Compose's template input. */
export const COMPOSE_TEXT = '_text_';

/** True for a Text – Compose card. */
export const isCompose = (m: RawMethod): boolean => kernelId(m) === 'string:compose';

const TOKEN = /\{\{\{([^{}]+)\}\}\}/g;

/** The field keys a template refers to, in order of first appearance. */
export function templateKeys(text: string): string[] {
  const keys: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const key = match[1];
    if (key !== undefined && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

const templateOf = (m: RawMethod): RawField | undefined =>
  Object.values(m.node.model.inputs.data).find((f) => f.key === COMPOSE_TEXT);

/**
 * Display labels for a Compose card's inputs: "Text" for the template and "Field 1",
 * "Field 2", … for its fields in template order. Empty for other cards.
 */
export function composeLabels(m: RawMethod): Map<string, string> {
  const out = new Map<string, string>();
  const template = templateOf(m);
  if (!isCompose(m) || !template) return out;
  out.set(template.id, 'Text');
  const text = typeof template.value.data === 'string' ? template.value.data : '';
  const order = templateKeys(text);
  const fields = Object.values(m.node.model.inputs.data).filter((f) => f !== template);
  fields.sort((a, b) => {
    const ia = order.indexOf(a.key);
    const ib = order.indexOf(b.key);
    return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib);
  });
  fields.forEach((f, i) => out.set(f.id, `Field ${i + 1}`));
  return out;
}

/** The token that places a field in the template: `{{{key}}}`. */
export const fieldToken = (key: string): string => `{{{${key}}}}`;

/**
 * Adds a field to a Compose card and appends its token to the template, so an earlier
 * output can be mapped into the text. Returns the new input's id.
 */
export function addComposeField(
  data: RawFloData,
  card: CardId,
  path: ScopePath = [],
  ids: IdSource = randomIds,
): Result<{ data: RawFloData; input: FieldId }> {
  let input: FieldId | null = null;
  const r = updateCard(data, path, card, (m) => {
    const template = templateOf(m);
    if (!isCompose(m) || !template)
      return fail('COMPOSE_E001', `"${m.node.data.name}" is not a Compose card.`);
    const inputs = m.node.model.inputs.data;
    const taken = new Set(Object.keys(inputs));
    const id = freshId(taken, () => ids.short());
    const keys = new Set(Object.values(inputs).map((f) => f.key));
    const key = freshId(keys, () => ids.short());
    const index = 1 + Math.max(0, ...Object.values(inputs).map((f) => f.metadata.index ?? 0));
    const field: RawField = {
      id,
      group: null,
      key,
      value: {
        error: false,
        proxy: false,
        check: false,
        type: 'string',
        collection: false,
        data: '',
        available: ['string'],
      },
      required: false,
      ref: false,
      metadata: { index },
      flags: 'd',
    };
    const text = typeof template.value.data === 'string' ? template.value.data : '';
    const joined = text === '' || /\s$/.test(text) ? text : `${text} `;
    const nextTemplate = {
      ...template,
      value: { ...template.value, data: `${joined}${fieldToken(key)}` },
    };
    input = id as FieldId;
    const next = { ...inputs, [template.id]: nextTemplate, [id]: field };
    const model = { ...m.node.model, inputs: { ...m.node.model.inputs, data: next } };
    return ok({ ...m, node: { ...m.node, model } });
  });
  if (!r.ok) return r;
  return input ? ok({ data: r.value, input }) : fail('COMPOSE_E001', 'No field was added.');
}
