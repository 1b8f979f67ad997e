import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalog, deepFreeze, makeWorkspace } from '../../tests/builders.ts';
import { corpusFiles, corpusText, itCorpus, itEachCorpusFile } from '../../tests/corpus.ts';
import { unwrap } from './errors.ts';
import { scheduledEvent } from './events.ts';
import { createFlow, setEvent } from './flows.ts';
import type { Json, RawFloData } from './raw.ts';
import type { Schedule } from './schedule.ts';
import {
  CRON_KEYS,
  DEFAULT_SCHEDULE,
  applyPreset,
  describeSchedule,
  formatCron,
  looseSchedule,
  parseCron,
  presetOf,
  scheduleProblems,
  scheduleSummary,
  setSchedule,
} from './schedule.ts';
import { allCardIds } from './scope.ts';

const LA = 'America/Los_Angeles';
const at = (fields: Partial<Schedule>): Schedule => ({ ...DEFAULT_SCHEDULE, ...fields });

function scheduledFlow(): RawFloData {
  const { ws, folderId } = makeWorkspace();
  const { flow } = unwrap(createFlow(ws, folderId));
  const event = scheduledEvent(catalog, allCardIds(flow.data));
  return deepFreeze(unwrap(setEvent(flow.data, event, { scheduled: true })));
}

describe('schedule', () => {
  it('reads Okta’s 10-key cron and writes it back with the same keys in the same order', () => {
    const cron: Json = {
      seconds: '00',
      minutes: '*/15',
      hours: '*',
      dayOfTheMonth: '*',
      month: '*',
      dayOfTheWeek: '*',
      timeZone: LA,
      startDate: '',
      endDate: '',
      recurrence: 0,
    };
    const s = unwrap(parseCron(cron));
    expect(s.minutes).toBe('*/15');
    expect(JSON.stringify(formatCron(s, cron))).toBe(JSON.stringify(cron));
    expect(Object.keys(formatCron(s))).toEqual(CRON_KEYS);
  });

  it('describes schedules in plain English', () => {
    expect(describeSchedule(at({ timeZone: LA }))).toBe('Every day at 09:00, America/Los_Angeles');
    expect(describeSchedule(at({ minutes: '*/15', hours: '*', dayOfTheMonth: '*' }))).toBe(
      'Every 15 minutes',
    );
    expect(
      describeSchedule(at({ hours: '2', dayOfTheMonth: '*', dayOfTheWeek: '0,4', timeZone: LA })),
    ).toBe('At 02:00 on Sunday and Thursday, America/Los_Angeles');
    expect(describeSchedule(at({ minutes: '0', hours: '*/1', dayOfTheMonth: '*' }))).toBe(
      'Every hour at :00, UTC',
    );
    expect(describeSchedule(at({ dayOfTheMonth: '14', month: '*/1' }))).toBe(
      'At 09:00 on day 14 of every month, UTC',
    );
    expect(describeSchedule(at({ dayOfTheMonth: '18', month: '3-12/3' }))).toBe(
      'At 09:00 on day 18 of March, June, September and December, UTC',
    );
    expect(describeSchedule(at({ dayOfTheMonth: '*', dayOfTheWeek: '1-5', minutes: '30' }))).toBe(
      'At 09:30 on Monday to Friday, UTC',
    );
    expect(describeSchedule(at({ startDate: '2027-01-01', endDate: '2027-06-30' }))).toBe(
      'Every day at 09:00, UTC, from 2027-01-01 to 2027-06-30',
    );
  });

  it('reports each invalid field with a code, the field and a fix', () => {
    const problems = scheduleProblems(
      at({
        seconds: '30',
        minutes: '60',
        hours: '5-2',
        dayOfTheMonth: '0',
        month: '*/0',
        dayOfTheWeek: 'mon',
        timeZone: 'Mars/Olympus',
        startDate: '2027-02-30',
        recurrence: 2,
      }),
    );
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['SCHEDULE_E002', 'seconds'],
      ['SCHEDULE_E003', 'minutes'],
      ['SCHEDULE_E003', 'hours'],
      ['SCHEDULE_E003', 'dayOfTheMonth'],
      ['SCHEDULE_E003', 'month'],
      ['SCHEDULE_E003', 'dayOfTheWeek'],
      ['SCHEDULE_E004', 'timeZone'],
      ['SCHEDULE_E005', 'startDate'],
      ['SCHEDULE_E007', 'recurrence'],
    ]);
    expect(problems[1]?.message).toMatch(/Minutes "60" is not valid: "60" is outside 0–59/);
    expect(problems[2]?.message).toMatch(/runs backwards/);
  });

  it('accepts lists, ranges and steps, and refuses an end date before the start date', () => {
    expect(
      scheduleProblems(at({ minutes: '0,15,30-45/5', hours: '1-23/2', month: '1-11/6' })),
    ).toEqual([]);
    const r = scheduleProblems(at({ startDate: '2027-05-01', endDate: '2027-04-30' }));
    expect(r.map((p) => [p.code, p.path])).toEqual([['SCHEDULE_E006', 'endDate']]);
  });

  it('refuses a cron that is not an object, misses a key, has a wrong type or an unknown key', () => {
    const codes = (j: Json) => {
      const r = parseCron(j);
      return r.ok ? [] : r.problems.map((p) => `${p.code}:${p.path ?? ''}`);
    };
    expect(codes('0 9 * * *')).toEqual(['SCHEDULE_E001:cron']);
    const full = formatCron(DEFAULT_SCHEDULE);
    const { hours: _drop, ...noHours } = full;
    expect(codes(noHours)).toEqual(['SCHEDULE_E001:hours']);
    expect(codes({ ...full, recurrence: '0' })).toEqual(['SCHEDULE_E001:recurrence']);
    expect(codes({ ...full, extra: 1 })).toEqual(['SCHEDULE_E001:extra']);
  });

  it('reads a damaged cron as far as it goes, to show it for fixing', () => {
    const s = looseSchedule({ minutes: '75', hours: 9, timeZone: 'Europe/Berlin' });
    expect([s.minutes, s.hours, s.timeZone, s.recurrence]).toEqual(['75', '9', 'Europe/Berlin', 0]);
    expect(looseSchedule(null)).toEqual(DEFAULT_SCHEDULE);
  });

  it('maps presets to fields and back', () => {
    const weekly = applyPreset(DEFAULT_SCHEDULE, {
      kind: 'weekly',
      days: [4, 1],
      hour: 7,
      minute: 30,
    });
    expect([weekly.minutes, weekly.hours, weekly.dayOfTheMonth, weekly.dayOfTheWeek]).toEqual([
      '30',
      '7',
      '*',
      '1,4',
    ]);
    expect(presetOf(weekly)).toEqual({ kind: 'weekly', days: [1, 4], hour: 7, minute: 30 });
    expect(presetOf(DEFAULT_SCHEDULE)).toEqual({ kind: 'daily', hour: 9, minute: 0 });
    const every = applyPreset(DEFAULT_SCHEDULE, { kind: 'minutes', every: 15 });
    expect(presetOf(every)).toEqual({ kind: 'minutes', every: 15 });
    const monthly = applyPreset(DEFAULT_SCHEDULE, { kind: 'monthly', day: 1, hour: 9, minute: 0 });
    expect([monthly.dayOfTheMonth, monthly.month]).toEqual(['1', '*/1']);
    expect(presetOf(applyPreset(every, { kind: 'hourly', minute: 5 }))).toEqual({
      kind: 'hourly',
      minute: 5,
    });
    // Unknown shapes are Custom, and applying Custom or the same preset changes nothing.
    const odd = at({ dayOfTheMonth: '18', month: '3-12/3' });
    expect(presetOf(odd)).toEqual({ kind: 'custom' });
    expect(applyPreset(odd, { kind: 'custom' })).toBe(odd);
    expect(applyPreset(DEFAULT_SCHEDULE, presetOf(DEFAULT_SCHEDULE))).toBe(DEFAULT_SCHEDULE);
  });

  it('sets a Scheduled Flow’s schedule, and refuses an invalid one without changing anything', () => {
    const data = scheduledFlow();
    expect(scheduleSummary(data)).toBe('Every day at 09:00, UTC');
    const weekly = applyPreset(
      { ...DEFAULT_SCHEDULE, timeZone: 'Europe/Berlin' },
      { kind: 'weekly', days: [1, 4], hour: 7, minute: 30 },
    );
    const next = unwrap(setSchedule(data, weekly));
    expect(next.cron).toEqual(formatCron(weekly));
    expect(scheduleSummary(next)).toBe('At 07:30 on Monday and Thursday, Europe/Berlin');
    expect(setSchedule(next, weekly)).toEqual({ ok: true, value: next });
    const bad = setSchedule(next, { ...weekly, hours: '24' });
    expect(bad.ok ? null : bad.problems.map((p) => p.path)).toEqual(['hours']);
  });

  it('refuses a schedule on a flow that is not scheduled', () => {
    const { ws, folderId } = makeWorkspace();
    const { flow } = unwrap(createFlow(ws, folderId));
    const r = setSchedule(flow.data, DEFAULT_SCHEDULE);
    expect(r.ok ? null : r.problems[0]?.code).toBe('SCHEDULE_E010');
    expect(scheduleSummary(flow.data)).toBeNull();
  });

  it('keeps the schedule when Scheduled Flow is chosen again', () => {
    const data = scheduledFlow();
    const set = unwrap(setSchedule(data, at({ minutes: '*/15', hours: '*', dayOfTheMonth: '*' })));
    const again = unwrap(
      setEvent(set, scheduledEvent(catalog, allCardIds(set)), { scheduled: true }),
    );
    expect(again.cron).toEqual(set.cron);
  });

  itEachCorpusFile('parses, describes and round-trips every schedule in %s', (name) => {
    const text = corpusText(name);
    const pack = JSON.parse(text) as { data: { flos: Record<string, { data: RawFloData }> } };
    for (const flo of Object.values(pack.data.flos)) {
      if (!flo.data.scheduled) continue;
      const s = unwrap(parseCron(flo.data.cron));
      expect(describeSchedule(s)).not.toMatch(/^Custom|undefined|NaN/);
      const written = JSON.stringify(formatCron(s, flo.data.cron));
      expect(written).toBe(JSON.stringify(flo.data.cron));
      expect(text).toContain(`"cron":${written}`);
    }
  });

  itCorpus('writes a new schedule in the key order most of Okta’s exports use', () => {
    const orders = new Map<string, number>();
    for (const file of corpusFiles()) {
      const pack = JSON.parse(readFileSync(file, 'utf8')) as {
        data: { flos: Record<string, { data: RawFloData }> };
      };
      for (const flo of Object.values(pack.data.flos)) {
        if (!flo.data.scheduled || typeof flo.data.cron !== 'object' || !flo.data.cron) continue;
        const order = Object.keys(flo.data.cron).join(',');
        orders.set(order, (orders.get(order) ?? 0) + 1);
      }
    }
    const [common] = [...orders].sort((a, b) => b[1] - a[1]);
    expect(common?.[0]).toBe(CRON_KEYS.join(','));
    expect(Object.keys(formatCron(DEFAULT_SCHEDULE)).join(',')).toBe(common?.[0]);
  });
});
