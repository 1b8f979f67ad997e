/** Flows for the Inspector's browser tests: a folder and flow made in the UI, content seeded through the API. */
import type { APIRequestContext, Page } from '@playwright/test';
import { catalog } from '../src/catalog/index.ts';
import { createCard } from '../src/model/catalog.ts';
import { unwrap } from '../src/model/errors.ts';
import { setEvent } from '../src/model/flows.ts';
import { insertCard } from '../src/model/insert.ts';
import type { RawFloData } from '../src/model/raw.ts';
import { allCardIds } from '../src/model/scope.ts';
import type { FlowDto } from '../src/server/dto.ts';
import { expect } from './fixtures.ts';
import { openInspector, showOutline } from './studio.ts';

export const DELEGATED = 'root:kernel:http:delegated';
export const HELPER = 'root:kernel:control:callable';
export const SLACK_NOTIFY = [
  'root:channels:http:okta:readUser',
  'root:kernel:string:compose',
  'root:channels:http:slack:sendMessageToChannel2',
];

/** Flow content built with the model: an event card followed by catalog cards. */
export function content(data: RawFloData, event: string, cards: readonly string[]): RawFloData {
  let d = unwrap(setEvent(data, createCard(catalog, event, allCardIds(data))));
  for (const id of cards) {
    const card = createCard(catalog, id, allCardIds(d));
    d = unwrap(insertCard(d, { kind: 'end' }, card, { catalog })).data;
  }
  return d;
}

/** Creates a folder and a new flow through the UI; returns their ids. */
export async function newFlow(
  page: Page,
  url: string,
): Promise<{ flowId: string; folderId: string }> {
  await page.goto(url);
  await page.getByRole('button', { name: 'New folder' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Entity Risk');
  await dialog.getByRole('button', { name: 'Create folder' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'New flow' }).click();
  await expect(page.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  // The outline is off by default; once shown it stays shown.
  await showOutline(page);
  const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
  return { flowId: hash.get('flow') ?? '', folderId: hash.get('folder') ?? '' };
}

/** Replaces a flow's content (and optionally its name) through the API. */
export async function seed(
  request: APIRequestContext,
  url: string,
  flowId: string,
  build: (data: RawFloData) => RawFloData,
  name?: string,
): Promise<void> {
  const flow = (await (await request.get(`${url}/api/flows/${flowId}`)).json()) as FlowDto;
  const res = await request.put(`${url}/api/flows/${flowId}`, {
    data: {
      baseRevision: flow.revision,
      content: build(flow.content),
      ...(name === undefined ? {} : { name }),
    },
  });
  expect(res.ok()).toBe(true);
}

/** A new "Risk Policy - Low (Notify)" flow: Delegated Flow → Read User → Compose → Slack. */
export async function slackFlow(page: Page, url: string, extra: readonly string[] = []) {
  const ids = await newFlow(page, url);
  await seed(
    page.request,
    url,
    ids.flowId,
    (d) => content(d, DELEGATED, [...SLACK_NOTIFY, ...extra]),
    'Risk Policy - Low (Notify)',
  );
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Risk Policy - Low (Notify)' })).toBeVisible();
  await openInspector(page);
  return ids;
}

export const outline = (page: Page) => page.getByRole('list', { name: /^Cards of / });
export const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
