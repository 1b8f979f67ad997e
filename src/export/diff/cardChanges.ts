/**
 * Changes to one card present in both versions: its title, version, note text, connection,
 * error handling, the helper flow it calls, and the literal values of its inputs (matched by
 * group and key, compared only where no mapping feeds the input on either side).
 */
import { viewField } from '../../model/cards.ts';
import { isNote } from '../../model/cardRoles.ts';
import type { RawField, RawMethod } from '../../model/raw.ts';
import { isInlineFlo } from '../../model/scope.ts';
import type { CardEntry } from '../render/lanes.ts';
import { inputLabel, literalText } from '../render/faces.ts';
import type { Source } from '../render/sources.ts';
import type { DiffContext, Side } from './context.ts';
import type { CardRef, Change } from './types.ts';
import { errorKey, errorText, noteKey, valueKey, versionOf } from './values.ts';

/** One side of a card with its scope's mapping sources. */
export interface CardSide {
  entry: CardEntry;
  sources: Map<string, Source>;
}

const fieldKey = (f: RawField): string => `${f.group ?? ''}/${f.key}`;

/** The helper flow a card calls (a flow id in a `flo` input), or null. */
function calledFlow(m: RawMethod): string | null {
  for (const f of Object.values(m.node.model.inputs.data))
    if (f.value.type === 'flo' && typeof f.value.data === 'string' && f.value.data !== '')
      return f.value.data;
  return null;
}

/**
 * Inputs whose literal value is compared (visible, not wiring, not an inline flow), and the
 * keys of inputs fed by a mapping, whose literal value has no effect.
 */
function comparable(
  m: RawMethod,
  sources: Map<string, Source>,
): { fields: Map<string, RawField>; mapped: Set<string> } {
  const fields = new Map<string, RawField>();
  const mapped = new Set<string>();
  const seen = new Map<string, number>();
  for (const f of Object.values(m.node.model.inputs.data)) {
    if (f.value.type === 'flo' || isInlineFlo(f.value.data)) continue;
    if (f.group === 'context' || f.group === '_expr' || viewField(f).hidden) continue;
    // Two fields may share a group and key; the second is told apart by its rank.
    const base = fieldKey(f);
    const rank = seen.get(base) ?? 0;
    seen.set(base, rank + 1);
    const key = rank ? `${base}#${rank}` : base;
    if (sources.has(`${m.uuid}/${f.id}`)) mapped.add(key);
    else fields.set(key, f);
  }
  return { fields, mapped };
}

const isBlank = (f: RawField): boolean => {
  const v = f.value.data;
  return v === null || v === '' || (typeof v === 'object' && Object.keys(v).length === 0);
};

/** The comparable value of an input ('' when blank) and the text to show for it. */
function valueOf(f: RawField, side: CardSide, s: Side): { key: string; text: string } {
  if (isBlank(f)) return { key: '', text: '' };
  const m = side.entry.m;
  return {
    key: valueKey(f, m, side.sources, s.names),
    text: literalText(f, m, side.sources, s.names, 80),
  };
}

/** The changes of a matched card. `card` names it in the new version. */
export function cardChanges(
  before: CardSide,
  after: CardSide,
  card: CardRef,
  ctx: DiffContext,
): Change[] {
  const a = before.entry.m;
  const b = after.entry.m;
  const flow = ctx.flow;
  const out: Change[] = [];
  // A note shows its own title (compared with its text), not the card name underneath.
  if (!isNote(b) && a.node.data.name !== b.node.data.name)
    out.push({ kind: 'cardRenamed', flow, card, from: a.node.data.name, to: b.node.data.name });
  const setting = (
    setting: Extract<Change, { kind: 'cardSetting' }>['setting'],
    from: string,
    to: string,
  ) => out.push({ kind: 'cardSetting', flow, card, setting, from, to });
  if (versionOf(a) !== versionOf(b)) setting('version', versionOf(a), versionOf(b));
  if (isNote(a) && noteKey(a) !== noteKey(b)) setting('note', '', '');
  const ca = ctx.old.configName(a.node.model.config);
  const cb = ctx.new.configName(b.node.model.config);
  if (ca !== cb) setting('connection', ca, cb);
  const pa = a.node.model.policy?.error;
  const pb = b.node.model.policy?.error;
  if (errorKey(pa, ctx.old.flowKey) !== errorKey(pb, ctx.new.flowKey)) {
    const name = (s: Side) => (id: string) => s.names.flow(id) ?? id;
    setting('errorHandling', errorText(pa, name(ctx.old)), errorText(pb, name(ctx.new)));
  }
  const fa = calledFlow(a);
  const fb = calledFlow(b);
  if ((fa === null ? '' : ctx.old.flowKey(fa)) !== (fb === null ? '' : ctx.new.flowKey(fb)))
    setting(
      'helperFlow',
      fa === null ? 'none' : (ctx.old.names.flow(fa) ?? fa),
      fb === null ? 'none' : (ctx.new.names.flow(fb) ?? fb),
    );
  const ia = comparable(a, before.sources);
  const ib = comparable(b, after.sources);
  for (const key of new Set([...ia.fields.keys(), ...ib.fields.keys()])) {
    // A mapping change says it all; the literal behind a mapping is never used.
    if (ia.mapped.has(key) || ib.mapped.has(key)) continue;
    const x = ia.fields.get(key);
    const y = ib.fields.get(key);
    const vx = x ? valueOf(x, before, ctx.old) : null;
    const vy = y ? valueOf(y, after, ctx.new) : null;
    if ((vx?.key ?? '') === (vy?.key ?? '')) continue;
    const f = (y ?? x) as RawField;
    out.push({
      kind: 'inputChanged',
      flow,
      card,
      input: inputLabel(f, y ? b : a),
      from: vx && vx.key !== '' ? vx.text : null,
      to: vy && vy.key !== '' ? vy.text : null,
    });
  }
  return out;
}
