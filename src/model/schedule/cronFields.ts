/**
 * The five cron fields (minutes to day of the week): their ranges and names, and how a
 * field's text ("1-5", "*\/15", "0,4") reads into the values it selects.
 */
/** The cron fields with their ranges and the words used in errors. */
export const RANGES = {
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

/** One of the five cron fields. */
export type CronField = keyof typeof RANGES;

/** The five cron fields, in cron order. */
export const CRON_FIELDS = Object.keys(RANGES) as CronField[];

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

/** Month names, January first (Okta's 1). */
export const MONTH_NAMES = [
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

/** A one- or two-digit number, as cron fields write them. */
export const NUM = /^\d{1,2}$/;

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
export function expand(text: string, field: CronField): number[] | string {
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

/** True for a field that selects every value ("*" or "*\/1"). */
export const every = (t: string): boolean => t === '*' || t === '*/1';
