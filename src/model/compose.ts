/**
 * Text – Compose: a template in its `_text_` input where `{{{key}}}` marks a field, each field
 * an extra string input (keyed by that random key) that earlier outputs are mapped into.
 * Okta stores no name for a field: the console names its pill after what is mapped into it,
 * and so does everything here ("Read User › Email"); the file keeps Okta's tokens and keys.
 */
import { kernelId } from './cardRoles.ts';
import { updateCard } from './cards.ts';
import { mapChildField } from './childFields.ts';
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { CardId, FieldId, IdSource } from './ids.ts';
import { freshId, randomIds } from './ids.ts';
import { mappingInto, unmapField } from './mapping.ts';
import type { RawField, RawFloData, RawMethod } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { scopeAt } from './scope.ts';
import { dropUnreadWormhole, handedKey, mapFromOutside } from './wormholes.ts';

/** The key of Compose's template input. */
export const COMPOSE_TEXT = '_text_';

/** The longest Compose text accepted (characters), so a pasted file cannot swamp the card. */
export const MAX_COMPOSE_TEXT = 100_000;

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

/** A Compose card's template text ('' when it has none or it is not text). */
export function composeTemplate(m: RawMethod): string {
  const data = templateOf(m)?.value.data;
  return typeof data === 'string' ? data : '';
}

/** The token that places a field in the template: `{{{key}}}`. */
export const fieldToken = (key: string): string => `{{{${key}}}}`;

/** A piece of a Compose text: literal text, or a field pill (its input, null when missing). */
export type ComposeSegment =
  { kind: 'text'; text: string } | { kind: 'field'; key: string; input: FieldId | null };

/** Splits a template into text and field pills, in order; `m` resolves each token's input. */
export function composeSegments(text: string, m: RawMethod): ComposeSegment[] {
  const byKey = new Map(
    Object.values(m.node.model.inputs.data)
      .filter((f) => f.key !== COMPOSE_TEXT)
      .map((f) => [f.key, f.id as FieldId]),
  );
  const out: ComposeSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const key = match[1] ?? '';
    if (match.index > last) out.push({ kind: 'text', text: text.slice(last, match.index) });
    out.push({ kind: 'field', key, input: byKey.get(key) ?? null });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** One field of a Compose card. */
export interface ComposeField {
  input: FieldId;
  key: string;
  /** False for a field whose token is no longer in the text (it can only be removed). */
  inText: boolean;
}

/** A Compose card's fields: those in the text in text order, then the others by index. */
export function composeFields(m: RawMethod): ComposeField[] {
  const template = templateOf(m);
  if (!isCompose(m) || !template) return [];
  const order = templateKeys(composeTemplate(m));
  const fields = Object.values(m.node.model.inputs.data).filter((f) => f !== template);
  const rank = (f: RawField) => {
    const i = order.indexOf(f.key);
    return i < 0 ? order.length + (f.metadata.index ?? 0) : i;
  };
  return fields
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => ({ input: f.id as FieldId, key: f.key, inText: order.includes(f.key) }));
}

/** What a mapped field's source reads as ("Read User · Email"); undefined when unmapped. */
export type SourceOf = (input: string) => string | undefined;

/**
 * A field's name: its source, as the console's pill names it ("Read User › Email"), or
 * "Field N" (its place among the card's fields) while nothing is mapped into it.
 */
export const composeFieldName = (source: string | undefined, ordinal: number): string =>
  source === undefined || source === '' ? `Field ${ordinal}` : source.split(' · ').join(' › ');

/**
 * Display labels for a Compose card's inputs: "Text" for the template and each field's name
 * (`composeFieldName`) — by input id. Empty for other cards.
 */
export function composeLabels(
  m: RawMethod,
  sourceOf: SourceOf = () => undefined,
): Map<string, string> {
  const out = new Map<string, string>();
  const template = templateOf(m);
  if (!isCompose(m) || !template) return out;
  out.set(template.id, 'Text');
  composeFields(m).forEach((f, i) => out.set(f.input, composeFieldName(sourceOf(f.input), i + 1)));
  return out;
}

/**
 * A Compose text as people read it: each token replaced by its field's name in braces
 * ("Hello {Read User › First name}"); a token whose field is gone reads "{missing field}".
 * Never shows a raw `{{{key}}}`.
 */
export function composeDisplay(text: string, m: RawMethod, sourceOf: SourceOf): string {
  if (!text.includes('{{{')) return text;
  const labels = composeLabels(m, sourceOf);
  return composeSegments(text, m)
    .map((s) =>
      s.kind === 'text'
        ? s.text
        : `{${(s.input !== null && labels.get(s.input)) || 'missing field'}}`,
    )
    .join('');
}

/** An earlier output to map into a new field (a child field by `path`; `outside` hands it in). */
export interface ComposeSource {
  card: CardId;
  output: FieldId;
  path?: readonly string[];
  outside?: boolean;
}

/** The offset `at` moved out of any token it falls inside (to the token's end), clamped. */
function tokenBoundary(text: string, at: number): number {
  const x = Math.max(0, Math.min(text.length, Number.isFinite(at) ? Math.trunc(at) : text.length));
  for (const match of text.matchAll(TOKEN)) {
    const end = match.index + match[0].length;
    if (x > match.index && x < end) return end;
  }
  return x;
}

function withInputs(m: RawMethod, data: Record<string, RawField>): RawMethod {
  const model = { ...m.node.model, inputs: { ...m.node.model.inputs, data } };
  return { ...m, node: { ...m.node, model } };
}

/**
 * Inserts a new field at offset `at` of the template (an offset inside a token moves past it),
 * as Okta writes one: a string input with a fresh random key and its `{{{key}}}` token.
 * With `source`, that output is mapped into it in the same step (so it is named after it).
 * Returns the new input's id.
 */
export function insertComposeField(
  data: RawFloData,
  card: CardId,
  at: number,
  source: ComposeSource | null = null,
  path: ScopePath = [],
  ids: IdSource = randomIds,
): Result<{ data: RawFloData; input: FieldId }> {
  let input: FieldId | null = null;
  const r = updateCard(data, path, card, (m) => {
    const template = templateOf(m);
    if (!isCompose(m) || !template)
      return fail('COMPOSE_E001', `"${m.node.data.name}" is not a Compose card.`);
    const inputs = m.node.model.inputs.data;
    const id = freshId(new Set(Object.keys(inputs)), () => ids.short());
    const key = freshId(new Set(Object.values(inputs).map((f) => f.key)), () => ids.short());
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
    const text = composeTemplate(m);
    const cut = tokenBoundary(text, at);
    const next = `${text.slice(0, cut)}${fieldToken(key)}${text.slice(cut)}`;
    if (next.length > MAX_COMPOSE_TEXT)
      return fail('COMPOSE_E004', `The text would pass ${MAX_COMPOSE_TEXT} characters.`);
    input = id as FieldId;
    const nextTemplate = { ...template, value: { ...template.value, data: next } };
    return ok(withInputs(m, { ...inputs, [template.id]: nextTemplate, [id]: field }));
  });
  if (!r.ok) return r;
  if (!input) return fail('COMPOSE_E001', 'No field was added.');
  const to = { card, input };
  if (!source) return ok({ data: r.value, input });
  const mapped = source.outside
    ? mapFromOutside(r.value, { card: source.card, output: source.output }, to, path, ids)
    : mapChildField(
        r.value,
        { card: source.card, output: source.output, path: [...(source.path ?? [])] },
        to,
        path,
        ids,
      );
  return mapped.ok ? ok({ data: mapped.value, input }) : mapped;
}

/**
 * Adds a field to a Compose card and appends its token to the text (after a space), so an
 * earlier output can be mapped into it. Returns the new input's id.
 */
export function addComposeField(
  data: RawFloData,
  card: CardId,
  path: ScopePath = [],
  ids: IdSource = randomIds,
): Result<{ data: RawFloData; input: FieldId }> {
  const m = scopeAt(data, path)?.methods.find((x) => x.uuid === card);
  const text = m ? composeTemplate(m) : '';
  const spaced: Result<RawFloData> =
    text === '' || /\s$/.test(text) ? ok(data) : setTemplate(data, card, `${text} `, path);
  if (!spaced.ok) return spaced;
  return insertComposeField(spaced.value, card, Infinity, null, path, ids);
}

function setTemplate(
  data: RawFloData,
  card: CardId,
  text: string,
  path: ScopePath,
): Result<RawFloData> {
  return updateCard(data, path, card, (m) => {
    const template = templateOf(m);
    if (!isCompose(m) || !template)
      return fail('COMPOSE_E001', `"${m.node.data.name}" is not a Compose card.`);
    const next = { ...template, value: { ...template.value, data: text } };
    return ok(withInputs(m, { ...m.node.model.inputs.data, [template.id]: next }));
  });
}

/** Drops fields (inputs and the mappings into them); their tokens are left to the caller. */
function dropFields(
  data: RawFloData,
  card: CardId,
  inputs: readonly string[],
  path: ScopePath,
): Result<RawFloData> {
  let d = data;
  for (const input of inputs) {
    const scope = scopeAt(d, path);
    if (scope && mappingInto(scope, card, input)) {
      const to = { card, input: input as FieldId };
      const hole = path.length > 0 ? handedKey(d, path, to) : null;
      const r = unmapField(d, to, path);
      if (!r.ok) return r;
      d = hole !== null ? dropUnreadWormhole(r.value, path, hole) : r.value;
    }
  }
  return updateCard(d, path, card, (m) => {
    const left = Object.fromEntries(
      Object.entries(m.node.model.inputs.data).filter(([id]) => !inputs.includes(id)),
    );
    return ok(withInputs(m, left));
  });
}

/**
 * Removes a field: its pill(s) from the text, its input, and the mapping into it (releasing a
 * child field or handed-in value nothing else reads). Works for a field whose token is gone.
 */
export function removeComposeField(
  data: RawFloData,
  card: CardId,
  input: FieldId,
  path: ScopePath = [],
): Result<RawFloData> {
  const m = scopeAt(data, path)?.methods.find((x) => x.uuid === card);
  if (!m || !isCompose(m))
    return fail('COMPOSE_E001', `Card ${card} is not a Compose card of this flow — reload it.`);
  const field = m.node.model.inputs.data[input];
  if (!field || field.key === COMPOSE_TEXT)
    return fail('COMPOSE_E002', `Compose "${m.node.data.name}" has no field ${input}.`);
  const text = composeTemplate(m);
  const token = fieldToken(field.key);
  const t = text.includes(token)
    ? setTemplate(data, card, text.split(token).join(''), path)
    : ok(data);
  return t.ok ? dropFields(t.value, card, [input], path) : t;
}

/**
 * Sets the template text as typed around the pills. A field whose token this edit deleted is
 * removed with its mapping (deleting a pill removes its field); a token of no field is refused,
 * since fields are only made by inserting them. Unchanged text returns the same data.
 */
export function setComposeText(
  data: RawFloData,
  card: CardId,
  text: string,
  path: ScopePath = [],
): Result<RawFloData> {
  const m = scopeAt(data, path)?.methods.find((x) => x.uuid === card);
  if (!m || !isCompose(m) || !templateOf(m))
    return fail('COMPOSE_E001', `Card ${card} is not a Compose card of this flow — reload it.`);
  if (typeof text !== 'string') return fail('COMPOSE_E005', 'Compose text must be text.');
  if (text.length > MAX_COMPOSE_TEXT)
    return fail(
      'COMPOSE_E004',
      `The text has ${text.length} characters; Compose takes at most ${MAX_COMPOSE_TEXT} — shorten it.`,
    );
  const before = composeTemplate(m);
  if (text === before) return ok(data);
  const keys = new Map(Object.values(m.node.model.inputs.data).map((f) => [f.key, f.id]));
  const unknown = templateKeys(text).find((k) => !keys.has(k) || k === COMPOSE_TEXT);
  if (unknown !== undefined && !templateKeys(before).includes(unknown))
    return fail(
      'COMPOSE_E003',
      'Text in triple braces is how Okta marks a field — use "Insert field" to add one.',
    );
  const now = new Set(templateKeys(text));
  const gone = templateKeys(before)
    .filter((k) => !now.has(k))
    .map((k) => keys.get(k))
    .filter((id): id is string => id !== undefined && id !== templateOf(m)?.id);
  const t = setTemplate(data, card, text, path);
  if (!t.ok || gone.length === 0) return t;
  return dropFields(t.value, card, gone, path);
}
