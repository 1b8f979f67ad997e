/**
 * Schedule presets: how the console lets a person pick a schedule without cron syntax (every
 * N minutes, hourly, daily, weekly, monthly), mapped to the cron fields and back.
 */
import { NUM, RANGES, expand, every } from './cronFields.ts';
import type { CronField } from './cronFields.ts';
import type { Schedule } from './types.ts';

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
