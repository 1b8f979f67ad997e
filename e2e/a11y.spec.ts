/**
 * axe-core on every main screen, in the light and the dark theme: a new user's walk through
 * the studio fails on any critical or serious finding. The findings print one per line.
 */
import type { Page } from '@playwright/test';
import { axeViolations } from './a11y.ts';
import { expect, test } from './fixtures.ts';
import { flowAction, fromTemplate, openInspector, paletteItem } from './studio.ts';
import { saveFlow } from './flowFile.ts';

/**
 * How long a screen may take to become clean (AXE_RETRY_MS=0 scans each screen once). One axe
 * run over a template's canvas takes about a second on a quiet machine but 30 s on two cores
 * under heavy load, so the window is generous; a clean screen ends the wait at once.
 */
const RETRY_MS = Number(process.env['AXE_RETRY_MS'] ?? 180_000);

/**
 * Scans what is on screen once it has settled; a finding marks the test failed (listing every
 * finding, one per line) and the walk goes on to the next screen.
 */
async function scan(page: Page, screen: string): Promise<void> {
  const message = `axe-core findings on “${screen}”`;
  if (RETRY_MS <= 0) {
    expect.soft(await axeViolations(page), message).toEqual([]);
    return;
  }
  await expect
    .soft(async () => expect(await axeViolations(page), message).toEqual([]))
    .toPass({ timeout: RETRY_MS, intervals: [2_000] });
}

for (const theme of ['light', 'dark'] as const) {
  test(`every main screen passes axe-core in the ${theme} theme`, async ({ page, studio }) => {
    test.setTimeout(1_800_000);
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(studio.url);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

    await expect(page.getByRole('heading', { name: 'Design Okta Workflows flows' })).toBeVisible();
    await scan(page, 'empty workspace');

    await page.getByRole('button', { name: 'New folder' }).click();
    const folderDialog = page.getByRole('dialog', { name: 'New folder' });
    await folderDialog.getByLabel('Name').fill('Entity Risk');
    await scan(page, 'New folder dialog');
    await folderDialog.getByRole('button', { name: 'Create folder' }).click();
    await expect(folderDialog).toBeHidden();

    await page.getByRole('button', { name: 'From template…' }).click();
    const templates = page.getByRole('dialog', { name: 'New flow from template' });
    await expect(templates.getByRole('button', { name: /^Slack notification/ })).toBeVisible();
    await scan(page, 'template dialog');
    await page.keyboard.press('Escape');
    await expect(templates).toBeHidden();

    // A new, empty flow: the canvas with its "Add event" slot.
    await page.getByRole('button', { name: 'New flow' }).click();
    await expect(page.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add event' })).toBeVisible();
    await scan(page, 'editor canvas (new flow)');

    await page.getByRole('button', { name: 'Add event' }).click();
    const events = page.getByRole('dialog', { name: 'Add event' });
    await expect(events.getByRole('button', { name: /^Delegated Flow/ })).toBeVisible();
    await scan(page, 'event picker');
    await events.getByRole('button', { name: /^Delegated Flow/ }).click();
    await expect(events).toBeHidden();

    // The card popover, searching.
    const readUser = await paletteItem(page, 'read user', 'Okta – Read User');
    await expect(readUser).toBeVisible();
    await scan(page, 'card search');

    // Insert the card: it is selected, and the Inspector in the drawer edits it.
    await readUser.click();
    await expect(page.getByRole('group', { name: /^Okta – Read User, card/ })).toBeVisible();
    await scan(page, 'canvas with an Okta card');
    await expect(await openInspector(page)).toContainText('Read User');
    await scan(page, 'selected card and Inspector');

    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog', { name: 'Commands' })).toBeVisible();
    await scan(page, 'command palette');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Commands' })).toBeHidden();

    await page.getByRole('button', { name: /^Check/ }).click();
    await expect(page.getByRole('complementary', { name: 'Check' })).toBeVisible();
    await scan(page, 'Check panel');

    await page.getByRole('button', { name: 'Test run' }).click();
    const run = page.getByRole('complementary', { name: 'Test run' });
    await run.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(run.getByRole('status')).toContainText('Run');
    await scan(page, 'Test run panel with a result');

    await saveFlow(page);
    await page.getByRole('button', { name: 'Versions' }).click();
    await expect(page.getByRole('complementary', { name: 'Versions' })).toBeVisible();
    await scan(page, 'Versions panel');
    await page.getByRole('button', { name: 'Versions' }).click();
    await expect(page.getByRole('complementary', { name: 'Versions' })).toBeHidden();

    await page.getByRole('button', { name: 'More flow actions' }).click();
    await expect(page.getByRole('menu', { name: 'More flow actions' })).toBeVisible();
    await scan(page, 'More menu');
    await page.keyboard.press('Escape');
    await flowAction(page, 'Compare');
    const compare = page.getByRole('dialog', { name: 'Compare' });
    await expect(compare).toBeVisible();
    await scan(page, 'Compare dialog');
    await page.keyboard.press('Escape');
    await expect(compare).toBeHidden();

    await flowAction(page, 'Edit properties');
    await expect(page.getByRole('dialog')).toBeVisible();
    await scan(page, 'flow properties dialog');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();

    await flowAction(page, 'Export');
    await expect(page.getByRole('dialog', { name: /^Export/ })).toBeVisible();
    await scan(page, 'Export dialog');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Import' })).toBeVisible();
    await scan(page, 'Import dialog');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();

    // A template's flow: branches, notes, inline flows and mappings on the canvas.
    await fromTemplate(page, 'Quarantine and deactivate');
    await expect(
      page.getByRole('heading', { name: 'Risk Policy - High (Quarantine)' }),
    ).toBeVisible();
    await expect(page.locator('.react-flow__node-card').first()).toBeVisible();
    await scan(page, 'template flow on the canvas');
    await page
      .getByRole('toolbar', { name: 'Studio' })
      .getByRole('button', { name: 'Connections' })
      .click();
    const connections = page.getByRole('dialog', { name: 'Connections' });
    await expect(connections.getByRole('table', { name: 'Connections' })).toContainText('Okta');
    await expect(connections.getByRole('cell', { name: /^\d+ cards? in/ }).first()).toBeVisible();
    await scan(page, 'Connections dialog');
    await connections.getByRole('button', { name: /^Delete Okta connection/ }).click();
    await expect(connections.getByRole('alert')).toContainText('is used by');
    await connections.getByRole('button', { name: /^Rename Okta connection/ }).click();
    await scan(page, 'Connections dialog, renaming and a refused delete');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(connections).toBeHidden();
    await page
      .getByRole('toolbar', { name: 'Editing' })
      .getByRole('button', { name: 'Fit the flow in view' })
      .click();
    await scan(page, 'template flow fitted in view');
    await page
      .getByRole('list', { name: 'Flows in Entity Risk' })
      .getByText('Remove user from group')
      .click();
    await expect(page.getByRole('heading', { name: 'Remove user from group' })).toBeVisible();
    await page
      .locator('.react-flow__node')
      .and(page.getByRole('group', { name: /^Okta – Remove User from Group/ }))
      .focus();
    await expect(await openInspector(page)).toContainText('Remove User from Group');
    await scan(page, 'helper flow with a mapped card selected');
  });
}
