import { expect, test } from '@playwright/test';
import { flowAction, newFolder } from './studio.ts';
import type { TeamStudio } from './team.ts';
import { offline, signIn, startTeamStudio } from './team.ts';

let team: TeamStudio;
test.beforeEach(async () => {
  team = await startTeamStudio('editor');
});
test.afterEach(async () => {
  await team.stop();
});

test('someone else saving or deleting the open flow shows a banner that offers reload and compare, before any conflict', async ({
  browser,
}) => {
  const adaContext = await browser.newContext();
  const aliceContext = await browser.newContext();
  await offline(adaContext);
  await offline(aliceContext);
  const ada = await adaContext.newPage();
  const alice = await aliceContext.newPage();
  await signIn(ada, team, 'ada');
  await signIn(alice, team, 'alice');
  await expect(alice.getByText('Signed in as Alice Editor (editor)')).toBeVisible();

  await newFolder(ada, 'Entity Risk');
  await ada.getByRole('button', { name: 'New flow' }).click();
  await expect(ada.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  await alice
    .getByRole('treeitem', { name: /Entity Risk/ })
    .getByRole('button')
    .click();
  await alice.getByRole('button', { name: /^Unnamed/ }).click();
  await expect(alice.getByRole('heading', { name: 'Unnamed' })).toBeVisible();

  // Ada turns the flow ON: it applies at once, and Alice's page follows without a banner.
  await ada.getByRole('switch', { name: 'Flow is OFF' }).click();
  await expect(alice.getByRole('switch', { name: 'Flow is ON' })).toBeVisible();
  await expect(alice.getByText('Unsaved changes')).toBeHidden();

  // Ada's own save raises nothing on her page.
  await ada.getByLabel('Save all data that passes through the flow').check();
  await ada.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(ada.getByText('Unsaved changes')).toBeHidden();
  const aliceBanner = alice
    .getByRole('status', { name: 'Changes by others' })
    .filter({ hasText: 'Flow changed by' });
  await expect(aliceBanner).toHaveText(/Flow changed by ada@example\.com/);
  await expect(
    ada.getByRole('status', { name: 'Changes by others' }).filter({ hasText: 'Flow changed by' }),
  ).toHaveCount(0);

  await aliceBanner.getByRole('button', { name: 'Compare' }).click();
  await expect(alice.getByRole('dialog', { name: 'Compare' })).toBeVisible();
  await alice.keyboard.press('Escape');
  await expect(alice.getByRole('dialog', { name: 'Compare' })).toBeHidden();

  await aliceBanner.getByRole('button', { name: 'Reload' }).click();
  await expect(alice.getByLabel('Save all data that passes through the flow')).toBeChecked();
  await expect(
    alice.getByRole('status', { name: 'Changes by others' }).filter({ hasText: 'Flow changed by' }),
  ).toHaveCount(0);
  // Alice is now up to date: her save goes through with no conflict.
  await alice.getByLabel('Save all data that passes through the flow').uncheck();
  await alice.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(alice.getByText('Unsaved changes')).toBeHidden();
  await expect(ada.getByRole('status', { name: 'Changes by others' })).toHaveText(
    /Flow changed by alice@example\.com/,
  );

  await flowAction(alice, 'Delete flow');
  await alice
    .getByRole('dialog', { name: 'Delete flow' })
    .getByRole('button', { name: 'Delete flow' })
    .click();
  await expect(ada.getByText('Flow deleted by alice@example.com.')).toBeVisible();
  await expect(ada.getByRole('heading', { name: 'Design Okta Workflows flows' })).toBeVisible();
  await adaContext.close();
  await aliceContext.close();
});
