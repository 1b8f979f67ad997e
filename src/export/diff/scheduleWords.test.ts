import { describe, expect, it } from 'vitest';
import { catalog, makeWorkspace } from '../../../tests/builders.ts';
import { ok, unwrap } from '../../model/errors.ts';
import { scheduledEvent } from '../../model/events.ts';
import { createFlow, editFlowContent, setEvent } from '../../model/flows.ts';
import { DEFAULT_SCHEDULE, applyPreset, setSchedule } from '../../model/schedule.ts';
import { allCardIds } from '../../model/scope.ts';
import { diffWorkspaces } from './packDiff.ts';
import { diffLines } from './words.ts';

function nightly() {
  const { ws, folderId } = makeWorkspace();
  const { workspace, flow } = unwrap(createFlow(ws, folderId, { name: 'Nightly' }));
  const before = unwrap(
    editFlowContent(workspace, flow.id, (d) =>
      setEvent(d, scheduledEvent(catalog, allCardIds(d)), { scheduled: true }),
    ),
  );
  return { before, id: flow.id };
}

describe('schedule changes in words', () => {
  it('says the old and the new schedule in plain English, not raw cron JSON', () => {
    const { before, id } = nightly();
    const weekly = applyPreset(
      { ...DEFAULT_SCHEDULE, timeZone: 'Europe/Berlin' },
      { kind: 'weekly', days: [1, 4], hour: 7, minute: 30 },
    );
    const after = unwrap(editFlowContent(before, id, (d) => setSchedule(d, weekly)));
    expect(diffLines(diffWorkspaces(before, after))).toEqual([
      "Schedule changed from 'Every day at 09:00, UTC' to 'At 07:30 on Monday and Thursday, Europe/Berlin' in flow 'Nightly'",
    ]);
  });

  it('sees no change when only the key order of the cron differs', () => {
    const { before, id } = nightly();
    const after = unwrap(
      editFlowContent(before, id, (d) => {
        const c = d.cron as Record<string, string | number>;
        const { timeZone, ...rest } = c;
        return ok({ ...d, cron: { timeZone: timeZone ?? 'UTC', ...rest } });
      }),
    );
    expect(diffLines(diffWorkspaces(before, after))).toEqual(['No changes']);
  });
});
