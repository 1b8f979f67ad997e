import { expect, test } from './fixtures.ts';
import { cardOrder, fromTemplate, newFolder, openInspector, showOutline } from './studio.ts';
import { exportedText } from './flowFile.ts';

test('the quarantine template creates its flow and helper flow, which export as a valid flopack', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await newFolder(page, 'Entity Risk');
  await fromTemplate(page, 'Quarantine and deactivate', { 'At-risk group': '00g5atriskusers' });

  await expect(
    page.getByRole('heading', { name: 'Risk Policy - High (Quarantine)' }),
  ).toBeVisible();
  await expect(page.locator('.react-flow__node-card').first()).toBeVisible();
  await expect
    .poll(() => cardOrder(page))
    .toEqual([
      'Events – Delegated Flow',
      'Note “The at-risk user”',
      'Okta – Get Users Groups',
      'List – For Each',
      'Okta – Add User to At-Risk Group',
      'Okta – Deactivate User',
    ]);
  const flows = page.getByRole('list', { name: 'Flows in Entity Risk' });
  await expect(flows.getByText('Remove user from group')).toBeVisible();

  await (await showOutline(page)).getByRole('button', { name: /^List – For Each/ }).click();
  const panel = await openInspector(page);
  await expect(panel.getByText('Calls Remove user from group')).toBeVisible();
  await panel.getByRole('button', { name: 'Open helper flow' }).click();
  await expect
    .poll(() => cardOrder(page))
    .toEqual([
      'Events – Helper Flow',
      'Object – Get Multiple (group record)',
      'Branching – Continue If Okta group',
      'Error Handling – If Error (removal)',
      'Okta – Remove User from Group',
      'Flow Control – Return',
      'Flow Control – Return',
    ]);

  await exportedText(page, /^Export folder “Entity Risk”/);
});
