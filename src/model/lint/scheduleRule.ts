/**
 * A Scheduled Flow's `cron` must be one Okta can run: every one of its 10 keys present and
 * valid (see schedule.ts). A hand-edited or damaged file otherwise imports without a word.
 */
import { eventCardOf } from '../flows.ts';
import type { CardId } from '../ids.ts';
import { parseCron } from '../schedule.ts';
import type { Rule } from './rules.ts';

/** Reports each invalid schedule field of a Scheduled Flow, coded, on its event card. */
export const invalidSchedule: Rule = {
  id: 'invalid-schedule',
  title: 'A Scheduled Flow has a valid schedule',
  check: (flow) => {
    if (!flow.data.scheduled) return [];
    const r = parseCron(flow.data.cron);
    if (r.ok) return [];
    const event = eventCardOf(flow.data);
    return r.problems.map((p) => ({
      rule: 'invalid-schedule',
      severity: 'error' as const,
      message: `${p.code}: ${p.message}`,
      ...(event ? { card: event.uuid as CardId, path: [] } : {}),
    }));
  },
};
