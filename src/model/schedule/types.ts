/** The shape of a Scheduled Flow's schedule: Okta's 10 `cron` keys, their order and the default. */
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
