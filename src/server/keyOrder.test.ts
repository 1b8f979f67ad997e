import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalog } from '../../tests/builders.ts';
import { corpusText, itCorpus } from '../../tests/corpus.ts';
import type { FlowDto, FolderDto, ImportDto } from './dto.ts';
import { unwrap } from '../model/errors.ts';
import { scheduledEvent } from '../model/events.ts';
import { setEvent } from '../model/flows.ts';
import type { RawFloData } from '../model/raw.ts';
import { CRON_KEYS, DEFAULT_SCHEDULE, setSchedule } from '../model/schedule.ts';
import { allCardIds } from '../model/scope.ts';
import { createApp } from './app.ts';
import { openSqliteStore } from './storage/sqlite.ts';
import type { Store } from './storage/store.ts';

let store: Store;
let app: Hono;

beforeEach(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'flopack-order-'));
  store = openSqliteStore(path.join(dir, 'studio.sqlite'));
  app = createApp({ store });
});
afterEach(() => store.close());

async function call<T>(method: string, url: string, body?: unknown, raw?: string): Promise<T> {
  const init: RequestInit = { method };
  if (method !== 'GET') init.headers = { 'content-type': 'application/json' };
  if (raw !== undefined) init.body = raw;
  else if (body !== undefined) init.body = JSON.stringify(body);
  const res = await app.request(url, init);
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBeLessThan(300);
  return (url.startsWith('/api/export') ? text : JSON.parse(text)) as T;
}

type Pack = { data: { flos: Record<string, { data: RawFloData }> } };

/** Saves a flow's content back unchanged, as the studio's Save does after an edit. */
async function resave(id: string): Promise<void> {
  const flow = await call<FlowDto>('GET', `/api/flows/${id}`);
  await call('PUT', `/api/flows/${id}`, {
    baseRevision: flow.revision,
    name: flow.name,
    description: flow.description,
    content: flow.content,
  });
}

describe('key order through the server', () => {
  it('a Scheduled Flow saved through the server exports its cron in Okta’s key order', async () => {
    const folder = await call<FolderDto>('POST', '/api/folders', { name: 'Jobs', parentId: null });
    const flow = await call<FlowDto>('POST', '/api/flows', { folderId: folder.id });
    const data = flow.content;
    const event = scheduledEvent(catalog, allCardIds(data));
    const scheduled = unwrap(setEvent(data, event, { scheduled: true }));
    const content = unwrap(setSchedule(scheduled, { ...DEFAULT_SCHEDULE, hours: '7' }));
    await call('PUT', `/api/flows/${flow.id}`, { baseRevision: flow.revision, content });

    const text = await call<string>('GET', `/api/export?flow=${flow.id}`);
    const cron = (JSON.parse(text) as Pack).data.flos[flow.id]?.data.cron ?? {};
    expect(Object.keys(cron)).toEqual(CRON_KEYS);
    expect(text).toContain('"cron":{"seconds":"00","minutes":"0","hours":"7",');
  });

  itCorpus(
    'a real export imported, saved and exported again keeps every flow’s bytes and key order',
    async () => {
      // Scheduled flows (one writes timeZone before startDate), helpers and app cards.
      for (const name of ['raw_http_connection_gsuite', 'identify_inactive_okta_users']) {
        const text = corpusText(name);
        const folder = await call<FolderDto>('POST', '/api/folders', { name, parentId: null });
        const imported = await call<ImportDto>(
          'POST',
          `/api/import?folder=${folder.id}`,
          undefined,
          text,
        );
        for (const id of imported.flowIds) await resave(id);
        const root = imported.folderIds[0] as string;
        const back = JSON.parse(await call<string>('GET', `/api/export?folder=${root}`)) as Pack;
        const original = JSON.parse(text) as Pack;
        expect(Object.keys(back.data.flos)).toEqual(Object.keys(original.data.flos));
        for (const [id, flo] of Object.entries(original.data.flos))
          expect(JSON.stringify(back.data.flos[id]?.data), `${name} ${id}`).toBe(
            JSON.stringify(flo.data),
          );
      }
    },
    60_000,
  );
});
