import { expect, test, validateFlopack } from './fixtures.ts';
import { cardOrder, fromTemplate, newFolder } from './studio.ts';

test('the quarantine template creates its flow and helper flow, which export as a valid flopack', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await newFolder(page, 'Entity Risk');
  await fromTemplate(page, 'Quarantine and deactivate');

  await expect(
    page.getByRole('heading', { name: 'Risk Policy - High (Quarantine)' }),
  ).toBeVisible();
  await expect(page.locator('.react-flow__node-card').first()).toBeVisible();
  await expect
    .poll(() => cardOrder(page))
    .toEqual([
      'Events – Delegated Flow',
      'Okta – Get Users Groups',
      'List – For Each',
      'Note “At-risk group”',
      'Okta – Add User to At-Risk Group',
      'Okta – Deactivate User',
    ]);
  const flows = page.getByRole('list', { name: 'Flows in Entity Risk' });
  await expect(flows.getByText('Remove user from group')).toBeVisible();

  await page
    .getByRole('list', { name: /^Cards of / })
    .getByRole('button', { name: /^List – For Each/ })
    .click();
  const panel = page.getByRole('complementary', { name: 'Inspector' });
  await expect(panel.getByText('Calls Remove user from group')).toBeVisible();
  await panel.getByRole('button', { name: 'Open helper flow' }).click();
  await expect
    .poll(() => cardOrder(page))
    .toEqual([
      'Events – Helper Flow',
      'Object – Get Multiple',
      'Branching – Continue If not Everyone',
      'Okta – Remove User from Group',
    ]);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /^Export folder “Entity Risk”/ }).click();
  const file = await (await download).path();
  expect(validateFlopack(file)).toBe(`${file}: ok`);
});
