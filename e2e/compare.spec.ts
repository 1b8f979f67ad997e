import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { addEvent, card, flowAction, newFlowInFolder, paletteItem } from './studio.ts';
import { saveFlow } from './flowFile.ts';

test('compares the draft with a saved version and with an exported file, marking the cards', async ({
  page,
  studio,
}) => {
  await newFlowInFolder(page, studio.url);
  await addEvent(page);
  for (const [q, name] of [
    ['get users groups', 'Okta – Get Users Groups'],
    ['add user to group', 'Okta – Add User to Group'],
  ] as const)
    await (await paletteItem(page, q, name)).click();
  await saveFlow(page);

  // Export this saved version for the file comparison below.
  await flowAction(page, 'Export');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /^Export flow/ }).click();
  const file = await (await download).path();

  // Edit: add Deactivate User after Add User to Group, remove Get Users Groups.
  await card(page, /^Okta – Add User to Group/).focus();
  await (await paletteItem(page, 'deactivate user', 'Okta – Deactivate User')).click();
  await card(page, /^Okta – Get Users Groups/).focus();
  await page.keyboard.press('Delete');

  await flowAction(page, 'Compare');
  const dialog = page.getByRole('dialog', { name: 'Compare' });
  await dialog.getByLabel('Compare the current draft with').selectOption('2');
  const changes = dialog.getByRole('region', { name: 'Changes' });
  await expect(changes).toContainText("Card 'Deactivate User' added after 'Add User to Group'");
  await expect(changes).toContainText("Card 'Get Users Groups' removed");
  const canvas = dialog.getByRole('application', { name: 'Comparison canvas' });
  await expect(canvas.getByRole('group', { name: 'Okta – Deactivate User, added' })).toBeVisible();
  await expect(
    canvas.getByRole('group', { name: 'Okta – Get Users Groups, removed' }),
  ).toBeVisible();

  await dialog.getByLabel('…or a flopack file').setInputFiles(file);
  await expect(dialog.getByText(/^Comparing with/)).toBeVisible();
  await expect(changes).toContainText("Card 'Deactivate User' added");
  expect(JSON.parse(await readFile(file, 'utf8'))).toHaveProperty('type', 'flopack');

  // The draft against its own export after saving: no changes.
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await saveFlow(page);
  await flowAction(page, 'Compare');
  await page
    .getByRole('dialog', { name: 'Compare' })
    .getByLabel('Compare the current draft with')
    .selectOption('3');
  await expect(
    page.getByRole('dialog', { name: 'Compare' }).getByRole('region', { name: 'Changes' }),
  ).toContainText('No changes');
});
