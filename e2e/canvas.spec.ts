import { readFile } from 'node:fs/promises';
import { expect, sharedFlopack, test } from './fixtures.ts';
import {
  addEvent,
  card,
  cardOrder,
  dragToCanvas,
  emptySpot,
  flowAction,
  gapAfter,
  newFlowInFolder,
  openInspector,
  paletteItem,
} from './studio.ts';
import { saveFlow } from './flowFile.ts';

test('cards dragged onto empty canvas are appended, and onto a gap are inserted there', async ({
  page,
  studio,
}) => {
  await newFlowInFolder(page, studio.url);
  await addEvent(page);
  await expect(card(page, 'Events – Delegated Flow, card 1 of 1')).toBeVisible();
  await dragToCanvas(page, await paletteItem(page, 'read user', 'Okta – Read User'), emptySpot());
  await dragToCanvas(
    page,
    await paletteItem(page, 'send message to channel', 'Slack – Send Message to Channel'),
    emptySpot(),
  );
  await expect
    .poll(() => cardOrder(page))
    .toEqual(['Events – Delegated Flow', 'Okta – Read User', 'Slack – Send Message to Channel']);

  const readUser = card(page, /^Okta – Read User/);
  await dragToCanvas(
    page,
    await paletteItem(page, 'compose', 'Text – Compose'),
    await gapAfter(page, readUser),
  );
  await expect
    .poll(() => cardOrder(page))
    .toEqual([
      'Events – Delegated Flow',
      'Okta – Read User',
      'Text – Compose',
      'Slack – Send Message to Channel',
    ]);
  await expect(page.getByText('Unsaved changes')).toBeVisible();
});

test('a card goes into an If/Else branch, and a card is reordered by dragging', async ({
  page,
  studio,
}) => {
  await newFlowInFolder(page, studio.url);
  await addEvent(page);
  await dragToCanvas(page, await paletteItem(page, 'if/else', 'Branching – If/Else'), emptySpot());
  await dragToCanvas(
    page,
    await paletteItem(page, 'deactivate', 'Okta – Deactivate User'),
    emptySpot(),
  );
  const falseBranch = page.locator('.react-flow__node-branch').filter({ hasText: 'False' });
  await dragToCanvas(
    page,
    await paletteItem(page, 'suspend', 'Okta – Suspend User'),
    await gapAfter(page, falseBranch),
  );
  const suspend = card(page, /^Okta – Suspend User/);
  const deactivate = card(page, /^Okta – Deactivate User/);
  const falseBox = await falseBranch.boundingBox();
  const suspendBox = await suspend.boundingBox();
  expect(Math.abs((suspendBox?.y ?? 0) - (falseBox?.y ?? 0))).toBeLessThan(40);
  await expect
    .poll(() => cardOrder(page))
    .toEqual([
      'Events – Delegated Flow',
      'Branching – If/Else',
      'Okta – Suspend User',
      'Okta – Deactivate User',
    ]);

  // Drag Deactivate User back to right after the event: it moves before the If/Else.
  await page
    .getByRole('toolbar', { name: 'Editing' })
    .getByRole('button', { name: 'Fit the flow in view' })
    .click();
  await page.waitForTimeout(300);
  const event = await card(page, /^Events – Delegated Flow/).boundingBox();
  const from = await deactivate.boundingBox();
  if (!event || !from) throw new Error('no boxes');
  await page.mouse.move(from.x + 30, from.y + 10);
  await page.mouse.down();
  await page.mouse.move(event.x + event.width + 4, event.y + 10, { steps: 15 });
  await expect(page.locator('.react-flow__node-marker')).toBeVisible();
  await page.mouse.up();
  await expect
    .poll(() => cardOrder(page))
    .toEqual([
      'Events – Delegated Flow',
      'Okta – Deactivate User',
      'Branching – If/Else',
      'Okta – Suspend User',
    ]);
});

test('undo five steps and redo them back to the same export', async ({ page, studio }) => {
  await newFlowInFolder(page, studio.url);
  await addEvent(page);
  for (const [q, name] of [
    ['read user', 'Okta – Read User'],
    ['compose', 'Text – Compose'],
    ['continue if', 'Branching – Continue If'],
    ['send message to channel', 'Slack – Send Message to Channel'],
  ] as const) {
    await (await paletteItem(page, q, name)).click();
  }
  await saveFlow(page);
  const exportFlow = async (): Promise<unknown> => {
    await flowAction(page, 'Export');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /^Export flow/ }).click();
    return (JSON.parse(await readFile(await (await download).path(), 'utf8')) as { data: unknown })
      .data;
  };
  const before = await exportFlow();
  const undo = page.getByRole('toolbar', { name: 'Editing' }).getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('toolbar', { name: 'Editing' }).getByRole('button', { name: 'Redo' });
  for (let i = 0; i < 5; i++) await undo.click();
  await expect(page.getByRole('button', { name: 'Add event' })).toBeVisible();
  await expect.poll(() => cardOrder(page)).toEqual([]);
  await expect(undo).toBeDisabled();
  await page.keyboard.press('Control+Shift+Z');
  for (let i = 0; i < 4; i++) await redo.click();
  await expect(redo).toBeDisabled();
  await expect.poll(() => cardOrder(page)).toHaveLength(5);
  await expect(page.getByText('Unsaved changes')).toBeHidden();
  await expect.poll(exportFlow).toEqual(before);
});

test('[corpus] opens a real delegated flow and shows every card in order', async ({
  page,
  studio,
  request,
}) => {
  const { text } = sharedFlopack('suspend_okta_account_ispm_remediation_flow');
  const folder = (await (
    await request.post(`${studio.url}/api/folders`, { data: { name: 'ISPM', parentId: null } })
  ).json()) as { id: string };
  await request.post(`${studio.url}/api/import?folder=${folder.id}`, {
    data: text,
    headers: { 'content-type': 'application/json' },
  });
  await page.goto(studio.url);
  await page.getByRole('treeitem', { name: /ISPM/ }).getByRole('button', { name: /ISPM/ }).click();
  await page.getByRole('list', { name: 'Flows in ISPM' }).getByRole('button').first().click();
  await expect(card(page, /^Events – Delegated Flow, card 1 of/)).toBeVisible();
  // The If Error card holds its Try and If Error branches; their cards follow it.
  await expect
    .poll(() => cardOrder(page))
    .toEqual([
      'Events – Delegated Flow',
      'Note “Assign”',
      'Flow Control – Assign',
      'Error Handling – If Error',
      'Okta – Suspend User',
      'Tables – Create Row',
      'Flow Control – Return',
      'Tables – Create Row',
      'Flow Control – Return',
      'Note “Actions Performed”',
    ]);
  await expect(page.locator('.react-flow__node-arm').filter({ hasText: 'Try' })).toBeVisible();
  await expect(page.locator('.react-flow__node-arm').filter({ hasText: 'If Error' })).toBeVisible();
});

test('an output dragged from the Inspector onto a later card maps into the input chosen', async ({
  page,
  studio,
}) => {
  await newFlowInFolder(page, studio.url);
  await addEvent(page);
  await (await paletteItem(page, 'read user', 'Okta – Read User')).click();
  await (await paletteItem(page, 'deactivate user', 'Okta – Deactivate User')).click();
  await card(page, /^Okta – Read User/).focus();
  const panel = await openInspector(page);
  const output = panel
    .getByRole('region', { name: 'Outputs' })
    .getByRole('listitem')
    .filter({ hasText: /^ID/ })
    .first();
  await output.dragTo(card(page, /^Okta – Deactivate User/));
  const menu = page.getByRole('menu', { name: 'Map ID into Deactivate User' });
  await menu.getByRole('menuitem', { name: 'ID or Login' }).click();
  await card(page, /^Okta – Deactivate User/).focus();
  await expect(panel.getByText('← Read User · ID')).toBeVisible();
});

test('a card inside If Error takes an outside card’s output, handed in by Okta’s wormhole', async ({
  page,
  studio,
}) => {
  await newFlowInFolder(page, studio.url);
  await addEvent(page);
  await (await paletteItem(page, 'read user', 'Okta – Read User')).click();
  await (await paletteItem(page, 'if error', 'Error Handling – If Error')).click();
  const tryLane = page.locator('.react-flow__node-arm').filter({ hasText: 'Try' });
  await dragToCanvas(
    page,
    await paletteItem(page, 'suspend user', 'Okta – Suspend User'),
    await gapAfter(page, tryLane),
  );
  await card(page, /^Okta – Suspend User/).focus();
  const panel = await openInspector(page);
  const map = panel.getByRole('combobox', { name: 'Map ID or Login from' });
  await expect(map.locator('optgroup[label="Outside: Okta – Read User"]')).toHaveCount(1);
  await map.selectOption({
    value:
      (await map
        .locator('optgroup[label="Outside: Okta – Read User"] option', { hasText: /^ID$/ })
        .getAttribute('value')) ?? '',
  });
  await expect(panel.getByText('← Read User · ID')).toBeVisible();
  await saveFlow(page);
});
