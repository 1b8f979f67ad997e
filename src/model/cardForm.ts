/**
 * A card as an editing form: its inputs grouped into sections, its outputs, the earlier
 * outputs each input may be mapped from, and how a mapped input's source reads.
 */
import { isExpand } from './cardRoles.ts';
import { childFieldsOf } from './childFields.ts';
import type { FieldView } from './cards.ts';
import { cardTitle, viewField } from './cards.ts';
import { composeLabels } from './compose.ts';
import type { CardId, FieldId } from './ids.ts';
import type { Mapping } from './mapping.ts';
import { mappingInto, mappingsOf } from './mapping.ts';
import { availableSources } from './positions.ts';
import type { WireType } from './wireTypes.ts';
import { wireProblem } from './wireTypes.ts';
import type { RawField, RawFloData, RawMethod, RawScope } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { cardCategory } from './summary.ts';
import { cardIn, inlineFlows, isInlineFlo, scopeAt } from './scope.ts';

/** The app ("Okta") or function category ("Text", "Branching") a card belongs to. */
export const cardAppLabel = (m: RawMethod): string => cardCategory(m).label;

/** "Okta – Read User": the console's "App – Card" name. */
export const cardHeading = (m: RawMethod): string => `${cardAppLabel(m)} – ${cardTitle(m)}`;

const TYPE_LABELS: Record<string, string> = {
  string: 'Text',
  number: 'Number',
  boolean: 'True/False',
  Date: 'Date & Time',
  object: 'Object',
  structured: 'Object',
  file: 'File',
  flo: 'Flow',
};

/** The console's name of a field type: "Text", "List of Object", … */
export function typeLabel(type: string, collection: boolean): string {
  const base = TYPE_LABELS[type] ?? type;
  return collection ? `List of ${base}` : base;
}

/** A titled group of fields; `title` is null for fields without a group. */
export interface FieldSection {
  title: string | null;
  fields: FieldView[];
}

/** Groups the console fills in at run time, never by the author. */
const RUNTIME_GROUPS = new Set(['context', 'user context']);

const byIndex = (fields: Record<string, RawField>): RawField[] =>
  Object.values(fields)
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.metadata.index ?? a.i) - (b.f.metadata.index ?? b.i) || a.i - b.i)
    .map((x) => x.f);

const groupTitle = (group: string | null): string | null =>
  group === null || group === '' ? null : group.charAt(0).toUpperCase() + group.slice(1);

function sections(fields: FieldView[], optionsLast: boolean): FieldSection[] {
  const out: FieldSection[] = [];
  const options: FieldView[] = [];
  for (const f of fields) {
    if (optionsLast && f.option) {
      options.push(f);
      continue;
    }
    const title = groupTitle(f.group);
    const section = out.find((s) => s.title === title);
    if (section) section.fields.push(f);
    else out.push({ title, fields: [f] });
  }
  if (options.length) out.push({ title: 'Options', fields: options });
  return out;
}

/**
 * The inputs an author edits, grouped by the card's input groups with card options last
 * under "Options". Left out: hidden fields, run-time context, inline flows (shown in the
 * outline) and the plumbing object that carries an inline flow's inputs.
 */
export function inputSections(m: RawMethod): FieldSection[] {
  const raw = byIndex(m.node.model.inputs.data);
  const inlineGroups = new Set(
    raw.filter((f) => f.value.type === 'flo' && isInlineFlo(f.value.data)).map((f) => f.group),
  );
  const labels = composeLabels(m);
  const fields = raw
    .filter(
      (f) =>
        !(f.value.type === 'flo' && isInlineFlo(f.value.data)) &&
        !(f.key === 'inputs' && f.value.type === 'object' && inlineGroups.has(f.group)),
    )
    .map((f) => {
      const v = viewField(f);
      const label = labels.get(f.id);
      return label === undefined ? v : { ...v, label };
    })
    .filter((v) => !v.hidden && !RUNTIME_GROUPS.has(v.group ?? ''));
  return sections(fields, true);
}

/** A card's visible outputs, grouped like its inputs. */
export function outputSections(m: RawMethod): FieldSection[] {
  const fields = byIndex(m.node.model.outputs.data)
    .map(viewField)
    .filter((v) => !v.hidden);
  return sections(fields, false);
}

/** An output an input can be mapped from. */
export interface SourceOutput {
  card: CardId;
  output: FieldId;
  label: string;
  type: string;
  /** For a child field of a typed object output: its path inside it ("Profile", "Name"). */
  path?: string[];
  /** What travels along a mapping from it (type and list-ness), to check an input takes it. */
  wire: WireType;
}

/**
 * Why `input` of `target` cannot take `source` (an object into a Text input, a list into a
 * single value), or null when it can — the refusal mapping would give, known before choosing.
 */
export function sourceRefusal(
  scope: RawScope,
  target: string,
  input: string,
  source: SourceOutput,
): string | null {
  const field = cardIn(scope, target)?.node.model.inputs.data[input];
  if (!field) return null;
  return wireProblem(source.wire, {
    label: viewField(field).label,
    type: field.value.type,
    collection: field.value.collection,
  });
}

/** The mappable outputs of one earlier card. */
export interface SourceGroup {
  card: CardId;
  /** "Okta – Read User". */
  heading: string;
  outputs: SourceOutput[];
  /** True for cards outside the inline flow the target is in (handed in through a wormhole). */
  outside?: boolean;
}

/** The outputs `target` may be mapped from, grouped by card in execution order. */
export function sourceGroups(scope: RawScope, target: string): SourceGroup[] {
  const out: SourceGroup[] = [];
  for (const id of availableSources(scope, target)) {
    const m = cardIn(scope, id);
    if (!m) continue;
    const outputs = byIndex(m.node.model.outputs.data)
      .filter((f) => !viewField(f).hidden)
      .flatMap((f): SourceOutput[] => {
        const v = viewField(f);
        const whole = {
          card: id,
          output: v.id,
          label: v.label,
          type: v.type,
          wire: { label: v.label, type: f.value.type, collection: f.value.collection },
        };
        if (f.value.collection) return [whole];
        // A typed object output offers its child fields too ("Group › Profile › Name").
        const kids = childFieldsOf(f.value.type).map((c) => ({
          card: id,
          output: v.id,
          label: `${v.label} › ${c.label}`,
          type: typeof c.type === 'string' ? c.type : 'structured',
          path: c.path,
          wire: { label: `${v.label} › ${c.label}`, type: c.type, collection: c.collection },
        }));
        return [whole, ...kids];
      });
    if (outputs.length) out.push({ card: id, heading: cardHeading(m), outputs });
  }
  return out;
}

/**
 * For a card inside an inline flow: the outputs of the cards that run before its container,
 * one level out — mapping one hands it into the inline flow.
 */
export function outsideSourceGroups(root: RawFloData, path: ScopePath): SourceGroup[] {
  const step = path[path.length - 1];
  const parent = step ? scopeAt(root, path.slice(0, -1)) : null;
  if (!step || !parent) return [];
  // Child fields too: the whole output is handed in and read inside (mapFromOutside).
  return sourceGroups(parent, step.card).map((g) => ({
    ...g,
    heading: `Outside: ${g.heading}`,
    outside: true,
  }));
}

const outputLabel = (m: RawMethod, output: string): string => {
  const f = m.node.model.outputs.data[output];
  // An expand card's outputs are all called "value": their path names them.
  const p = f?.metadata['path'];
  if (isExpand(m) && Array.isArray(p)) return p.map(String).join(' › ');
  return f ? viewField(f).label : output;
};

/**
 * How a mapped input's source reads: "Read User · ID". A sub-field taken through a hidden
 * expand card reads "Read User · Credentials › provider"; a value handed into an inline flow
 * by its container reads as the outside card it came from.
 */
export function sourceText(root: RawFloData, path: ScopePath, mapping: Mapping): string {
  const scope = scopeAt(root, path);
  const source = scope && cardIn(scope, mapping.from.card);
  if (!scope || !source) return mapping.from.output;
  const label = outputLabel(source, mapping.from.output);
  if (isExpand(source)) {
    const feeder = mappingsOf(scope).find((x) => x.to.card === source.uuid);
    const parent = feeder && cardIn(scope, feeder.from.card);
    return parent && feeder
      ? `${sourceText(root, path, feeder)} › ${label}`
      : `${source.node.data.name} · ${label}`;
  }
  const handed = handedIn(root, path, source, mapping.from.output);
  return handed ?? `${cardTitle(source)} · ${label}`;
}

/** The outside mapping feeding a hidden context output of an inline flow's event card. */
function handedInto(
  root: RawFloData,
  path: ScopePath,
  source: RawMethod,
  output: string,
): Mapping | null {
  const step = path[path.length - 1];
  const f = source.node.model.outputs.data[output];
  if (!step || !f || f.group !== 'context' || !viewField(f).hidden) return null;
  const parent = scopeAt(root, path.slice(0, -1));
  const container = parent && cardIn(parent, step.card);
  const input =
    container && Object.values(container.node.model.inputs.data).find((x) => x.key === f.key);
  return (parent && input && mappingInto(parent, step.card, input.id)) ?? null;
}

/** The outside source of a hidden context output of an inline flow's event card, if any. */
function handedIn(
  root: RawFloData,
  path: ScopePath,
  source: RawMethod,
  output: string,
): string | null {
  const into = handedInto(root, path, source, output);
  return into ? sourceText(root, path.slice(0, -1), into) : null;
}

/**
 * The outside card and output a mapping inside an inline flow really comes from, when it reads
 * a value its container hands in (Okta's wormhole); null for an ordinary mapping.
 */
export function outsideSource(
  root: RawFloData,
  path: ScopePath,
  mapping: Mapping,
): { card: CardId; output: FieldId } | null {
  const scope = scopeAt(root, path);
  const source = scope && cardIn(scope, mapping.from.card);
  const into = source ? handedInto(root, path, source, mapping.from.output) : null;
  return into ? into.from : null;
}

/** A value a container card hands into its inline flows, named by where it comes from. */
export interface HandedInValue {
  id: FieldId;
  /** The output's own name ("ID"). */
  label: string;
  /** Where it comes from ("Read User · ID"). */
  source: string;
}

/**
 * What an If Error or If/ElseIf card hands into its lanes (Okta's hidden `context` inputs, one
 * per outside value its inner cards use), each read by its outside source.
 */
export function handedInValues(root: RawFloData, path: ScopePath, m: RawMethod): HandedInValue[] {
  const scope = scopeAt(root, path);
  if (!scope || inlineFlows(m).length === 0) return [];
  const out: HandedInValue[] = [];
  for (const f of Object.values(m.node.model.inputs.data)) {
    if (f.group !== 'context') continue;
    const into = mappingInto(scope, m.uuid, f.id);
    if (!into) continue;
    const source = sourceText(root, path, into);
    out.push({ id: f.id as FieldId, label: source.split(' · ').pop() ?? source, source });
  }
  return out;
}
