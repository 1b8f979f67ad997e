import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, sharedFlopack, test } from './fixtures.ts';
import { flowAction, newFolder } from './studio.ts';
import { fixtureFile } from '../tests/fixtures/flopacks.ts';
import { saveFlow } from './flowFile.ts';

test('a new user builds a folder, a subfolder and a named flow, and it survives a reload', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await expect(page.getByText('No folders yet')).toBeVisible();
  await newFolder(page, 'Entity Risk');
  await newFolder(page, 'Low risk', true);
  await expect(page.getByRole('treeitem', { name: /Low risk/ })).toBeVisible();

  await page.getByRole('button', { name: 'New flow' }).click();
  await expect(page.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  await flowAction(page, 'Edit properties');
  const dialog = page.getByRole('dialog', { name: 'Flow properties' });
  await dialog.getByLabel('Name').fill('Risk Policy - Low (Notify)');
  await dialog.getByLabel('Description').fill('Posts a Slack message when a user’s risk is low.');
  await dialog.getByRole('button', { name: 'Apply' }).click();

  await page.getByRole('switch', { name: 'Flow is OFF' }).click();
  await expect(page.getByRole('switch', { name: 'Flow is ON' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await page.getByLabel('Save all data that passes through the flow').check();
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await saveFlow(page);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Risk Policy - Low (Notify)' })).toBeVisible();
  await expect(page.getByText('Posts a Slack message when a user’s risk is low.')).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Flow is ON' })).toBeVisible();
  await expect(page.getByLabel('Save all data that passes through the flow')).toBeChecked();
  await page.getByRole('button', { name: 'Expand Entity Risk' }).click();
  await expect(page.getByRole('treeitem', { name: /Low risk/ })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Flows in Low risk' }).getByText('ON', { exact: true }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Versions' }).click();
  const versions = page.getByRole('complementary', { name: 'Versions' });
  await expect(versions.getByRole('button', { name: /^Version 2:/ })).toContainText(
    'Renamed to "Risk Policy - Low (Notify)"',
  );
  await expect(versions.getByRole('button', { name: /^Version 1: Created/ })).toBeVisible();
});

test('a duplicate flow name in the same folder is refused inline', async ({ page, studio }) => {
  await page.goto(studio.url);
  await newFolder(page, 'Entity Risk');
  await page.getByRole('button', { name: 'New flow' }).click();
  await expect(page.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  await page.getByRole('button', { name: 'New flow' }).click();
  await expect(page.getByRole('heading', { name: 'Unnamed (2)' })).toBeVisible();
  await flowAction(page, 'Edit properties');
  const dialog = page.getByRole('dialog', { name: 'Flow properties' });
  await dialog.getByLabel('Name').fill('unnamed');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('alert')).toContainText('already exists in this folder');
});

test('imports a generated flopack with a table and a connection, and exports it losslessly', async ({
  page,
  studio,
}) => {
  const file = fixtureFile('tables-connections');
  const text = readFileSync(file, 'utf8');
  await page.goto(studio.url);
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByLabel('Flopack file (.flopack, .folder or .flow)').setInputFiles(file);
  await expect(page.getByRole('dialog').getByRole('status')).toContainText(
    'Imported 1 flow(s) in 1 folder(s), 1 table(s)',
  );
  await page.getByRole('button', { name: 'Done' }).click();
  const flows = page.getByRole('list', { name: 'Flows in Audit' });
  await expect(flows.getByText('Audit at-risk users')).toBeVisible();
  await flows.getByText('Audit at-risk users').click();
  await expect(page.getByRole('heading', { name: 'Audit at-risk users' })).toBeVisible();
  await flowAction(page, 'Export');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Export folder “Audit”/ }).click();
  const saved = await (await download).path();
  const exported = JSON.parse(await readFile(saved, 'utf8')) as { data: unknown };
  expect(exported.data).toEqual((JSON.parse(text) as { data: unknown }).data);
});

test('[corpus] imports a real flopack, shows its folders and flows, and exports it losslessly', async ({
  page,
  studio,
}) => {
  const { file, text } = sharedFlopack('assign_temporary_group_memberships');
  await page.goto(studio.url);
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByLabel('Flopack file (.flopack, .folder or .flow)').setInputFiles(file);
  await expect(page.getByRole('dialog').getByRole('status')).toContainText(
    'Imported 3 flow(s) in 1 folder(s), 2 table(s)',
  );
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('treeitem', { name: /Timed Group Membership/ })).toBeVisible();
  const flows = page.getByRole('list', { name: 'Flows in Timed Group Membership' });
  for (const name of [
    'SUB - Remove User from Group',
    'Scan users for removal',
    'Determine if user added to temporary group',
  ])
    await expect(flows.getByText(name)).toBeVisible();

  await flows.getByText('Scan users for removal').click();
  await expect(page.getByRole('heading', { name: 'Scan users for removal' })).toBeVisible();
  await flowAction(page, 'Export');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Export folder “Timed Group Membership”/ }).click();
  const saved = await (await download).path();
  const exported = JSON.parse(await readFile(saved, 'utf8')) as { data: unknown; version: string };
  expect(exported.data).toEqual((JSON.parse(text) as { data: unknown }).data);
  expect((await download).suggestedFilename()).toBe('Timed Group Membership.folder');
});

test('a dropped malformed file gives a clear error and changes nothing', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await newFolder(page, 'Keep me');
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(
      new File(['{"type":"flopack","data":{"flos":'], 'broken.flopack', {
        type: 'application/json',
      }),
    );
    return dt;
  });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await expect(page.getByText('Drop the flopack to import it')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('not valid JSON');
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('Nothing was imported');
  await page.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem')).toHaveCount(1);
});

test('dragging a flow onto another folder moves it there', async ({ page, studio }) => {
  await page.goto(studio.url);
  await newFolder(page, 'Inbox');
  await newFolder(page, 'Archive');
  await page
    .getByRole('treeitem', { name: /Inbox/ })
    .getByRole('button', { name: /Inbox/ })
    .click();
  await page.getByRole('button', { name: 'New flow' }).click();
  await expect(page.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  const item = page
    .getByRole('list', { name: 'Flows in Inbox' })
    .getByRole('button', { name: /Unnamed/ });
  await item.dragTo(page.getByRole('treeitem', { name: /Archive/ }).locator('.tree-row'));
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'Moved “Unnamed” to “Archive”',
  );
  await expect(page.getByText('No flows in “Inbox”')).toBeVisible();
  await page
    .getByRole('treeitem', { name: /Archive/ })
    .getByRole('button', { name: /Archive/ })
    .click();
  await expect(
    page.getByRole('list', { name: 'Flows in Archive' }).getByText('Unnamed'),
  ).toBeVisible();
});

test('two people edit the same flow: the second save is refused with reload or overwrite', async ({
  browser,
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await newFolder(page, 'Shared');
  await page.getByRole('button', { name: 'New flow' }).click();
  await expect(page.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  const url = page.url();

  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.goto(url);
  await expect(page2.getByRole('heading', { name: 'Unnamed' })).toBeVisible();

  await page.getByLabel('Save all data that passes through the flow').check();
  await saveFlow(page);

  await page2.getByRole('switch', { name: 'Flow is OFF' }).click();
  await expect(page2.getByRole('switch', { name: 'Flow is ON' })).toBeVisible();
  await page2.getByLabel('Save all data that passes through the flow').check();
  await page2.getByRole('button', { name: 'Save', exact: true }).click();
  const conflict = page2.getByRole('dialog', { name: 'This flow changed elsewhere' });
  await expect(conflict.getByRole('alert')).toContainText('was saved elsewhere');
  await conflict.getByRole('button', { name: 'Reload' }).click();
  await expect(page2.getByRole('switch', { name: 'Flow is ON' })).toBeVisible();
  await expect(page2.getByLabel('Save all data that passes through the flow')).toBeChecked();
  await other.close();
});
