import { expect, test } from './fixtures.ts';
import { fromTemplate, newFolder } from './studio.ts';

test('a test run of the quarantine template shows each card and what it did to the mock org', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await newFolder(page, 'Entity Risk');
  await fromTemplate(page, 'Quarantine and deactivate', { 'At-risk group': '00g5atriskusers' });
  await expect(
    page.getByRole('heading', { name: 'Risk Policy - High (Quarantine)' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Test run' }).click();
  const panel = page.getByRole('complementary', { name: 'Test run' });
  await panel
    .getByLabel('Okta User ID (the at-risk user)')
    .selectOption({ label: 'Alice Example (active)' });
  await panel.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(panel.getByRole('status')).toHaveText('Run completed.');
  const steps = panel.getByRole('list', { name: 'Cards run in Risk Policy - High (Quarantine)' });
  await expect(steps).toContainText('Get Users Groups');
  await expect(steps).toContainText('Ran “Remove user from group” 4 time(s).');
  await expect(
    panel.getByRole('list', { name: 'Cards run in Remove user from group' }).first(),
  ).toContainText('The condition is false');
  await expect(panel).toContainText(
    'Alice Example: status DEPROVISIONED; groups Everyone, Payroll Approvers, At-Risk Users; sessions 0',
  );

  // The org keeps the run's effects: a second run finds Alice already deactivated.
  await panel.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(panel.getByLabel('Okta User ID (the at-risk user)')).toContainText(
    'Alice Example (deprovisioned)',
  );
  await panel.getByRole('button', { name: 'Reset mock org' }).click();
  await expect(panel.getByLabel('Okta User ID (the at-risk user)')).toContainText(
    'Alice Example (active)',
  );
});
