import { expect, test } from './fixtures.ts';
import { card, fromTemplate, newFolder } from './studio.ts';

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

test('the test run shows the mock org, warns about a group ID it lacks before the run, and marks each card on the canvas', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await newFolder(page, 'Entity Risk');
  await fromTemplate(page, 'Quarantine and deactivate', { 'At-risk group': '00g5wrong' });
  await expect(
    page.getByRole('heading', { name: 'Risk Policy - High (Quarantine)' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Test run' }).click();
  const panel = page.getByRole('complementary', { name: 'Test run' });

  // The mock org's users and groups, with their IDs.
  const org = panel.getByRole('region', { name: 'Mock org' });
  const groups = org.getByRole('table', { name: 'Mock org groups' });
  await expect(groups.getByRole('row', { name: /Everyone/ })).toContainText('00g0everyone');
  await expect(groups.getByRole('row', { name: /At-Risk Users/ })).toContainText('00g5atriskusers');
  await expect(groups.getByRole('button', { name: 'Copy ID 00g5atriskusers' })).toBeVisible();
  await expect(
    org.getByRole('table', { name: 'Mock org users' }).getByRole('row', { name: /Alice/ }),
  ).toContainText('00u1alice');

  // The typed group ID the org lacks is said before the run, naming the card and the input.
  const warnings = panel.getByRole('region', { name: 'IDs the mock org does not have' });
  await expect(warnings).toContainText('“Add User to At-Risk Group” · Group ID is "00g5wrong"');
  await panel.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(panel).toContainText('The run did not start');
  // Run anyway: the card fails with Okta's 404 and the canvas says so on each card.
  await panel.getByRole('button', { name: 'Run anyway' }).click();
  await expect(panel.getByRole('status')).toContainText('Run failed');
  await expect(card(page, /Add User to At-Risk Group/)).toContainText(
    'Failed: Okta answered 404: no group "00g5wrong"',
  );
  await expect(card(page, /Deactivate User/)).toContainText('Not reached');
  await expect(card(page, /Deactivate User/)).toHaveAccessibleDescription(/Not reached/);

  // Choosing the suggestion fixes the card; the edit clears the canvas statuses.
  await panel.getByRole('button', { name: 'Reset mock org' }).click();
  await warnings.getByRole('button', { name: 'use At-Risk Users (00g5atriskusers)' }).click();
  await expect(warnings).toHaveCount(0);
  await expect(card(page, /Deactivate User/)).not.toContainText('Not reached');

  await panel.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(panel.getByRole('status')).toHaveText('Run completed.');
  for (const title of [
    'Get Users Groups',
    'For Each',
    'Add User to At-Risk Group',
    'Deactivate User',
  ]) {
    await expect(card(page, new RegExp(title))).toContainText('Ran');
    await expect(card(page, new RegExp(title))).toHaveAccessibleDescription(/Ran/);
  }
  // If Error lanes are named by the card and the arm; none is listed as a Helper Flow.
  const lanes = panel.getByRole('list', { name: /^Cards run in If Error \(removal\) › / });
  await expect(lanes).toHaveCount(4);
  await expect(
    panel.getByRole('list', { name: 'Cards run in If Error (removal) › If Error' }),
  ).toHaveCount(1);
  await expect(lanes.filter({ hasText: 'Helper Flow' })).toHaveCount(0);
  await expect(panel).not.toContainText('· :');
  // What the run changed, in words.
  await expect(
    org.getByRole('table', { name: 'Mock org users' }).getByRole('row', { name: /Alice/ }),
  ).toContainText('Changed: status ACTIVE → DEPROVISIONED');
  await expect(groups.getByRole('row', { name: /At-Risk Users/ })).toContainText(
    'Changed: members 0 → 1',
  );

  // Closing the Test run clears the statuses from the canvas.
  await page.getByRole('button', { name: 'Close the panel' }).click();
  await expect(card(page, /Deactivate User/)).not.toContainText('Ran');
});
