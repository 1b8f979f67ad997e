import { describe, expect, it } from 'vitest';
import { catalog, makeWorkspace } from '../../../tests/builders.ts';
import { unwrap } from '../errors.ts';
import { scheduledEvent } from '../events.ts';
import { createFlow, setEvent } from '../flows.ts';
import { allCardIds } from '../scope.ts';
import type { Flow } from '../workspace.ts';
import { lintFlow } from './lint.ts';

function scheduled(cron?: Record<string, string | number>): Flow {
  const { ws, folderId } = makeWorkspace();
  const { flow } = unwrap(createFlow(ws, folderId));
  const data = unwrap(
    setEvent(flow.data, scheduledEvent(catalog, allCardIds(flow.data)), { scheduled: true }),
  );
  return { ...flow, data: cron ? { ...data, cron: { ...(data.cron as object), ...cron } } : data };
}

describe('invalid-schedule rule', () => {
  it('finds nothing in a new Scheduled Flow', () => {
    expect(
      lintFlow(scheduled(), { flows: [] }).filter((f) => f.rule === 'invalid-schedule'),
    ).toEqual([]);
  });

  it('reports each invalid cron field as a coded error on the event card', () => {
    const flow = scheduled({ hours: '25', timeZone: 'Nowhere/City' });
    const found = lintFlow(flow, { flows: [] }).filter((f) => f.rule === 'invalid-schedule');
    expect(found.map((f) => [f.severity, f.message.slice(0, 14)])).toEqual([
      ['error', 'SCHEDULE_E003:'],
      ['error', 'SCHEDULE_E004:'],
    ]);
    expect(found[0]?.message).toMatch(/Hours "25" is not valid/);
    expect(found[0]?.card).toBeDefined();
  });
});
