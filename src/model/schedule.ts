/**
 * A Scheduled Flow's schedule: Okta's 10-key `cron` object (string cron fields, time zone,
 * start/end dates, `recurrence` 0), validated field by field, described in plain English and
 * offered as presets (every N minutes, hourly, daily, weekly, monthly) that map to the fields.
 * The parts live in ./schedule/; this module writes the cron and sets it on a flow.
 */
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { Json, JsonObject, RawFloData } from './raw.ts';
import type { Schedule, ScheduleField } from './schedule/types.ts';
import { CRON_KEYS } from './schedule/types.ts';
import { isObject, scheduleProblems } from './schedule/validate.ts';

export type { Schedule, ScheduleField } from './schedule/types.ts';
export { CRON_KEYS, DEFAULT_SCHEDULE } from './schedule/types.ts';
export { DAY_NAMES } from './schedule/cronFields.ts';
export { looseSchedule, parseCron, scheduleProblems, timeZones } from './schedule/validate.ts';
export type { SchedulePreset } from './schedule/presets.ts';
export { PRESET_LABELS, applyPreset, presetOf } from './schedule/presets.ts';
export { describeSchedule, rawFields, scheduleSummary } from './schedule/describe.ts';

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
