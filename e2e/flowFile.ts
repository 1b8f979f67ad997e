/** Saving the open flow, exporting it as a user does, and naming a new connection on a card. */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, validateFlopack } from './fixtures.ts';
import { flowAction } from './studio.ts';

/** Saves the open flow and waits until nothing is left unsaved. */
export async function saveFlow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Unsaved changes')).toBeHidden();
}

/**
 * Downloads one of the Export dialog's files (the open flow's by default), expects
 * `flopack validate` to pass on it and returns its text.
 */
export async function exportedText(page: Page, link: RegExp = /^Export flow/): Promise<string> {
  await flowAction(page, 'Export');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: link }).click();
  const file = await (await download).path();
  expect(validateFlopack(file)).toBe(`${file}: ok`);
  return readFile(file, 'utf8');
}

/**
 * Names a new Okta connection from a card's Connection picker (the proposed name "Okta" when
 * none is given) and expects the card to use it.
 */
export async function newConnection(page: Page, picker: Locator, name?: string): Promise<void> {
  await picker.selectOption({ label: 'New Okta connection…' });
  const named = page.getByRole('dialog', { name: 'New Okta connection' });
  if (name === undefined) await expect(named.getByLabel('Connection name')).toHaveValue('Okta');
  else await named.getByLabel('Connection name').fill(name);
  await named.getByRole('button', { name: 'Create' }).click();
  await expect(named).toBeHidden();
  await expect(picker.locator('option:checked')).toHaveText(name ?? 'Okta');
}
