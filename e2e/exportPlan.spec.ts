import { expect, test } from './fixtures.ts';
import { flowAction } from './studio.ts';
import type { Page } from '@playwright/test';
import type { FixtureName } from '../tests/fixtures/flopacks.ts';
import { fixtureFile } from '../tests/fixtures/flopacks.ts';

async function importFixture(page: Page, name: FixtureName, summary: string): Promise<void> {
  await page.getByRole('button', { name: 'Import' }).click();
  await page
    .getByLabel('Flopack file (.flopack, .folder or .flow)')
    .setInputFiles(fixtureFile(name));
  await expect(page.getByRole('dialog').getByRole('status')).toContainText(summary);
  await page.getByRole('button', { name: 'Done' }).click();
}

test('the Export dialog lists the import plan of what is exported, as `flopack plan` does', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await importFixture(page, 'tables-connections', 'Imported 1 flow(s) in 1 folder(s), 1 table(s)');
  await importFixture(page, 'helpers', 'Imported 2 flow(s)');

  // The second file went into the selected folder; go back to the first one.
  await page
    .getByRole('tree', { name: 'Folders' })
    .getByRole('button', { name: /^Audit/ })
    .click();
  const audit = page.getByRole('list', { name: 'Flows in Audit' });
  await audit.getByText('Audit at-risk users').click();
  await expect(page.getByRole('heading', { name: 'Audit at-risk users' })).toBeVisible();
  await flowAction(page, 'Export');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const plan = dialog.getByRole('region', { name: 'Import plan' });

  // The flow on its own: its connection (app, cards using it), its table, the flow limit.
  await expect(plan.getByRole('radio', { name: 'Flow “Audit at-risk users”' })).toBeChecked();
  await expect(plan.getByRole('status')).toHaveText(
    'Importing creates 1 new flow(s), all OFF, with new ids.',
  );
  await expect(plan.getByRole('list', { name: 'Connections to reselect' })).toHaveText(
    'okta — “example.okta.com”: 1 card',
  );
  await expect(
    plan.getByRole('list', { name: 'Tables (the columns travel, the rows do not)' }),
  ).toHaveText('“At-risk users”: User ID, Seen');
  await expect(
    plan.getByRole('list', { name: 'Flows to turn ON, in this order (helper flows first)' }),
  ).toHaveText('“Audit at-risk users” (delegated flow)');
  await expect(plan.getByRole('list', { name: 'Warnings' }).getByRole('listitem')).toHaveText([
    /^1 delegated flow\(s\) \(“Audit at-risk users”\) count toward the org's active-flow limit/,
  ]);
  await expect(plan.getByText('None.')).toHaveCount(1); // no API endpoints

  // The whole workspace: helper flows are turned ON before the flows that call them.
  await plan.getByRole('radio', { name: 'Whole workspace' }).check();
  await expect(plan.getByRole('status')).toHaveText(
    'Importing creates 3 new flow(s), all OFF, with new ids.',
  );
  await expect(
    plan
      .getByRole('list', { name: 'Flows to turn ON, in this order (helper flows first)' })
      .getByRole('listitem'),
  ).toHaveText([
    '“Check one group” (helper flow) — called by “Check every group”',
    '“Audit at-risk users” (delegated flow)',
    '“Check every group” (delegated flow)',
  ]);
  await expect(plan.getByRole('list', { name: 'Warnings' }).getByRole('listitem')).toHaveText([
    /^2 delegated flow\(s\) \(“Audit at-risk users”, “Check every group”\) count toward/,
  ]);
});
