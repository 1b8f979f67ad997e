/**
 * What the diff compares, reduced to text: key order, ids and UI-only fields drop out, so
 * only differences with an effect remain. Each function returns what a reviewer reads.
 */
import { parseAddress } from '../../model/address.ts';
import type { Json, RawErrorPolicy, RawField, RawFloData, RawMethod } from '../../model/raw.ts';
import { describeSchedule, parseCron } from '../../model/schedule.ts';
import { valueText } from '../../model/summary.ts';
import { whereText, withTokens } from '../render/faces.ts';
import type { Names } from '../render/names.ts';
import type { Source } from '../render/sources.ts';

/** JSON with object keys sorted, so key order never counts as a change. */
export function stableJson(v: Json | undefined): string {
  if (v === undefined) return 'null';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`).join(',')}}`;
}

/** A value shortened for a change line. */
export const short = (s: string, max = 80): string => valueText(s, max);

const at = (o: Json, k: string): Json | undefined =>
  o !== null && typeof o === 'object' && !Array.isArray(o) ? o[k] : undefined;

/**
 * A schedule in words ("At 07:30 on Monday and Thursday, Europe/Berlin"), "not scheduled", or
 * for a cron that does not parse, its fields in cron order with the time zone
 * ("0 9 *\/1 * * (UTC)").
 */
export function scheduleText(d: RawFloData): string {
  if (!d.scheduled) return 'not scheduled';
  const read = parseCron(d.cron);
  if (read.ok) return describeSchedule(read.value);
  const c = d.cron;
  const f = (k: string): string => {
    const v = at(c, k);
    return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : '*';
  };
  const when = ['minutes', 'hours', 'dayOfTheMonth', 'month', 'dayOfTheWeek'].map(f).join(' ');
  const tz = at(c, 'timeZone');
  const range = [at(c, 'startDate'), at(c, 'endDate')].filter(
    (x): x is string => typeof x === 'string' && x !== '',
  );
  return `${when}${typeof tz === 'string' && tz ? ` (${tz})` : ''}${range.length ? ` from ${range.join(' to ')}` : ''}`;
}

/** The connector version of a card ("1.0.297"), or '' for cards without one. */
export const versionOf = (m: RawMethod): string => parseAddress(m.address)?.version ?? '';

/** A card's error handling in words, with helper flows named by `flowName`. */
export function errorText(
  policy: RawErrorPolicy | undefined,
  flowName: (id: string) => string,
): string {
  if (!policy) return 'stop the flow';
  const retry = typeof policy['retry'] === 'number' ? policy['retry'] : 0;
  const retries = retry > 0 ? `retry ${retry} time${retry === 1 ? '' : 's'}, then ` : '';
  switch (policy.type) {
    case 'flo':
      return `${retries}run '${typeof policy.flo === 'string' ? flowName(policy.flo) : 'a flow'}'`;
    case 'return':
      return `${retries}continue`;
    case 'handler':
      return 'If Error branch';
    case 'finish':
      return `${retries}stop the flow`;
    default:
      return `${retries}${policy.type}`;
  }
}

/** A comparable key of a card's error handling (helper flows by `flowKey`). */
export function errorKey(
  policy: RawErrorPolicy | undefined,
  flowKey: (id: string) => string,
): string {
  if (!policy) return 'finish';
  const { flo, ...rest } = policy;
  const target = typeof flo === 'string' && policy.type === 'flo' ? flowKey(flo) : null;
  return `${stableJson(rest as unknown as Json)}|${target ?? ''}`;
}

/** A note card's text, as one comparable string. */
export function noteKey(m: RawMethod): string {
  return stableJson(m.node.model.comments ?? null);
}

/**
 * An input's value as compared: exact text (Compose tokens named by their source), tables by
 * name, Where Expressions with their mapped operands named, other JSON with sorted keys.
 */
export function valueKey(
  f: RawField,
  m: RawMethod,
  sources: Map<string, Source>,
  names: Names,
): string {
  const v = f.value.data;
  if (f.key === 'stash' && typeof v === 'string') return names.table(v) ?? v;
  if (typeof v === 'string') return JSON.stringify(withTokens(v, m, sources));
  return whereText(v, m, sources) ?? stableJson(v);
}
