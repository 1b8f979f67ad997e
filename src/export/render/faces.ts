/**
 * What a card shows in a picture or a table: its app or category, title, and one row per input
 * that is set or mapped (with the mapping's source), the helper flow it calls, a note's text.
 * Rows follow the same rules as the layout's card summary, so card heights fit their rows.
 */
import { isNote } from '../../model/cardRoles.ts';
import type { NoteText } from '../../model/cards.ts';
import { noteText, viewField } from '../../model/cards.ts';
import type { Json, RawField, RawMethod } from '../../model/raw.ts';
import { composeDisplay, composeLabels } from '../../model/compose.ts';
import { inlineFlows } from '../../model/scope.ts';
import { itemRoute } from '../../model/helperItem.ts';
import type { CardSummary } from '../../model/summary.ts';
import { armLabel, itemText, summarize, valueText } from '../../model/summary.ts';
import type { Names } from './names.ts';
import { flowLabel } from './names.ts';
import type { Source } from './sources.ts';

/** One input of a card: its label and literal value, or where it is mapped from. */
export interface InputRow {
  label: string;
  text: string;
  mapped: boolean;
}

/** A card's face. */
export interface CardFace {
  title: string;
  app: string;
  role: CardSummary['role'];
  rows: InputRow[];
  /** Display name of the helper flow the card calls, or null. */
  calls: string | null;
  /** The helper flow's id, for links. */
  callsId: string | null;
  note: NoteText | null;
}

const isEmpty = (v: Json): boolean =>
  v === null ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

/** Compose templates name sibling inputs as `{{{token}}}`; show each field's name instead. */
export function withTokens(text: string, m: RawMethod, sources: Map<string, Source>): string {
  if (!text.includes('{{{')) return text;
  return composeDisplay(text, m, (id) => sources.get(`${m.uuid}/${id}`)?.text);
}

const scalar = (v: Json | undefined): string =>
  typeof v === 'string' ? v : JSON.stringify(v ?? null);

type Expr = { lhs?: Json; op?: Json; join?: Json; rhs?: Json; rhd?: Json };

/** A Tables Where Expression as text: `Status = "ACTIVE" AND Age > {Read User · Age}`. */
export function whereText(v: Json, m: RawMethod, sources: Map<string, Source>): string | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || !Array.isArray(v['expr']))
    return null;
  const parts: string[] = [];
  for (const raw of v['expr']) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
    const e = raw as Expr;
    let rhs = JSON.stringify(e.rhs ?? null);
    const rhd = e.rhd;
    if (rhd !== null && typeof rhd === 'object' && !Array.isArray(rhd)) {
      const f = Object.values(m.node.model.inputs.data).find(
        (x) => x.group === '_expr' && x.key === rhd['outputId'],
      );
      const src = f ? sources.get(`${m.uuid}/${f.id}`) : undefined;
      rhs = `{${src ? src.text : 'mapped value'}}`;
    }
    if (parts.length) parts.push(typeof e.join === 'string' ? e.join : 'AND');
    parts.push(`${scalar(e.lhs)} ${scalar(e.op)} ${rhs}`);
  }
  return parts.join(' ');
}

/** The literal value of an input as shown: table ids become table names. */
export function literalText(
  f: RawField,
  m: RawMethod,
  sources: Map<string, Source>,
  names: Names,
  max: number,
): string {
  const v = f.value.data;
  if (f.key === 'stash' && typeof v === 'string') return names.table(v) ?? v;
  if (typeof v === 'string') return valueText(withTokens(v, m, sources), max);
  const where = whereText(v, m, sources);
  return valueText(where ?? v, max);
}

/** The label of an input: a wormhole (random key) is named after the inline flow it feeds. */
export function inputLabel(f: RawField, m: RawMethod, sources?: Map<string, Source>): string {
  const target = f.metadata['wormholeMethodId'];
  if (typeof target === 'string') {
    const entry = inlineFlows(m).find((e) => e.flo.methods.some((x) => x.uuid === target));
    if (entry) return `${armLabel(m, entry.group, entry.slot.kind)} input`;
  }
  if (f.group === '_expr') return 'Where value';
  // Compose's template and fields carry random keys; they read as the card shows them.
  const named = composeLabels(m, (id) => sources?.get(`${m.uuid}/${id}`)?.text);
  return named.get(f.id) ?? viewField(f).label;
}

/**
 * The rows of a card's inputs that are set or mapped, in display order; `sources` are the
 * card's scope's (from `flowSources` or `mappingSources`).
 */
export function inputRows(
  m: RawMethod,
  sources: Map<string, Source>,
  names: Names,
  max = 160,
): InputRow[] {
  const rows: InputRow[] = [];
  const route = itemRoute(m);
  for (const f of Object.values(m.node.model.inputs.data)) {
    const view = viewField(f);
    if (view.type === 'flo') continue;
    const source = sources.get(`${m.uuid}/${f.id}`);
    if (route?.field === f.id)
      rows.push({ label: inputLabel(f, m, sources), text: itemText(route.path), mapped: true });
    else if (source !== undefined)
      rows.push({ label: inputLabel(f, m, sources), text: source.text, mapped: true });
    else if (!view.hidden && !isEmpty(f.value.data) && f.group !== 'context')
      rows.push({
        label: inputLabel(f, m, sources),
        text: literalText(f, m, sources, names, max),
        mapped: false,
      });
  }
  return rows;
}

/** The face of a card; `sources` are its scope's. */
export function faceOf(
  m: RawMethod,
  sources: Map<string, Source>,
  names: Names,
  max = 160,
): CardFace {
  const summary = summarize(m, new Map());
  return {
    title: m.node.data.name,
    app: summary.app,
    role: summary.role,
    rows: inputRows(m, sources, names, max),
    calls: summary.calls ? flowLabel(names, summary.calls) : null,
    callsId: summary.calls,
    note: isNote(m) ? noteText(m) : null,
  };
}
