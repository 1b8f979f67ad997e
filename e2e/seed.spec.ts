/**
 * The seed document's first sample flow, built as an admin would: Delegated Flow → Okta – Read
 * User (ID or Login ← Okta User ID) → Text – Compose (the user's name and login) → Slack – Send
 * Message to Channel (Text ← Compose). Once by dragging, once by keyboard only.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import type { FlowDto, ImportDto } from '../src/server/dto.ts';
import { expect, test, validateFlopack } from './fixtures.ts';
import {
  addEvent,
  card,
  cardOrder,
  dragToCanvas,
  emptySpot,
  flowAction,
  newFlowInFolder,
  openInspector,
  paletteItem,
  showOutline,
} from './studio.ts';

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const ORDER = [
  'Events – Delegated Flow',
  'Okta – Read User',
  'Text – Compose',
  'Slack – Send Message to Channel',
];

async function nameFlow(page: Page): Promise<void> {
  await flowAction(page, 'Edit properties');
  const dialog = page.getByRole('dialog', { name: 'Flow properties' });
  await dialog.getByLabel('Name').fill('Risk Policy - Low (Notify)');
  await dialog
    .getByLabel('Description')
    .fill('Tells the security channel about a user whose risk rose.');
  await dialog.getByRole('button', { name: 'Apply' }).click();
}

/** Saves, exports the flow, checks it with Okta's reference validator, re-imports it. */
async function saveExportReimport(page: Page, url: string): Promise<void> {
  const save = page.getByRole('button', { name: 'Save', exact: true });
  if (await save.isEnabled()) await save.click();
  await expect(page.getByText('Unsaved changes')).toBeHidden();
  await flowAction(page, 'Export');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /^Export flow/ }).click();
  const file = await (await download).path();
  expect(validateFlopack(file)).toBe(`${file}: ok`);
  const text = await readFile(file, 'utf8');
  const exported = JSON.parse(text) as {
    data: { flos: Record<string, { name: string; data: FlowDto['content'] }> };
  };
  const [flowId, flo] = Object.entries(exported.data.flos)[0] ?? [];
  expect(flo?.name).toBe('Risk Policy - Low (Notify)');
  expect(flo?.data.security_level).toBe('high');

  // Re-import into a new folder: the same flow comes back (the id was taken, so it gets a new one).
  const folder = (await (
    await page.request.post(`${url}/api/folders`, { data: { name: 'Re-imported', parentId: null } })
  ).json()) as { id: string };
  const imported = (await (
    await page.request.post(`${url}/api/import?folder=${folder.id}`, {
      data: text,
      headers: { 'content-type': 'application/json' },
    })
  ).json()) as ImportDto;
  const again = (await (
    await page.request.get(`${url}/api/flows/${imported.flowIds[0]}`)
  ).json()) as FlowDto;
  const original = (await (await page.request.get(`${url}/api/flows/${flowId}`)).json()) as FlowDto;
  expect(again.name).toBe(original.name);
  expect({ ...again.content, uuid: null, group: null }).toEqual({
    ...original.content,
    uuid: null,
    group: null,
  });
}

async function checkMappings(page: Page): Promise<void> {
  const outline = await showOutline(page);
  await expect(outline).toContainText('ID or Login: ← Delegated Flow · Okta User ID');
  await expect(outline).toContainText('← Read User · First name');
  await expect(outline).toContainText('← Read User · Username');
  await expect(outline).toContainText('Text: ← Compose · output');
}

test('the Slack notification flow, built by dragging cards, exports a valid flopack that re-imports the same', async ({
  page,
  studio,
}) => {
  await newFlowInFolder(page, studio.url);
  await nameFlow(page);
  await addEvent(page);
  await dragToCanvas(page, await paletteItem(page, 'read user', 'Okta – Read User'), emptySpot());
  await dragToCanvas(page, await paletteItem(page, 'compose', 'Text – Compose'), emptySpot());
  await dragToCanvas(
    page,
    await paletteItem(page, 'send message to channel', 'Slack – Send Message to Channel'),
    emptySpot(),
  );
  await expect.poll(() => cardOrder(page)).toEqual(ORDER);

  const panel = await openInspector(page);
  await card(page, /^Okta – Read User/).focus();
  await panel
    .getByRole('combobox', { name: 'Map ID or Login from' })
    .selectOption({ label: 'Okta User ID' });

  await card(page, /^Text – Compose/).focus();
  await panel.getByLabel('Text', { exact: true }).fill('At-risk user:');
  await panel.getByRole('button', { name: 'Insert field' }).click();
  await panel
    .getByRole('combobox', { name: 'Map Field 1 from' })
    .selectOption({ label: 'First name' });
  await panel.getByRole('button', { name: 'Insert field' }).click();
  await panel
    .getByRole('combobox', { name: 'Map Field 2 from' })
    .selectOption({ label: 'Username' });

  await card(page, /^Slack – Send Message to Channel/).focus();
  await panel.getByRole('combobox', { name: 'Map Text from' }).selectOption({ label: 'output' });
  await checkMappings(page);
  await saveExportReimport(page, studio.url);
});

/** Moves focus with Tab (or Shift+Tab) until `target` has it, as a keyboard user does. */
async function tabTo(page: Page, target: Locator, backwards = false): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error('could not reach the control with Tab');
}

test('the same flow built by keyboard only', async ({ page, studio }) => {
  await newFlowInFolder(page, studio.url);
  await nameFlow(page);
  await page.locator('body').focus();
  const kb = page.keyboard;
  await kb.press('e');
  await expect(
    page
      .getByRole('dialog', { name: 'Add event' })
      .getByRole('button', { name: /^Delegated Flow/ }),
  ).toBeFocused();
  await kb.press('Enter');
  await expect(card(page, /^Events – Delegated Flow/)).toBeFocused();

  const addCard = async (query: string, name: string) => {
    await kb.press('a');
    await expect(page.getByLabel('Search cards')).toBeFocused();
    await kb.type(query);
    await expect(page.getByRole('option', { name, exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await kb.press('Enter');
    await expect(card(page, new RegExp(`^${name}`))).toBeFocused();
  };
  await addCard('read user', 'Okta – Read User');
  // Map ID or Login: I opens the Inspector; the map list takes type-ahead.
  await kb.press('i');
  const panel = inspector(page);
  const mapId = panel.getByRole('combobox', { name: 'Map ID or Login from' });
  await tabTo(page, mapId);
  await kb.type('Okta User ID');
  await expect(panel.getByText('← Delegated Flow · Okta User ID')).toBeVisible();
  await kb.press('Escape');
  await expect(card(page, /^Okta – Read User/)).toBeFocused();

  await addCard('compose', 'Text – Compose');
  await kb.press('i');
  const text = panel.getByLabel('Text', { exact: true });
  await tabTo(page, text);
  await kb.type('At-risk user:');
  const insert = panel.getByRole('button', { name: 'Insert field' });
  for (const [field, output] of [
    ['Field 1', 'First name'],
    ['Field 2', 'Username'],
  ] as const) {
    // The field list sits below Insert field: back up to it, then on to the new field's map.
    await tabTo(page, insert, field !== 'Field 1');
    await kb.press('Enter');
    const map = panel.getByRole('combobox', { name: `Map ${field} from` });
    await tabTo(page, map);
    await kb.type(output);
    await expect(panel.getByText(`← Read User · ${output}`)).toBeVisible();
  }
  await kb.press('Escape');

  await addCard('send message to channel', 'Slack – Send Message to Channel');
  await kb.press('i');
  const mapText = panel.getByRole('combobox', { name: 'Map Text from' });
  await tabTo(page, mapText);
  await kb.type('output');
  await kb.press('Escape');
  await expect.poll(() => cardOrder(page)).toEqual(ORDER);
  await checkMappings(page);
  await kb.press('Control+s');
  await expect(page.getByText('Unsaved changes')).toBeHidden();
  await saveExportReimport(page, studio.url);
});
