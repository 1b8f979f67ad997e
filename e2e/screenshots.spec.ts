/**
 * Pictures for the README: writes docs/screenshots/*.png at 1440×900. Runs only with
 * SCREENSHOTS=1 (`SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts`): without it
 * playwright.config.ts leaves this file out, so a normal run never rewrites the files.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { addEvent, card, flowAction, fromTemplate, newFolder, paletteItem } from './studio.ts';
import { saveFlow } from './flowFile.ts';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots');
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(DIR, `${name}.png`), animations: 'disabled' });

test.use({ viewport: { width: 1440, height: 900 } });

async function template(
  page: Page,
  title: string,
  heading: string,
  values: Record<string, string> = {},
): Promise<void> {
  await fromTemplate(page, title, values);
  await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  await expect(page.locator('.react-flow__node-card').first()).toBeVisible();
  await page.waitForTimeout(500);
}

test('screenshots of the three templates, mapping by drag, a test run, Compare and the dark theme', async ({
  page,
  studio,
}) => {
  test.setTimeout(300_000);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(studio.url);
  await newFolder(page, 'Entity Risk');

  await template(page, 'Slack notification', 'Risk Policy - Low (Notify)');
  await shot(page, 'template-slack');
  await template(page, 'Clear sessions and email admins', 'Risk Policy - Medium (Clear sessions)');
  await shot(page, 'template-clear-sessions');
  await template(page, 'Quarantine and deactivate', 'Risk Policy - High (Quarantine)', {
    'At-risk group': '00g5atriskusers',
  });
  await card(page, /^List – For Each/).click();
  await page.waitForTimeout(400);
  await shot(page, 'template-quarantine');

  await page.getByRole('button', { name: 'Test run' }).click();
  const run = page.getByRole('complementary', { name: 'Test run' });
  await run
    .getByLabel('Okta User ID (the at-risk user)')
    .selectOption({ label: 'Alice Example (active)' });
  await run.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(run.getByRole('status')).toHaveText('Run completed.');
  await shot(page, 'test-run');
  await page.getByRole('button', { name: 'Test run' }).click();

  // Mapping by drag: an output pill held over an input row that can take it.
  await newFolder(page, 'By hand');
  await page.getByRole('button', { name: 'New flow' }).click();
  await expect(page.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  await addEvent(page, 'Delegated Flow');
  await (await paletteItem(page, 'read user', 'Okta – Read User')).click();
  await expect(card(page, /^Okta – Read User/)).toBeVisible();
  await page.waitForTimeout(400);
  const from = await card(page, /^Events – Delegated Flow/)
    .locator('.cv-out')
    .filter({ hasText: /^Okta User ID$/ })
    .locator('.cv-out-handle')
    .boundingBox();
  const row = card(page, /^Okta – Read User/)
    .locator('li.cv-row')
    .filter({ has: page.locator('.cv-label', { hasText: /^ID or Login\*?$/ }) });
  const to = await row.locator('.cv-in').boundingBox();
  if (!from || !to) throw new Error('no pill or input to drag between');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + 4, to.y + to.height / 2, { steps: 12 });
  await expect(row).toHaveClass(/takes/);
  await shot(page, 'mapping-by-drag');
  await page.mouse.up();
  await expect(row).toHaveClass(/mapped/);

  // Compare: the draft against its first saved version.
  await saveFlow(page);
  await (await paletteItem(page, 'deactivate user', 'Okta – Deactivate User')).click();
  await expect(card(page, /^Okta – Deactivate User/)).toBeVisible();
  await flowAction(page, 'Compare');
  const compare = page.getByRole('dialog', { name: 'Compare' });
  await expect(compare).toBeVisible();
  await page.waitForTimeout(500);
  await shot(page, 'compare');
  await page.keyboard.press('Escape');
  await expect(compare).toBeHidden();
  await saveFlow(page);

  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await page
    .getByRole('treeitem', { name: /Entity Risk/ })
    .getByRole('button', { name: /Entity Risk/ })
    .click();
  await page
    .getByRole('list', { name: 'Flows in Entity Risk' })
    .getByText('Remove user from group')
    .click();
  await expect(page.getByRole('heading', { name: 'Remove user from group' })).toBeVisible();
  await page.waitForTimeout(600);
  await shot(page, 'dark-theme');
});
