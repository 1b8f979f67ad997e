/** Rough edges met building flows by hand, each checked as a user meets it. */
import { expect, test } from './fixtures.ts';
import {
  addEvent,
  card,
  flowAction,
  fromTemplate,
  newFlowInFolder,
  newFolder,
  openInspector,
  paletteItem,
  showOutline,
} from './studio.ts';
import { saveFlow } from './flowFile.ts';

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
  await saveFlow(page);

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

test('a note renders its Markdown on the canvas, never raw HTML, and the outline names it by its title', async ({
  page,
  studio,
}) => {
  await newFlowInFolder(page, studio.url);
  await addEvent(page);
  await (await paletteItem(page, 'comment', 'Notes – Comment')).click();
  const panel = await openInspector(page);
  await panel.getByLabel('Title', { exact: true }).fill('Why');
  await panel
    .getByLabel('Text (Markdown)')
    .fill('**Bold** and <img src=x onerror="document.title=1"> [docs](https://help.okta.com)');
  const note = card(page, 'Note “Why”, card 2 of 2');
  await expect(note.locator('strong', { hasText: 'Bold' })).toBeVisible();
  await expect(note.getByRole('link', { name: 'docs' })).toHaveAttribute(
    'href',
    'https://help.okta.com',
  );
  await expect(note).toContainText('<img src=x onerror="document.title=1">');
  await expect(note.locator('img')).toHaveCount(0);
  const outline = await showOutline(page);
  await expect(outline.getByRole('button', { name: 'Note “Why”, card 2 of 2' })).toBeVisible();
});

test('a long folder name ends in an ellipsis, keeps its icon and count, and shows in full on hover', async ({
  page,
  studio,
}) => {
  const name = 'Entity risk remediation flows for the security operations centre, quarantine';
  await newFlowInFolder(page, studio.url, name);
  const row = page.getByRole('treeitem', { name: new RegExp(`^${name}`) });
  const label = row.getByRole('button', { name: new RegExp(`^${name}`) });
  await expect(label).toHaveAttribute('title', name);
  const count = row.getByLabel('1 flows');
  await expect(count).toHaveText('1');
  // The count and the icon stay whole inside the row; the name is cut instead.
  const fits = () =>
    label.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const inside = (q: string) => {
        const r = el.querySelector(q)?.getBoundingClientRect();
        return !!r && r.width > 0 && r.left >= box.left && r.right <= box.right + 0.5;
      };
      const text = el.querySelector<HTMLElement>('.folder-name');
      return {
        icon: inside('.folder-icon'),
        count: inside('.count'),
        cut: !!text && text.scrollWidth > text.clientWidth,
      };
    });
  await expect.poll(fits).toEqual({ icon: true, count: true, cut: true });
});

test('Compare opened from Versions fits the flow in view', async ({ page, studio }) => {
  await newFlowInFolder(page, studio.url);
  await addEvent(page);
  await saveFlow(page);
  await page.getByRole('button', { name: 'Versions' }).click();
  const versions = page.getByRole('complementary', { name: 'Versions' });
  await versions.getByRole('button', { name: /^Version 1:/ }).click();
  await page.getByRole('button', { name: 'Compare with the current draft' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare' });
  const viewport = dialog.locator('.react-flow__viewport');
  const zoom = () => viewport.evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  await expect.poll(zoom).toBeGreaterThan(0.5);
  await expect(dialog.getByRole('button', { name: 'Zoom Out' })).toBeEnabled();
});

test('a single-flow file imported at the top level lands in a new folder, and the folder choice is remembered', async ({
  page,
  studio,
}) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await newFlowInFolder(page, studio.url);
  await addEvent(page);
  await saveFlow(page);
  await flowAction(page, 'Export');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /^Export flow/ }).click();
  const file = await (await download).path();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('Import into').selectOption({ index: 0 });
  await dialog.getByLabel(/^Flopack file/).setInputFiles(file);
  await expect(dialog.getByRole('status')).toContainText('Imported 1 flow(s) in 1 folder(s)');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('treeitem', { name: /^Unnamed/ }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByLabel('Import into').selectOption({ label: 'Entity Risk' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.reload();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByLabel('Import into')).toHaveValue(/.+/);
  await expect(dialog.getByLabel('Import into').locator('option:checked')).toHaveText(
    'Entity Risk',
  );
  expect(errors).toEqual([]);
});
