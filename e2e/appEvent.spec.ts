import { expect, test } from './fixtures.ts';
import { cardOrder, newFlowInFolder, paletteItem } from './studio.ts';
import { exportedText, saveFlow } from './flowFile.ts';

test('an Okta event flow: cards go inside Okta’s event wrapper and the export is valid', async ({
  page,
  studio,
}) => {
  await newFlowInFolder(page, studio.url);
  await page.getByRole('button', { name: 'Add event' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add event' });
  await dialog.getByText(/^App events/).click();
  await dialog.getByRole('button', { name: 'Okta – User Suspended' }).click();
  await expect(page.getByRole('main').getByText('App event', { exact: true })).toBeVisible();
  await (await paletteItem(page, 'read user', 'Okta – Read User')).click();
  await (
    await paletteItem(page, 'send message to channel', 'Slack – Send Message to Channel')
  ).click();
  await expect
    .poll(() => cardOrder(page))
    .toEqual([
      'Okta – User Suspended',
      'List – For Each - Ignore Errors',
      'Okta – Read User',
      'Slack – Send Message to Channel',
    ]);
  await expect(page.locator('.react-flow__node-arm').filter({ hasText: 'For each' })).toBeVisible();
  await saveFlow(page);
  await exportedText(page);
});
