/** A schedule in plain English, for the Inspector, the card, summaries and Compare. */
import type { RawFloData } from '../raw.ts';
import { DAY_NAMES, MONTH_NAMES, expand, every } from './cronFields.ts';
import type { Schedule } from './types.ts';
import { parseCron, scheduleProblems } from './validate.ts';

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
