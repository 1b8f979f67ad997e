/**
 * A Scheduled Flow's schedule: Okta's 10-key `cron` object (string cron fields, time zone,
 * start/end dates, `recurrence` 0), validated field by field, described in plain English and
 * offered as presets (every N minutes, hourly, daily, weekly, monthly) that map to the fields.
 */
import type { Problem, Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { Json, JsonObject, RawFloData } from './raw.ts';

/** A schedule as Okta stores it in `flo.data.cron` (every cron field a string). */
export interface Schedule {
  seconds: string;
  minutes: string;
  hours: string;
  dayOfTheMonth: string;
  month: string;
  dayOfTheWeek: string;
  startDate: string;
  endDate: string;
  recurrence: number;
  timeZone: string;
}

/** A key of the schedule. */
export type ScheduleField = keyof Schedule;

/** The 10 keys in the order Okta's console writes them. */
export const CRON_KEYS: readonly ScheduleField[] = [
  'seconds',
  'minutes',
  'hours',
  'dayOfTheMonth',
  'month',
  'dayOfTheWeek',
  'startDate',
  'endDate',
  'recurrence',
  'timeZone',
];

/** The schedule a new Scheduled Flow starts with: every day at 09:00 UTC. */
export const DEFAULT_SCHEDULE: Schedule = {
  seconds: '00',
  minutes: '0',
  hours: '9',
  dayOfTheMonth: '*/1',
  month: '*',
  dayOfTheWeek: '*',
  startDate: '',
  endDate: '',
  recurrence: 0,
  timeZone: 'UTC',
};

/** The cron fields with their ranges and the words used in errors. */
const RANGES = {
  minutes: { min: 0, max: 59, label: 'Minutes', unit: 'a minute' },
  hours: { min: 0, max: 23, label: 'Hours', unit: 'an hour' },
  dayOfTheMonth: { min: 1, max: 31, label: 'Day of the month', unit: 'a day of the month' },
  month: { min: 1, max: 12, label: 'Month', unit: 'a month' },
  dayOfTheWeek: {
    min: 0,
    max: 6,
    label: 'Day of the week',
    unit: 'a day of the week (0 = Sunday)',
  },
} as const;

type CronField = keyof typeof RANGES;

const CRON_FIELDS = Object.keys(RANGES) as CronField[];

/** Day names, Sunday first (Okta's 0). */
export const DAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

let zones: ReadonlySet<string> | null = null;

/** The time zones a schedule may name: the runtime's IANA list plus "UTC". */
export function timeZones(): readonly string[] {
  return [...timeZoneSet()];
}

function timeZoneSet(): ReadonlySet<string> {
  if (!zones) zones = new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);
  return zones;
}

const NUM = /^\d{1,2}$/;

/** One cron part ("5", "1-5", "*\/15", "3-12/3") read into numbers, or an error text. */
function readPart(part: string, min: number, max: number): number[] | string {
  const [range = '', step, extra] = part.split('/');
  if (extra !== undefined) return `"${part}" has more than one "/"`;
  let by = 1;
  if (step !== undefined) {
    if (!NUM.test(step) || Number(step) < 1 || Number(step) > max)
      return `the step in "${part}" must be a whole number from 1 to ${max}`;
    by = Number(step);
  }
  let from = min;
  let to = max;
  if (range !== '*') {
    const [a = '', b] = range.split('-');
    if (!NUM.test(a) || (b !== undefined && !NUM.test(b)))
      return `"${part}" is not a number, a range (a-b), "*" or a step (*/n)`;
    from = Number(a);
    to = b === undefined ? (step === undefined ? from : max) : Number(b);
    if (from < min || from > max || to < min || to > max)
      return `"${part}" is outside ${min}–${max}`;
    if (from > to) return `the range "${part}" runs backwards`;
  }
  const out: number[] = [];
  for (let n = from; n <= to; n += by) out.push(n);
  return out;
}

/** The values a cron field selects (sorted, unique), or an error text. */
function expand(text: string, field: CronField): number[] | string {
  const { min, max } = RANGES[field];
  if (text.trim() === '') return 'it is empty';
  if (/\s/.test(text)) return 'it contains spaces';
  const seen = new Set<number>();
  for (const part of text.split(',')) {
    const r = readPart(part, min, max);
    if (typeof r === 'string') return r;
    for (const n of r) seen.add(n);
  }
  return [...seen].sort((a, b) => a - b);
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

const isObject = (v: Json | undefined): v is JsonObject =>
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
 * The `cron` object for a schedule. Keys keep the order of `like` (the flow's current cron)
 * where it has them, so an unchanged schedule is written byte for byte as it was read.
 */
export function formatCron(s: Schedule, like?: Json): JsonObject {
  const order = isObject(like)
    ? [
        ...Object.keys(like).filter((k): k is ScheduleField =>
          (CRON_KEYS as readonly string[]).includes(k),
        ),
        ...CRON_KEYS.filter((k) => !(k in like)),
      ]
    : CRON_KEYS;
  const out: JsonObject = {};
  for (const k of order) out[k] = s[k];
  return out;
}

/** A schedule preset: how the console lets a person pick a schedule without cron syntax. */
export type SchedulePreset =
  | { kind: 'minutes'; every: number }
  | { kind: 'hourly'; minute: number }
  | { kind: 'daily'; hour: number; minute: number }
  | { kind: 'weekly'; days: number[]; hour: number; minute: number }
  | { kind: 'monthly'; day: number; hour: number; minute: number }
  | { kind: 'custom' };

/** The preset kinds with their labels, in menu order. */
export const PRESET_LABELS: Record<SchedulePreset['kind'], string> = {
  minutes: 'Every N minutes',
  hourly: 'Every hour',
  daily: 'Every day',
  weekly: 'Every week',
  monthly: 'Every month',
  custom: 'Custom',
};

const every = (t: string): boolean => t === '*' || t === '*/1';
const single = (t: string, f: CronField): number | null => {
  if (!NUM.test(t)) return null;
  const n = Number(t);
  return n >= RANGES[f].min && n <= RANGES[f].max ? n : null;
};

/** The preset a schedule matches, or `custom` when its fields take another shape. */
export function presetOf(s: Schedule): SchedulePreset {
  const step = /^\*\/(\d{1,2})$/.exec(s.minutes);
  const minute = single(s.minutes, 'minutes');
  const hour = single(s.hours, 'hours');
  const anyDate = every(s.dayOfTheMonth) && every(s.month) && s.dayOfTheWeek === '*';
  if (step && s.hours === '*' && anyDate) {
    const n = Number(step[1]);
    if (n >= 1 && n <= 59) return { kind: 'minutes', every: n };
  }
  if (minute !== null && every(s.hours) && anyDate) return { kind: 'hourly', minute };
  if (minute === null || hour === null) return { kind: 'custom' };
  if (anyDate) return { kind: 'daily', hour, minute };
  if (s.dayOfTheMonth === '*' && every(s.month) && s.dayOfTheWeek !== '*') {
    const days = expand(s.dayOfTheWeek, 'dayOfTheWeek');
    if (Array.isArray(days) && s.dayOfTheWeek === days.join(','))
      return { kind: 'weekly', days, hour, minute };
  }
  const day = single(s.dayOfTheMonth, 'dayOfTheMonth');
  if (day !== null && every(s.month) && s.dayOfTheWeek === '*')
    return { kind: 'monthly', day, hour, minute };
  return { kind: 'custom' };
}

const samePreset = (a: SchedulePreset, b: SchedulePreset): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * The schedule with a preset's fields written as Okta writes them (daily: day of the month
 * "*\/1"; monthly: month "*\/1"). A schedule already matching the preset is returned as it is;
 * `custom` changes nothing. Time zone and dates are kept.
 */
export function applyPreset(s: Schedule, p: SchedulePreset): Schedule {
  if (p.kind === 'custom' || samePreset(presetOf(s), p)) return s;
  const base = { ...s, seconds: '00', dayOfTheMonth: '*', month: '*', dayOfTheWeek: '*' };
  switch (p.kind) {
    case 'minutes':
      return { ...base, minutes: `*/${p.every}`, hours: '*' };
    case 'hourly':
      return { ...base, minutes: String(p.minute), hours: '*/1' };
    case 'daily':
      return { ...base, minutes: String(p.minute), hours: String(p.hour), dayOfTheMonth: '*/1' };
    case 'weekly':
      return {
        ...base,
        minutes: String(p.minute),
        hours: String(p.hour),
        dayOfTheWeek: [...new Set(p.days)].sort((a, b) => a - b).join(','),
      };
    case 'monthly':
      return {
        ...base,
        minutes: String(p.minute),
        hours: String(p.hour),
        dayOfTheMonth: String(p.day),
        month: '*/1',
      };
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "a, b and c". */
const and = (xs: readonly string[]): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

const ordinal = (n: number): string => {
  if (n % 100 >= 11 && n % 100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
};

/** Names of the values a field selects, runs of three or more written "Monday to Friday". */
function named(values: number[], name: (n: number) => string): string {
  const runs: string[] = [];
  let i = 0;
  while (i < values.length) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === (values[j] ?? 0) + 1) j++;
    const a = values[i] ?? 0;
    const b = values[j] ?? 0;
    if (j - i >= 2) runs.push(`${name(a)} to ${name(b)}`);
    else for (let k = i; k <= j; k++) runs.push(name(values[k] ?? 0));
    i = j + 1;
  }
  return and(runs);
}

const stepOf = (t: string): number | null => {
  const m = /^\*\/(\d{1,2})$/.exec(t);
  return m ? Number(m[1]) : null;
};

const plural = (n: number, one: string): string => (n === 1 ? one : `${n} ${one}s`);

/** When in the day the schedule runs: [phrase, true when it is a frequency ("Every …")]. */
function timePhrase(s: Schedule): [string, boolean] {
  const mStep = stepOf(s.minutes);
  const minutes = expand(s.minutes, 'minutes');
  const hours = expand(s.hours, 'hours');
  if (!Array.isArray(minutes) || !Array.isArray(hours)) return ['', false];
  if (s.minutes === '*' || mStep !== null) {
    const freq = `Every ${plural(mStep ?? 1, 'minute')}`;
    if (s.hours === '*') return [freq, true];
    return [`${freq} during hour${hours.length > 1 ? 's' : ''} ${named(hours, pad)}`, true];
  }
  const hStep = stepOf(s.hours);
  const past = `at ${and(minutes.map((m) => `:${pad(m)}`))}`;
  if (s.hours === '*' || hStep !== null)
    return [`Every ${hStep && hStep > 1 ? `${hStep} hours` : 'hour'} ${past}`, true];
  if (hours.length * minutes.length <= 6)
    return [`at ${and(hours.flatMap((h) => minutes.map((m) => `${pad(h)}:${pad(m)}`)))}`, false];
  return [`${past} past hours ${named(hours, pad)}`, false];
}

/** Which days the schedule runs on, or '' for every day. */
function dayPhrase(s: Schedule): string {
  const parts: string[] = [];
  const months = expand(s.month, 'month');
  const monthStep = stepOf(s.month);
  const allMonths = every(s.month);
  const monthText = allMonths
    ? 'every month'
    : monthStep !== null
      ? `every ${ordinal(monthStep)} month`
      : Array.isArray(months)
        ? named(months, (n) => MONTH_NAMES[n - 1] ?? String(n))
        : s.month;
  const domStep = stepOf(s.dayOfTheMonth);
  if (!every(s.dayOfTheMonth)) {
    const days = expand(s.dayOfTheMonth, 'dayOfTheMonth');
    const text =
      domStep !== null
        ? `every ${ordinal(domStep)} day`
        : `day${Array.isArray(days) && days.length > 1 ? 's' : ''} ${Array.isArray(days) ? named(days, String) : s.dayOfTheMonth}`;
    parts.push(domStep !== null ? `${text} of ${monthText}` : `on ${text} of ${monthText}`);
  } else if (!allMonths) parts.push(`in ${monthText}`);
  if (s.dayOfTheWeek !== '*') {
    const days = expand(s.dayOfTheWeek, 'dayOfTheWeek');
    const text = Array.isArray(days)
      ? named(days, (n) => DAY_NAMES[n] ?? String(n))
      : s.dayOfTheWeek;
    parts.unshift(`on ${text}`);
  }
  return parts.join(' ');
}

/**
 * The schedule in plain English: "Every day at 09:00, America/Los_Angeles", "Every 15
 * minutes", "At 02:00 on Sunday and Thursday, UTC". Invalid fields are shown raw.
 */
export function describeSchedule(s: Schedule): string {
  if (scheduleProblems(s).some((p) => p.path !== 'startDate' && p.path !== 'endDate'))
    return `Custom: ${rawFields(s)}`;
  const [time, frequency] = timePhrase(s);
  const days = dayPhrase(s);
  let text: string;
  if (frequency) text = days ? `${time} ${days}` : time;
  else text = days ? `${cap(time)} ${days}` : `Every day ${time}`;
  // A minute-by-minute schedule on every day does not depend on the clock's zone.
  const zoneFree = frequency && /^\*(\/\d+)?$/.test(s.minutes) && s.hours === '*' && !days;
  const range =
    s.startDate && s.endDate
      ? `, from ${s.startDate} to ${s.endDate}`
      : s.startDate
        ? `, from ${s.startDate}`
        : s.endDate
          ? `, until ${s.endDate}`
          : '';
  return `${text}${zoneFree ? '' : `, ${s.timeZone}`}${range}`;
}

const cap = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

/** The five cron fields as Okta stores them, in cron order ("0 9 *\/1 * *"). */
export function rawFields(s: Schedule): string {
  return [s.minutes, s.hours, s.dayOfTheMonth, s.month, s.dayOfTheWeek].join(' ');
}

/**
 * A Scheduled Flow's schedule in words, for summaries; null for flows that are not
 * scheduled. A cron that does not parse is shown raw with the first problem.
 */
export function scheduleSummary(data: RawFloData): string | null {
  if (!data.scheduled) return null;
  const r = parseCron(data.cron);
  if (r.ok) return describeSchedule(r.value);
  return `Invalid schedule: ${r.problems[0]?.message ?? 'unreadable'}`;
}

/**
 * Sets a Scheduled Flow's schedule. Refuses a flow that is not scheduled and an invalid
 * schedule (with a problem per field, nothing changed); an unchanged schedule returns the
 * same data.
 */
export function setSchedule(data: RawFloData, s: Schedule): Result<RawFloData> {
  if (!data.scheduled)
    return fail(
      'SCHEDULE_E010',
      'This flow is not a Scheduled Flow — choose the Scheduled Flow event first.',
    );
  const problems = scheduleProblems(s);
  if (problems.length) return { ok: false, problems };
  const cron = formatCron(s, data.cron);
  if (JSON.stringify(cron) === JSON.stringify(data.cron)) return ok(data);
  return ok({ ...data, cron });
}
