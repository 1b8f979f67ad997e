/**
 * The command palette (Ctrl+K) reaches every command by keyboard: type a few words, Enter runs
 * the highlighted command, and what it opens has the focus.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { card, fromTemplate, newFolder } from './studio.ts';

/** Opens the palette, types `words`, checks `label` is the highlighted command and runs it. */
async function command(page: Page, words: string, label: string): Promise<void> {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Commands' });
  const search = palette.getByRole('combobox', { name: 'Search commands' });
  await expect(search).toBeFocused();
  await page.keyboard.type(words);
  await expect(palette.getByRole('option', { name: label })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
}

/** Creates the quarantine flows and puts the focus on a card of the main flow. */
async function quarantine(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await newFolder(page, 'Entity Risk');
  await fromTemplate(page, 'Quarantine and deactivate', { 'At-risk group': '00g5atriskusers' });
  await expect(
    page.getByRole('heading', { name: 'Risk Policy - High (Quarantine)' }),
  ).toBeVisible();
  const users = card(page, /^Okta – Deactivate User, card/);
  await users.click({ position: { x: 12, y: 10 } });
  await expect(users).toBeFocused();
}

test('Add card… from the palette leaves the focus in the card search it opens', async ({
  page,
  studio,
}) => {
  await quarantine(page, studio.url);
  await command(page, 'add card', 'Add card…');
  const search = page.getByLabel('Search cards');
  await expect(search).toBeFocused();
  await page.keyboard.type('compose');
  await expect(page.getByRole('option', { name: 'Text – Compose', exact: true })).toBeVisible();
  await expect(search).toHaveValue('compose');
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();
});

test('the palette opens Check, Test run and Versions in the drawer', async ({ page, studio }) => {
  await quarantine(page, studio.url);
  await command(page, 'check', 'Check the flow');
  await expect(page.getByRole('complementary', { name: 'Check' })).toBeVisible();
  await command(page, 'test run', 'Test run');
  await expect(page.getByRole('complementary', { name: 'Test run' })).toBeVisible();
  await command(page, 'versions', 'Versions');
  await expect(page.getByRole('complementary', { name: 'Versions' })).toBeVisible();
});

test('the palette opens Export, Compare and the flow properties, and Escape gives the focus back', async ({
  page,
  studio,
}) => {
  await quarantine(page, studio.url);
  const users = card(page, /^Okta – Deactivate User, card/);
  for (const [words, label, dialog] of [
    ['export', 'Export…', 'Export'],
    ['compare', 'Compare…', 'Compare'],
    ['properties', 'Edit flow properties…', 'Flow properties'],
  ] as const) {
    await command(page, words, label);
    await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: dialog })).toBeHidden();
    await expect(users).toBeFocused();
  }
});

test('the palette turns the flow ON and OFF and switches the theme', async ({ page, studio }) => {
  await quarantine(page, studio.url);
  const onOff = page.getByRole('switch', { name: /^Flow is (ON|OFF)$/ });
  await expect(onOff).toHaveAttribute('aria-checked', 'false');
  await command(page, 'turn on', 'Turn the flow ON or OFF');
  await expect(onOff).toHaveAttribute('aria-checked', 'true');
  await command(page, 'turn on', 'Turn the flow ON or OFF');
  await expect(onOff).toHaveAttribute('aria-checked', 'false');

  const theme = await page.evaluate(() => document.documentElement.dataset['theme']);
  await command(page, 'theme', 'Switch between light and dark theme');
  await expect(page.locator('html')).toHaveAttribute(
    'data-theme',
    theme === 'dark' ? 'light' : 'dark',
  );
});

test('Open flow… lists the workspace’s flows and opens the one chosen', async ({
  page,
  studio,
}) => {
  await quarantine(page, studio.url);
  await command(page, 'open flow', 'Open flow…');
  const picker = page.getByRole('dialog', { name: 'Open flow' });
  const search = picker.getByRole('combobox', { name: 'Search flows' });
  await expect(search).toBeFocused();
  await expect(picker.getByRole('option')).toHaveCount(2);
  await page.keyboard.type('remove');
  await expect(picker.getByRole('option')).toHaveCount(1);
  await expect(picker.getByRole('option', { name: /^Remove user from group/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Remove user from group' })).toBeVisible();
});

test('the palette adds a note, opens the event picker, undoes and fits the flow in view', async ({
  page,
  studio,
}) => {
  await quarantine(page, studio.url);
  await command(page, 'note', 'Add note');
  await expect(card(page, /^Note, card 7 of 7$/)).toHaveClass(/\bselected\b/);
  await command(page, 'event', 'Set the event…');
  await expect(page.getByRole('dialog', { name: 'Change event' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Change event' })).toBeHidden();
  await command(page, 'undo', 'Undo');
  await expect(card(page, /^Note, card/)).toHaveCount(0);
  await command(page, 'fit', 'Fit the flow in view');
  await expect(card(page, /^Events – Delegated Flow, card/)).toBeInViewport();
  await expect(card(page, /^Okta – Deactivate User, card/)).toBeInViewport();
});
