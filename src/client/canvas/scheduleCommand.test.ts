import { describe, expect, it } from 'vitest';
import { catalog, makeWorkspace } from '../../../tests/builders.ts';
import type { FlowDto } from '../../contract/api.ts';
import { unwrap } from '../../model/errors.ts';
import { scheduledEvent } from '../../model/events.ts';
import { createFlow, setEvent } from '../../model/flows.ts';
import { DEFAULT_SCHEDULE, parseCron } from '../../model/schedule.ts';
import { allCardIds } from '../../model/scope.ts';
import { createEditorStore } from '../editorStore.ts';
import { setFlowSchedule } from './scheduleCommand.ts';

function scheduledDto(): FlowDto {
  const { ws, folderId } = makeWorkspace();
  const { flow } = unwrap(createFlow(ws, folderId, { name: 'Nightly' }));
  const content = unwrap(
    setEvent(flow.data, scheduledEvent(catalog, allCardIds(flow.data)), { scheduled: true }),
  );
  return {
    id: flow.id,
    name: flow.name,
    description: '',
    folderId: flow.folderId,
    active: false,
    saveAllData: false,
    kind: 'scheduled',
    revision: 1,
    updatedAt: '2026-06-01T12:00:00.000Z',
    content,
  };
}

const hours = (cron: unknown) => unwrap(parseCron(cron as never)).hours;

describe('setting the schedule in the editor', () => {
  it('is one undo step', () => {
    const store = createEditorStore(scheduledDto());
    expect(setFlowSchedule(store, { ...DEFAULT_SCHEDULE, hours: '7' })).toBeNull();
    expect(hours(store.getState().flow.data.cron)).toBe('7');
    store.temporal.getState().undo();
    expect(hours(store.getState().flow.data.cron)).toBe('9');
  });

  it('refuses an invalid schedule with its message and changes nothing', () => {
    const store = createEditorStore(scheduledDto());
    const before = store.getState().flow;
    const problems = setFlowSchedule(store, { ...DEFAULT_SCHEDULE, minutes: '75' });
    expect(problems?.map((p) => [p.code, p.path])).toEqual([['SCHEDULE_E003', 'minutes']]);
    expect(store.getState().flow).toBe(before);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });
});
