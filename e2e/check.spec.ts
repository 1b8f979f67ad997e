import { expect, test } from './fixtures.ts';
import { addEvent, card, newFlowInFolder, paletteItem } from './studio.ts';
import { newConnection } from './flowFile.ts';

test('Check lists what is missing, leads to the card, and clears once fixed', async ({
  page,
  studio,
}) => {
  await newFlowInFolder(page, studio.url);
  await addEvent(page);
  await (await paletteItem(page, 'read user', 'Okta – Read User')).click();
  const check = page.getByRole('button', { name: /^Check: 0 errors, 2 warnings/ });
  await expect(check).toBeVisible();
  await check.click();
  const panel = page.getByRole('complementary', { name: 'Check' });
  const finding = panel.getByRole('button', { name: /“Read User” needs “ID or Login”/ });
  await finding.click();
  await expect(card(page, /^Okta – Read User/)).toHaveClass(/selected/);
  await page
    .getByRole('complementary', { name: 'Inspector' })
    .getByRole('combobox', { name: 'Map ID or Login from' })
    .selectOption({ label: 'Okta User ID' });
  // The app card still needs a connection: a new "Okta" one, named in a dialog.
  await expect(page.getByRole('button', { name: /^Check: 0 errors, 1 warnings/ })).toBeVisible();
  await expect(card(page, /^Okta – Read User/)).toContainText('No connection');
  const connection = page
    .getByRole('complementary', { name: 'Inspector' })
    .getByRole('combobox', { name: 'Connection' });
  await newConnection(page, connection);
  await expect(card(page, /^Okta – Read User/)).toContainText('· Okta');
  const clean = page.getByRole('button', { name: /^Check: 0 errors, 0 warnings/ });
  await expect(clean).toBeVisible();
  await clean.click();
  await expect(panel).toContainText('No problems found.');
});
