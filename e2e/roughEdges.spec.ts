/** Rough edges met building flows by hand, each checked as a user meets it. */
import { expect, test } from './fixtures.ts';
import {
  addEvent,
  card,
  flowAction,
  fromTemplate,
  newFlowInFolder,
  newFolder,
  showOutline,
} from './studio.ts';

test('a new flow lists, numbers and compares no hidden Noop card', async ({ page, studio }) => {
  await newFlowInFolder(page, studio.url);
  const outline = await showOutline(page);
  await expect(outline.getByRole('listitem')).toHaveCount(0);
  await page.getByRole('button', { name: 'Add a card at the start of the flow' }).click();
  await expect(page.getByText('Inserts at the start of the flow')).toBeVisible();
  await page.getByLabel('Search cards').fill('read user');
  await page
    .getByRole('listbox', { name: 'Cards' })
    .getByRole('option', { name: 'Okta – Read User', exact: true })
    .click();
  await expect(card(page, 'Okta – Read User, card 1 of 1')).toBeVisible();
  await expect(outline.getByRole('listitem')).toHaveCount(1);
  await expect(outline).not.toContainText('Noop');

  await addEvent(page);
  await flowAction(page, 'Compare');
  const dialog = page.getByRole('dialog', { name: 'Compare' });
  await dialog.getByLabel('Compare the current draft with').selectOption('1');
  const changes = dialog.getByRole('region', { name: 'Changes' });
  await expect(changes).toContainText("Card 'Delegated Flow' added");
  await expect(changes).toContainText("Card 'Read User' added");
  await expect(changes).not.toContainText('Noop');
  await expect(changes).not.toContainText('Security level');
});

test('ON/OFF applies at once, and the sidebar follows the draft’s name and event', async ({
  page,
  studio,
}) => {
  await newFlowInFolder(page, studio.url);
  const list = page.getByRole('list', { name: 'Flows in Entity Risk' });
  await flowAction(page, 'Edit properties');
  const dialog = page.getByRole('dialog', { name: 'Flow properties' });
  await dialog.getByLabel('Name').fill('Risk Policy - Low');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(list.getByRole('button', { name: /^Risk Policy - Low/ })).toContainText('No event');
  await addEvent(page);
  await expect(list.getByRole('button', { name: /^Risk Policy - Low/ })).toContainText(
    'Delegated flow',
  );
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Unsaved changes')).toBeHidden();

  await page.getByRole('switch', { name: 'Flow is OFF' }).click();
  await expect(page.getByRole('switch', { name: 'Flow is ON' })).toBeVisible();
  await expect(list.getByRole('button', { name: /^Risk Policy - Low/ })).toContainText('ON');
  await expect(page.getByText('Unsaved changes')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Versions' }).click();
  const versions = page.getByRole('complementary', { name: 'Versions' });
  await expect(versions.getByRole('button', { name: /^Version \d+:/ })).toHaveCount(2);
  await page.reload();
  await expect(page.getByRole('switch', { name: 'Flow is ON' })).toBeVisible();
});

test('changing the event asks first and says which mappings it drops', async ({ page, studio }) => {
  await page.goto(studio.url);
  await newFolder(page, 'Entity Risk');
  await fromTemplate(page, 'Clear sessions and email admins', {
    'Admins to email': 'security@example.com',
  });
  const event = card(page, /^Okta Workflows – Delegated Flow|Delegated Flow, card 1/);
  await event.focus();
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: 'Change event' });
  await expect(dialog).toContainText('The flow starts with “Delegated Flow” now.');
  await dialog.getByRole('button', { name: /^Helper Flow/ }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Mappings dropped from “Okta User ID”: the new event has no such output.',
  );
  await dialog.getByRole('button', { name: 'Back' }).click();
  await dialog.getByRole('button', { name: /^Helper Flow/ }).click();
  await dialog.getByRole('button', { name: 'Change event' }).click();
  await expect(dialog).toBeHidden();
  await expect(card(page, /Helper Flow, card 1 of/)).toBeVisible();
});
