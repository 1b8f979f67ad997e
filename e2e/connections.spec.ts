/**
 * The workspace's Connections screen: every connection with its app and where it is used;
 * renamed in place (the cards and the export follow), deleted only when nothing uses it or
 * when the person explicitly removes it from the cards that do.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { addEvent, card, newFlowInFolder, openInspector, paletteItem } from './studio.ts';
import { exportedText, newConnection, saveFlow } from './flowFile.ts';

/** A flow "Unnamed" with one Read User card that uses the Okta connection `name`. */
async function flowWithConnection(page: Page, url: string, name: string): Promise<void> {
  await newFlowInFolder(page, url);
  await addEvent(page);
  await (await paletteItem(page, 'read user', 'Okta – Read User')).click();
  const connection = (await openInspector(page)).getByRole('combobox', { name: 'Connection' });
  await newConnection(page, connection, name);
}

const row = (page: Page, name: string) =>
  page
    .getByRole('dialog', { name: 'Connections' })
    .getByRole('table', { name: 'Connections' })
    .getByRole('row')
    .filter({
      has: page.getByRole('button', { name: `Rename Okta connection “${name}”`, exact: true }),
    });

test('a connection is renamed on the Connections screen: the card and the export carry the new name', async ({
  page,
  studio,
}) => {
  await flowWithConnection(page, studio.url, 'Okta');
  // A second Okta connection, made on the same card and then left unused.
  const connection = (await openInspector(page)).getByRole('combobox', { name: 'Connection' });
  await newConnection(page, connection, 'Okta staging');
  await connection.selectOption({ label: 'Okta' });
  await saveFlow(page);

  await page
    .getByRole('toolbar', { name: 'Studio' })
    .getByRole('button', { name: 'Connections' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Connections' });
  await expect(dialog.getByRole('table', { name: 'Connections' }).getByRole('row')).toHaveCount(3);
  await expect(row(page, 'Okta staging')).toContainText('Not used');
  const okta = row(page, 'Okta');
  await expect(okta).toContainText('1 card in “Unnamed”');

  // Refused names stay in the field with the reason, and change nothing.
  await dialog.getByRole('button', { name: 'Rename Okta connection “Okta”' }).click();
  const field = dialog.getByRole('textbox', { name: 'New name for Okta connection “Okta”' });
  await expect(field).toBeFocused();
  await field.fill('   ');
  await field.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('The connection name is empty');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.fill('okta STAGING');
  await field.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('“Okta staging” already exists');
  await field.fill('Okta prod');
  await field.press('Enter');
  await expect(field).toBeHidden();
  await expect(
    dialog.getByRole('button', { name: 'Rename Okta connection “Okta prod”' }),
  ).toBeVisible();

  // A used connection is not deleted: the refusal names the card and its flow.
  await dialog.getByRole('button', { name: 'Delete Okta connection “Okta prod”' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'The connection “Okta prod” is used by “Read User” in “Unnamed”',
  );
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  // An unused one is.
  await dialog.getByRole('button', { name: 'Delete Okta connection “Okta staging”' }).click();
  await expect(dialog.getByRole('table', { name: 'Connections' }).getByRole('row')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await expect(card(page, /^Okta – Read User/)).toContainText('· Okta prod');
  await expect(connection.locator('option')).toHaveText([
    'No connection',
    'Okta prod',
    'New Okta connection…',
  ]);

  const pack = JSON.parse(await exportedText(page)) as {
    data: {
      configs: Record<string, { id: string; name: string; module: string; data: null }>;
      flos: Record<string, { data: { methods: { node: { model: { config: string | null } } }[] } }>;
    };
  };
  const configs = Object.values(pack.data.configs);
  expect(configs.map((c) => [c.name, c.module, c.data])).toEqual([['Okta prod', 'okta', null]]);
  const used = Object.values(pack.data.flos)[0]?.data.methods.map((m) => m.node.model.config);
  expect(used).toContain(configs[0]?.id);
});

test('the command palette opens the Connections screen, where a used connection is removed from its cards only on request', async ({
  page,
  studio,
}) => {
  await flowWithConnection(page, studio.url, 'Okta');
  await saveFlow(page);
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Commands' });
  await page.keyboard.type('connections');
  await expect(palette.getByRole('option', { name: /^Connections…/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Connections' });
  await expect(dialog).toBeVisible();
  await expect(row(page, 'Okta')).toContainText('1 card in “Unnamed”');

  await dialog.getByRole('button', { name: 'Delete Okta connection “Okta”' }).click();
  await expect(dialog.getByRole('alert')).toContainText('is used by “Read User” in “Unnamed”');
  await dialog.getByRole('button', { name: 'Remove from 1 card and delete' }).click();
  await expect(dialog.getByText('No connections yet')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The open flow was saved on the server without the connection: the studio says so.
  await expect(page.getByText(/Flow changed by/)).toBeVisible();
  const versions = page.getByRole('button', { name: 'Versions' });
  await versions.click();
  await expect(page.getByRole('complementary', { name: 'Versions' })).toContainText(
    'Removed connection “Okta” from 1 card',
  );
});
