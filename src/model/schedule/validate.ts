/**
 * Reading and checking a schedule: each field against its range, the time zone against the
 * runtime's IANA list, the dates as calendar dates; a damaged cron read as far as it goes.
 */
import type { Problem, Result } from '../errors.ts';
import { fail, ok } from '../errors.ts';
import type { Json, JsonObject } from '../raw.ts';
import { CRON_FIELDS, RANGES, expand } from './cronFields.ts';
import type { Schedule } from './types.ts';
import { CRON_KEYS, DEFAULT_SCHEDULE } from './types.ts';

let zones: ReadonlySet<string> | null = null;

/** The time zones a schedule may name: the runtime's IANA list plus "UTC". */
export function timeZones(): readonly string[] {
  return [...timeZoneSet()];
}

function timeZoneSet(): ReadonlySet<string> {
  if (!zones) zones = new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);
  return zones;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** True for "" or a real calendar date (YYYY-MM-DD, optionally with a time). */
function validDate(s: string): boolean {
  if (s === '') return true;
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

const problem = (code: string, field: string, message: string): Problem => ({
  code,
  message,
  path: field,
});

/**
 * Checks a schedule field by field. Each problem's `path` is the field's key, so an editor
 * can show it next to its input. Returns [] when the schedule is valid.
 */
export function scheduleProblems(s: Schedule): Problem[] {
  const out: Problem[] = [];
  if (s.seconds !== '00')
    out.push(
      problem(
        'SCHEDULE_E002',
        'seconds',
        `Seconds is "${s.seconds}" — Okta runs schedules on the minute: use "00".`,
      ),
    );
  for (const f of CRON_FIELDS) {
    const r = expand(s[f], f);
    if (typeof r === 'string')
      out.push(
        problem(
          'SCHEDULE_E003',
          f,
          `${RANGES[f].label} "${s[f]}" is not valid: ${r} — use ${RANGES[f].unit} from ${RANGES[f].min} to ${RANGES[f].max}, "*", "*/n", a range a-b or a list.`,
        ),
      );
  }
  if (!timeZoneSet().has(s.timeZone))
    out.push(
      problem(
        'SCHEDULE_E004',
        'timeZone',
        `Time zone "${s.timeZone}" is not an IANA time zone — choose one from the list (for example "America/Los_Angeles" or "UTC").`,
      ),
    );
  for (const f of ['startDate', 'endDate'] as const)
    if (!validDate(s[f]))
      out.push(
        problem(
          'SCHEDULE_E005',
          f,
          `${f === 'startDate' ? 'Start' : 'End'} date "${s[f]}" is not a date — use YYYY-MM-DD, or leave it empty.`,
        ),
      );
  if (
    s.startDate !== '' &&
    s.endDate !== '' &&
    validDate(s.startDate) &&
    validDate(s.endDate) &&
    s.endDate.slice(0, 10) < s.startDate.slice(0, 10)
  )
    out.push(
      problem(
        'SCHEDULE_E006',
        'endDate',
        `The end date ${s.endDate} is before the start date ${s.startDate} — move one of them.`,
      ),
    );
  if (s.recurrence !== 0)
    out.push(
      problem(
        'SCHEDULE_E007',
        'recurrence',
        `Recurrence is ${s.recurrence} — Okta writes 0 here; the cron fields say how often.`,
      ),
    );
  return out;
}

/** True for a JSON object (not null, not an array). */
export const isObject = (v: Json | undefined): v is JsonObject =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Reads a flow's `cron` object: every one of Okta's 10 keys, each of its type, and valid. */
export function parseCron(cron: Json): Result<Schedule> {
  if (!isObject(cron))
    return fail(
      'SCHEDULE_E001',
      'The schedule is not an object — choose a schedule again.',
      'cron',
    );
  const problems: Problem[] = [];
  for (const k of Object.keys(cron))
    if (!(CRON_KEYS as readonly string[]).includes(k))
      problems.push(
        problem(
          'SCHEDULE_E001',
          k,
          `The schedule has an unknown key "${k}" — Okta's schedules carry only ${CRON_KEYS.join(', ')}.`,
        ),
      );
  const s = { ...DEFAULT_SCHEDULE };
  for (const k of CRON_KEYS) {
    const v = cron[k];
    const want = k === 'recurrence' ? 'number' : 'string';
    if (typeof v !== want) {
      problems.push(
        problem(
          'SCHEDULE_E001',
          k,
          v === undefined
            ? `The schedule has no "${k}" — choose the schedule again so every field is set.`
            : `The schedule's "${k}" is not a ${want} — choose the schedule again.`,
        ),
      );
      continue;
    }
    (s as Record<string, unknown>)[k] = v;
  }
  if (problems.length) return { ok: false, problems };
  const more = scheduleProblems(s);
  return more.length ? { ok: false, problems: more } : ok(s);
}

/**
 * A cron read as far as it goes, for showing a damaged one so it can be fixed: the keys of
 * the right type are taken as they are, the others start from the default schedule.
 */
export function looseSchedule(cron: Json): Schedule {
  const s: Record<string, unknown> = { ...DEFAULT_SCHEDULE };
  if (isObject(cron)) for (const k of CRON_KEYS) if (typeof cron[k] === typeof s[k]) s[k] = cron[k];
  return s as unknown as Schedule;
}
