import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import {
  cardOrder,
  flowAction,
  fromTemplate,
  newFolder,
  openInspector,
  showOutline,
} from './studio.ts';

test('the quarantine template creates its flow and helper flow, which export as a valid flopack', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await newFolder(page, 'Entity Risk');
  await fromTemplate(page, 'Quarantine and deactivate');

  await expect(
    page.getByRole('heading', { name: 'Risk Policy - High (Quarantine)' }),
  ).toBeVisible();
  await expect(page.locator('.react-flow__node-card').first()).toBeVisible();
  expect(await cardOrder(page)).toEqual([
    'Events – Delegated Flow',
    'Okta – Get Users Groups',
    'List – For Each',
    'Note “At-risk group”',
    'Okta – Add User to At-Risk Group',
    'Okta – Deactivate User',
  ]);
  const flows = page.getByRole('list', { name: 'Flows in Entity Risk' });
  await expect(flows.getByText('Remove user from group')).toBeVisible();

  await (await showOutline(page)).getByRole('button', { name: /^List – For Each/ }).click();
  const panel = await openInspector(page);
  await expect(panel.getByText('Calls Remove user from group')).toBeVisible();
  await panel.getByRole('button', { name: 'Open helper flow' }).click();
  expect(await cardOrder(page)).toEqual([
    'Events – Helper Flow',
    'Object – Get Multiple',
    'Branching – Continue If not Everyone',
    'Okta – Remove User from Group',
  ]);

  await flowAction(page, 'Export');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /^Export folder “Entity Risk”/ }).click();
  const file = await (await download).path();
  const out = execFileSync(
    'node',
    [path.resolve('..', 'shared', 'schema', 'validate.mjs'), '--modules', 'node_modules', file],
    { encoding: 'utf8' },
  );
  expect(out.trim()).toBe(`${file}: ok`);
});
