/**
 * What a card shows at a glance, on the canvas and in rendered reviews: its app or function
 * category, its title, and a compact list of the inputs that are set or mapped.
 */
import { appLabel, functionCategory } from '../catalog/labels.ts';
import { connectionApp } from './connections.ts';
import { parseAddress } from './address.ts';
import { isEventCard, isIfElse, isNote } from './cardRoles.ts';
import type { NoteText } from './cards.ts';
import { noteText, viewField } from './cards.ts';
import type { CardId } from './ids.ts';
import type { Json, RawField, RawMethod, RawScope } from './raw.ts';
import { inlineFlows } from './scope.ts';
import { composeDisplay, composeLabels } from './compose.ts';
import { callerFields, itemRoute, takesItems } from './helperItem.ts';

/** How a helper input fed by a list card's current item reads: "current item › ID". */
export const itemText = (path: string): string =>
  path === '' ? 'current item' : `current item › ${path.split('.').join(' › ')}`;

/** One line of a card's compact input list. */
export interface InputLine {
  label: string;
  /** The literal value, or the source ("Read User · ID") when mapped. */
  text: string;
  mapped: boolean;
  /** A table input: `text` is the table's id, shown by its name where names are known. */
  table?: true;
}

/** One input row of a card on the canvas: every input a user sets or maps. */
export interface FieldLine {
  id: string;
  label: string;
  /** The literal value, or the source ("Read User · ID") when mapped; '' when empty. */
  text: string;
  mapped: boolean;
  required: boolean;
  /** What can be typed on the card itself; null for values only the Inspector edits. */
  inline: 'text' | 'number' | 'boolean' | 'choice' | null;
  /** For `choice`: the options. */
  choices: { value: Json; label: string }[];
  /** The field's type name ("string", "number", "boolean", "object", …) and list-ness. */
  type: string;
  list: boolean;
  /** A table input (Create Row…): `text` is the table's id, shown by its name. */
  table?: true;
}

/** One output of a card (a pill that can be dragged onto a later card's input). */
export interface OutputPill {
  id: string;
  label: string;
  type: string;
  list: boolean;
}

/** A card at a glance. */
export interface CardSummary {
  id: CardId;
  title: string;
  /** The app ("Okta", "Slack") or function category ("Branching", "Text"). */
  app: string;
  role: 'event' | 'note' | 'ifElse' | 'card';
  isFunction: boolean;
  inputs: InputLine[];
  /** Every input a user can set or map, in display order (the canvas's rows). */
  fields: FieldLine[];
  outputs: OutputPill[];
  note: NoteText | null;
  /** The helper flow the card calls (Call Flow, For Each, …), by id. */
  calls: string | null;
  /** Labels of the inline flows the card holds (If/ElseIf arms, If Error branches, …). */
  arms: string[];
  /**
   * On a list card calling a helper (For Each, Map, …): the helper input the current item goes
   * to (null: none), that field of the item (Okta's path, "" for the whole item), the inputs.
   */
  item: { to: string | null; path: string; inputs: string[] } | null;
  /** On an app card: the connection id it uses (null: none). Absent on other cards. */
  connection?: string | null;
}

/** Renders a literal value compactly for a one-line display. */
export function valueText(v: Json, max = 60): string {
  let s: string;
  if (typeof v === 'string') s = v;
  else if (v === null) s = '';
  else s = JSON.stringify(v);
  s = s.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

const isEmpty = (v: Json): boolean =>
  v === null ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

/** Label of an inline flow slot: "If", "Else if", "Else", "Try", "If Error", "For each". */
export function armLabel(
  container: RawMethod,
  group: string | null,
  slotKind: 'input' | 'error',
): string {
  if (slotKind === 'error') return 'If Error';
  const key = container.node.key;
  if (key === 'tryCatch') return 'Try';
  if (key === 'branch') return group === 'if' ? 'If' : group === 'else' ? 'Else' : 'Else if';
  return 'For each';
}

/** "Helper Flow · Group › Profile › Name": a child field read through a hidden expand card. */
function expandLabel(
  scope: RawScope,
  m: RawMethod,
  field: RawField | undefined,
  handedIn: Map<string, string> | null,
): string {
  const p = field?.metadata['path'];
  const path = Array.isArray(p) ? p.map(String).join(' › ') : (field?.key ?? '');
  const input = Object.values(m.node.model.inputs.data).find((f) => f.key === 'object');
  const srcCard = input?.metadata['srcMethodId'];
  const srcOutput = input?.metadata['srcOutputId'];
  // Inside an inline flow the expanded object may be handed in: name it by its outside source.
  const outside = handedIn?.get(`${String(srcCard)}/${String(srcOutput)}`);
  if (outside !== undefined) return `${outside} › ${path}`;
  const src = scope.methods.find((x) => x.uuid === srcCard);
  const out = typeof srcOutput === 'string' ? src?.node.model.outputs.data[srcOutput] : undefined;
  if (!src || !out) return path;
  return `${src.node.data.name} · ${viewField(out).label} › ${path}`;
}

/** An inline flow's surroundings: the card holding it and where that card's inputs come from. */
export interface OuterSources {
  container: RawMethod;
  /** `sourcesOf` of the scope the container sits in (itself resolved, when nested). */
  sources: Map<string, string>;
}

/**
 * Where each input of a scope's cards is mapped from: `cardUuid/inputId` → "Card · Output".
 * In an inline flow (`outer` given), a value handed in through the container (Okta's
 * wormhole: a `context` field with the same key on the container and the inline event) reads
 * as its outside source ("Helper Flow · User ID"), not as the random key that carries it.
 */
export function sourcesOf(scope: RawScope, outer?: OuterSources): Map<string, string> {
  const handedIn = outer ? handedInSources(scope, outer) : null;
  const out = new Map<string, string>();
  for (const m of scope.methods) {
    for (const [oid, targets] of Object.entries(m.pins)) {
      const field = m.node.model.outputs.data[oid];
      const label = field ? viewField(field).label : oid;
      const source =
        handedIn?.get(`${m.uuid}/${oid}`) ??
        (m.node.key === 'expand'
          ? expandLabel(scope, m, field, handedIn)
          : `${m.node.data.name} · ${label}`);
      for (const [card, list] of Object.entries(targets))
        for (const t of list) out.set(`${card}/${t.input}`, source);
    }
  }
  return out;
}

/** The outside source of each handed-in output of an inline flow: `cardUuid/outputId` → label. */
function handedInSources(scope: RawScope, outer: OuterSources): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const f of Object.values(outer.container.node.model.inputs.data)) {
    if (f.group !== 'context') continue;
    const source = outer.sources.get(`${outer.container.uuid}/${f.id}`);
    if (source !== undefined) byKey.set(f.key, source);
  }
  const out = new Map<string, string>();
  if (byKey.size === 0) return out;
  for (const m of scope.methods)
    for (const o of Object.values(m.node.model.outputs.data)) {
      const source = o.group === 'context' ? byKey.get(o.key) : undefined;
      if (source !== undefined) out.set(`${m.uuid}/${o.id}`, source);
    }
  return out;
}

/** The output's own name in a source label ("Read User · ID" → "ID"). */
const handedName = (source: string): string => source.split(' · ').pop() ?? source;

const cache = new WeakMap<RawMethod, { key: string; summary: CardSummary }>();

/**
 * `summarize`, memoised per card object and its inputs' sources, so an unchanged card keeps
 * the same summary object (the canvas relies on that identity to skip re-rendering it).
 */
export function summarizeCached(m: RawMethod, sources: Map<string, string>): CardSummary {
  let key = '';
  for (const id in m.node.model.inputs.data) {
    const s = sources.get(`${m.uuid}/${id}`);
    if (s !== undefined) key += `${id}=${s}\u0000`;
  }
  const hit = cache.get(m);
  if (hit && hit.key === key) return hit.summary;
  const summary = summarize(m, sources);
  cache.set(m, { key, summary });
  return summary;
}

/** The app ("Okta") or function category ("Text", "Branching") a card belongs to. */
export function cardCategory(m: RawMethod): { label: string; isFunction: boolean } {
  const a = parseAddress(m.address);
  const module = a?.app ?? '';
  const category =
    a?.namespace === 'kernel'
      ? functionCategory(module, m.node.key)
      : functionCategory(module, null);
  return { label: category ?? appLabel(module), isFunction: category !== null };
}

/** Summarises a card of a scope; `sources` comes from `sourcesOf(scope)`. */
export function summarize(m: RawMethod, sources: Map<string, string>): CardSummary {
  const category = cardCategory(m);
  const inputs: InputLine[] = [];
  let calls: string | null = null;
  // Compose names its template "Text" and each field after its source ("Read User › Email");
  // the template shows the fields' names in braces instead of their random keys.
  const sourceOf = (id: string) => sources.get(`${m.uuid}/${id}`);
  const labels = composeLabels(m, sourceOf);
  const route = itemRoute(m);
  const readable = (text: string): string => composeDisplay(text, m, sourceOf);
  const fields: FieldLine[] = [];
  for (const f of Object.values(m.node.model.inputs.data)) {
    const view = viewField(f);
    if (view.type === 'flo') {
      if (typeof f.value.data === 'string' && f.value.data !== '') calls = f.value.data;
      continue;
    }
    const label = labels.get(f.id) ?? view.label;
    const table = f.key === 'stash' && f.group === 'parameters' ? { table: true as const } : {};
    const item = route?.field === f.id ? itemText(route.path) : undefined;
    const source = item ?? sources.get(`${m.uuid}/${f.id}`);
    if (!view.hidden && f.group !== 'context' && !isNote(m)) {
      const simple =
        !view.collection && (f.value.data === null || typeof f.value.data !== 'object');
      const inline: FieldLine['inline'] = !simple
        ? null
        : view.choices?.length
          ? 'choice'
          : view.type === 'boolean'
            ? 'boolean'
            : view.type === 'number'
              ? 'number'
              : view.type === 'string' && !labels.size
                ? 'text'
                : null;
      fields.push({
        id: f.id,
        label,
        text:
          source ??
          (isEmpty(f.value.data)
            ? ''
            : valueText(
                labels.size && typeof f.value.data === 'string'
                  ? readable(f.value.data)
                  : f.value.data,
              )),
        mapped: source !== undefined,
        required: view.required,
        inline,
        choices: view.choices ?? [],
        type: view.type,
        list: view.collection === true,
        ...table,
      });
    }
    // A value handed into an inline flow has a random key for a name: call it by its source.
    const shown = f.group === 'context' && source !== undefined ? handedName(source) : label;
    if (source !== undefined) inputs.push({ label: shown, text: source, mapped: true });
    else if (!view.hidden && !isEmpty(f.value.data) && f.group !== 'context') {
      const text =
        labels.size && typeof f.value.data === 'string' ? readable(f.value.data) : f.value.data;
      inputs.push({ label, text: valueText(text), mapped: false, ...table });
    }
  }
  const role: CardSummary['role'] = isNote(m)
    ? 'note'
    : isIfElse(m)
      ? 'ifElse'
      : isEventCard(m)
        ? 'event'
        : 'card';
  return {
    ...(connectionApp(m) !== null ? { connection: m.node.model.config ?? null } : {}),
    id: m.uuid as CardId,
    title: m.node.data.name,
    app: category.label,
    role,
    isFunction: category.isFunction,
    inputs,
    fields,
    outputs:
      role === 'note'
        ? []
        : Object.values(m.node.model.outputs.data)
            .map(viewField)
            .filter((o) => !o.hidden)
            .map((o) => ({ id: o.id, label: o.label, type: o.type, list: o.collection === true })),
    note: role === 'note' ? noteText(m) : null,
    calls,
    arms: inlineFlows(m).map((e) => armLabel(m, e.group, e.slot.kind)),
    item:
      takesItems(m) && callerFields(m).length > 0
        ? {
            to: route?.key ?? null,
            path: route?.path ?? '',
            inputs: callerFields(m).map((f) => f.key),
          }
        : null,
  };
}
