/** Adding cards from the canvas's popovers ("+" gaps, "Add app action", "Add function"). */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { card, flowAction } from './studio.ts';

/**
 * Opens a card popover with its button. Fitting the flow in view first moves the button while
 * the viewport animates, so a click that landed before it settled is made again.
 */
export async function openPopover(page: Page, opener: Locator): Promise<void> {
  await page
    .getByRole('toolbar', { name: 'Editing' })
    .getByRole('button', { name: 'Fit the flow in view' })
    .click();
  const searchBox = page.getByLabel('Search cards');
  await expect(async () => {
    if (!(await searchBox.isVisible())) await opener.click();
    await expect(searchBox).toBeVisible({ timeout: 1000 });
  }).toPass();
}

/** Finds a card in the open popover and inserts it. */
export async function pickCard(page: Page, search: string, option: string): Promise<void> {
  await page.getByLabel('Search cards').fill(search);
  await page
    .getByRole('listbox', { name: 'Cards' })
    .getByRole('option', { name: option, exact: true })
    .click();
  await expect(card(page, new RegExp(`^${option}, card`))).toBeVisible();
}

/** Adds a card from the end-of-flow "Add app action" / "Add function" popover. */
export async function addAtEnd(
  page: Page,
  button: 'Add app action' | 'Add function',
  search: string,
  option: string,
): Promise<void> {
  await openPopover(
    page,
    page.getByRole('group', { name: 'End of the flow' }).getByRole('button', { name: button }),
  );
  await pickCard(page, search, option);
}

/** Adds a card from the popover of a "+" on the canvas (e.g. inside an If Error's Try lane). */
export async function addAtPlus(
  page: Page,
  plus: string,
  search: string,
  option: string,
): Promise<void> {
  await openPopover(page, page.getByRole('button', { name: plus, exact: true }));
  await pickCard(page, search, option);
}

/** Renames the open flow through the header's More menu › Edit properties. */
export async function renameFlow(page: Page, name: string): Promise<void> {
  await flowAction(page, 'Edit properties');
  const dialog = page.getByRole('dialog', { name: 'Flow properties' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Name').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

/** Sets a Continue If card's comparison and its typed value b. */
export async function setCondition(page: Page, comparison: string, valueB: string): Promise<void> {
  await page.getByRole('combobox', { name: 'comparison of Continue If' }).selectOption({
    label: comparison,
  });
  const field = page.getByRole('textbox', { name: 'value b of Continue If' });
  await field.fill(valueB);
  await field.press('Enter');
  await expect(field).toHaveValue(valueB);
}
