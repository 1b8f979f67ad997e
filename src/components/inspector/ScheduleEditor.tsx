/**
 * A Scheduled Flow's schedule in the Inspector: how often (a preset or the raw cron fields),
 * the time and days, the time zone (searchable), start and end dates, and the schedule in
 * words. Each change is one model operation; a refused value stays in its field with the
 * model's message tied to it, and the flow keeps its schedule.
 */
import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import type { Problem } from '../../model/errors.ts';
import type { Json, RawFloData } from '../../model/raw.ts';
import type { Schedule, ScheduleField, SchedulePreset } from '../../model/schedule.ts';
import {
  DAY_NAMES,
  PRESET_LABELS,
  applyPreset,
  looseSchedule,
  parseCron,
  presetOf,
  scheduleSummary,
  timeZones,
} from '../../model/schedule.ts';
import { setFlowSchedule } from '../../client/canvas/scheduleCommand.ts';
import { useEditorStore } from '../flow/editorContext.ts';
import './schedule.css';

type Kind = SchedulePreset['kind'];

interface Draft {
  /** The cron the draft stands on; when the flow's cron changes elsewhere, the draft restarts. */
  base: Json;
  schedule: Schedule;
  kind: Kind;
  problems: Problem[];
}

function start(cron: Json): Draft {
  const r = parseCron(cron);
  const schedule = r.ok ? r.value : looseSchedule(cron);
  return { base: cron, schedule, kind: presetOf(schedule).kind, problems: r.ok ? [] : r.problems };
}

const num = (t: string, fallback: number): number => (/^\d{1,2}$/.test(t) ? Number(t) : fallback);
const pad = (t: string): string => (/^\d$/.test(t) ? `0${t}` : t);

const CUSTOM_FIELDS: [ScheduleField, string][] = [
  ['minutes', 'Minutes (0–59)'],
  ['hours', 'Hours (0–23)'],
  ['dayOfTheMonth', 'Day of the month (1–31)'],
  ['month', 'Month (1–12)'],
  ['dayOfTheWeek', 'Day of the week (0 = Sunday … 6)'],
];

/** The schedule editor of the open Scheduled Flow. */
export function ScheduleEditor({ data }: { data: RawFloData }) {
  const store = useEditorStore();
  const id = useId();
  const [state, setState] = useState(() => start(data.cron));
  let draft = state;
  if (state.base !== data.cron) {
    // The schedule changed without this editor (undo, a save from elsewhere): start afresh.
    draft = start(data.cron);
    setState(draft);
  }
  const s = draft.schedule;
  const commit = (next: Schedule, burst?: string, kind: Kind = draft.kind) => {
    const problems = setFlowSchedule(store, next, burst);
    setState({ base: data.cron, schedule: next, kind, problems: problems ?? [] });
  };
  const set = (patch: Partial<Schedule>, burst?: string) => commit({ ...s, ...patch }, burst);
  const errorOf = (f: ScheduleField): string | null =>
    draft.problems.find((p) => p.path === f)?.message ?? null;
  const errId = (f: ScheduleField) => `${id}-${f}-error`;
  const tie = (...fields: ScheduleField[]) => {
    const bad = fields.filter((f) => errorOf(f) !== null);
    return bad.length
      ? { 'aria-invalid': true as const, 'aria-describedby': bad.map(errId).join(' ') }
      : {};
  };
  const shown = new Set<ScheduleField>();
  /** The errors of fields, right under their input (each once). */
  const errorsOf = (...fields: ScheduleField[]) =>
    fields.map((f) => {
      shown.add(f);
      const message = errorOf(f);
      return message ? (
        <p key={f} id={errId(f)} role="alert" className="insp-problem">
          {message}
        </p>
      ) : null;
    });
  const hour = num(s.hours, 9);
  const minute = num(s.minutes, 0);
  const choose = (kind: Kind) => {
    if (kind === 'custom') return setState({ ...draft, kind });
    const days = presetOf(s);
    const preset: SchedulePreset =
      kind === 'minutes'
        ? { kind, every: 15 }
        : kind === 'hourly'
          ? { kind, minute }
          : kind === 'daily'
            ? { kind, hour, minute }
            : kind === 'weekly'
              ? { kind, days: days.kind === 'weekly' ? days.days : [1], hour, minute }
              : { kind, day: num(s.dayOfTheMonth, 1), hour, minute };
    commit(applyPreset(s, preset), undefined, kind);
  };
  const time = (
    <div className="insp-field">
      <label>
        <span>Time</span>
        <input
          type="time"
          value={`${pad(s.hours)}:${pad(s.minutes)}`}
          onChange={(e) => {
            const [h = '', m = ''] = e.target.value.split(':');
            set({ hours: String(num(h, -1)), minutes: String(num(m, -1)) }, 'time');
          }}
          {...tie('hours', 'minutes')}
        />
      </label>
      {errorsOf('hours', 'minutes')}
    </div>
  );
  const days = new Set(s.dayOfTheWeek.split(','));
  const errors = draft.problems.filter((p) => p.path !== undefined);
  return (
    <section className="insp-section insp-schedule" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Schedule</h3>
      <output className="insp-schedule-text" aria-label="Schedule in words">
        {scheduleSummary(data)}
      </output>
      <label className="insp-field">
        <span>Repeats</span>
        <select value={draft.kind} onChange={(e) => choose(e.target.value as Kind)}>
          {(Object.keys(PRESET_LABELS) as Kind[]).map((k) => (
            <option key={k} value={k}>
              {PRESET_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      {draft.kind === 'minutes' && (
        <div className="insp-field">
          <label>
            <span>Every (minutes)</span>
            <input
              type="number"
              min={1}
              max={59}
              value={s.minutes.replace(/^\*\//, '')}
              onChange={(e) => set({ minutes: `*/${e.target.value}` }, 'every')}
              {...tie('minutes')}
            />
          </label>
          {errorsOf('minutes')}
        </div>
      )}
      {draft.kind === 'hourly' && (
        <div className="insp-field">
          <label>
            <span>Minute past the hour</span>
            <input
              type="number"
              min={0}
              max={59}
              value={s.minutes}
              onChange={(e) => set({ minutes: e.target.value }, 'minute')}
              {...tie('minutes')}
            />
          </label>
          {errorsOf('minutes')}
        </div>
      )}
      {draft.kind === 'weekly' && (
        <fieldset className="insp-days" {...tie('dayOfTheWeek')}>
          <legend>On days</legend>
          {DAY_NAMES.map((name, i) => (
            <label key={name}>
              <input
                type="checkbox"
                checked={days.has(String(i))}
                onChange={(e) => {
                  const next = new Set([...days].filter((d) => /^\d$/.test(d)));
                  if (e.target.checked) next.add(String(i));
                  else next.delete(String(i));
                  set({
                    dayOfTheWeek: [...next].sort((a, b) => Number(a) - Number(b)).join(','),
                  });
                }}
              />
              {name}
            </label>
          ))}
          {errorsOf('dayOfTheWeek')}
        </fieldset>
      )}
      {draft.kind === 'monthly' && (
        <div className="insp-field">
          <label>
            <span>Day of the month</span>
            <input
              type="number"
              min={1}
              max={31}
              value={s.dayOfTheMonth}
              onChange={(e) => set({ dayOfTheMonth: e.target.value }, 'day')}
              {...tie('dayOfTheMonth')}
            />
          </label>
          {errorsOf('dayOfTheMonth')}
        </div>
      )}
      {(draft.kind === 'daily' || draft.kind === 'weekly' || draft.kind === 'monthly') && time}
      {draft.kind === 'custom' &&
        CUSTOM_FIELDS.map(([f, label]) => (
          <div className="insp-field" key={f}>
            <label>
              <span>{label}</span>
              <input
                value={s[f]}
                spellCheck={false}
                onChange={(e) => set({ [f]: e.target.value }, f)}
                {...tie(f)}
              />
            </label>
            {errorsOf(f)}
          </div>
        ))}
      <TimeZoneField
        key={s.timeZone}
        value={s.timeZone}
        listId={`${id}-zones`}
        onCommit={(timeZone) => timeZone !== s.timeZone && set({ timeZone })}
        tie={tie('timeZone')}
        errors={errorsOf('timeZone')}
      />
      <div className="insp-field">
        <label>
          <span>Start date</span>
          <input
            type="date"
            value={s.startDate}
            onChange={(e) => set({ startDate: e.target.value })}
            {...tie('startDate')}
          />
        </label>
        {errorsOf('startDate')}
      </div>
      <div className="insp-field">
        <label>
          <span>End date</span>
          <input
            type="date"
            value={s.endDate}
            onChange={(e) => set({ endDate: e.target.value })}
            {...tie('endDate')}
          />
        </label>
        {errorsOf('endDate')}
      </div>
      {/* Fields without an input here (seconds, recurrence, unknown keys of an imported cron). */}
      {errors
        .filter((p) => !shown.has(p.path as ScheduleField))
        .map((p) => (
          <p key={p.path} role="alert" className="insp-problem">
            {p.message}
          </p>
        ))}
    </section>
  );
}

/** A searchable time-zone field: the list filters as one types; a name is taken on Enter or leaving. */
function TimeZoneField({
  value,
  listId,
  onCommit,
  tie,
  errors,
}: {
  value: string;
  listId: string;
  onCommit: (zone: string) => void;
  tie: object;
  errors: ReactNode;
}) {
  const [text, setText] = useState(value);
  return (
    <div className="insp-field">
      <label>
        <span>Time zone</span>
        <input
          list={listId}
          value={text}
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            // Picking from the list fills in a whole name: take it at once.
            if (e.target.value !== value && timeZones().includes(e.target.value))
              onCommit(e.target.value);
          }}
          onBlur={() => onCommit(text.trim())}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onCommit(text.trim());
            if (e.key === 'Escape') setText(value);
          }}
          {...tie}
        />
        <datalist id={listId}>
          {timeZones().map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </label>
      {errors}
    </div>
  );
}
