import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { FlowDto } from '../src/server/dto.ts';
import { expect, test, validateFlopack } from './fixtures.ts';
import type { HelperInput } from './helperBuild.ts';
import { appendCard, createFolder, helperFlow, putFlow } from './helperBuild.ts';
import { card, openInspector, showOutline } from './studio.ts';
import { exportedText, saveFlow } from './flowFile.ts';

/**
 * "Remove user from group": a helper taking Group (an Object, with `keys` if given) and User ID,
 * then Continue If and Remove User from Group, nothing mapped yet.
 */
async function removeFromGroupHelper(
  api: Page['request'],
  url: string,
  keys?: readonly string[],
): Promise<{ folderId: string; flow: FlowDto }> {
  const folder = await createFolder(api, url, 'Quarantine');
  const group: HelperInput = keys
    ? { name: 'Group', type: 'object', keys }
    : { name: 'Group', type: 'object' };
  const flow = await putFlow(api, url, folder.id, 'Remove user from group', (d) => {
    let data = helperFlow(d, [group, { name: 'User ID', type: 'string' }]);
    data = appendCard(data, 'root:kernel:control:continueIf').data;
    return appendCard(data, 'root:channels:http:okta:removeUserFromGroup').data;
  });
  return { folderId: folder.id, flow };
}

test('a helper’s group record declares its keys; Group › ID and Group › Type map as child fields through Okta’s hidden expand card; an object into a Text input is refused', async ({
  page,
  studio,
}) => {
  const api = page.request;
  const { folderId, flow: created } = await removeFromGroupHelper(api, studio.url);

  await page.goto(`${studio.url}/#folder=${folderId}&flow=${created.id}`);
  await expect(page.getByRole('heading', { name: 'Remove user from group' })).toBeVisible();
  const cards = await showOutline(page);
  await cards.getByRole('button').first().click();
  const panel = await openInspector(page);
  const keys = panel.getByLabel('Keys of input Group');
  await keys.fill('ID, Type, Profile.Name');
  await keys.press('Enter');
  await expect(keys).toHaveValue('ID, Type, Profile.Name');

  // The whole group record cannot go into a Text input: offered but not choosable, with the reason.
  await cards.getByRole('button', { name: /Remove User from Group/ }).click();
  const groupId = panel.getByRole('combobox', { name: 'Map Group ID from' });
  const whole = groupId.getByRole('option', { name: 'Group (cannot go here)' });
  await expect(whole).toBeDisabled();
  await expect(whole).toHaveAttribute('title', /“Group” is an object; “Group ID” takes a text/);
  await expect(panel.getByText('← Helper Flow · Group', { exact: true })).toHaveCount(0);
  // Its child fields are offered, nested ones too.
  await expect(groupId.getByRole('option', { name: 'Group › Profile › Name' })).toHaveCount(1);
  await groupId.selectOption({ label: 'Group › ID' });
  await expect(panel.getByText('← Helper Flow · Group › ID')).toBeVisible();
  await panel
    .getByRole('combobox', { name: 'Map User ID from' })
    .selectOption({ label: 'User ID' });

  await cards.getByRole('button', { name: /Continue If/ }).click();
  await panel
    .getByRole('combobox', { name: 'Map value a from' })
    .selectOption({ label: 'Group › Type' });
  await expect(panel.getByText('← Helper Flow · Group › Type')).toBeVisible();
  // The canvas shows the child pill on the card.
  await expect(
    page.getByRole('button', { name: 'value a ← Helper Flow › Group › Type' }),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Group ID ← Helper Flow › Group › ID' }),
  ).toBeVisible();

  await saveFlow(page);
  const saved = (await (await api.get(`${studio.url}/api/flows/${created.id}`)).json()) as FlowDto;
  const expands = saved.content.methods.filter((m) => m.node.key === 'expand');
  expect(expands).toHaveLength(1);
  expect(
    Object.values(expands[0]!.node.model.outputs.data)
      .filter((f) => f.key === 'value')
      .map((f) => f.metadata['path']),
  ).toEqual([['ID'], ['Type']]);

  const text = await exportedText(page);
  expect(text).toContain('"root:kernel:object:0.0.1:expand"');
});

const exact = (text: string): RegExp =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

const centre = async (l: Locator): Promise<{ x: number; y: number }> => {
  const b = await l.boundingBox();
  if (!b) throw new Error(`${l.toString()} is not on screen`);
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
};

/** The input row of a card on the canvas, by its label. */
const inputRow = (page: Page, on: RegExp, input: string): Locator =>
  card(page, on)
    .locator('li.cv-row')
    .filter({ has: page.locator('.cv-label', { hasText: new RegExp(`^${input}\\*?$`) }) });

/**
 * Drags a pill's handle onto an input row with the mouse; while over it, returns to the caller
 * (to look at the row and the tooltip) before letting go.
 */
async function dragPill(
  page: Page,
  source: Locator,
  row: Locator,
  whileOver: () => Promise<void>,
): Promise<void> {
  const a = await centre(source);
  const b = await centre(row.locator('.cv-in'));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + 20, a.y + 10, { steps: 4 });
  await page.mouse.move(b.x, b.y, { steps: 12 });
  await whileOver();
  await page.mouse.up();
}

test('a typed object pill opens its child fields on the card; dragging Group › ID onto an input maps it through Okta’s hidden expand card; an object child or the whole group into Text is refused with the reason', async ({
  page,
  studio,
}) => {
  const api = page.request;
  const { folderId, flow: created } = await removeFromGroupHelper(api, studio.url, [
    'ID',
    'Type',
    'Profile.Name',
  ]);

  await page.goto(`${studio.url}/#folder=${folderId}&flow=${created.id}`);
  await expect(page.getByRole('heading', { name: 'Remove user from group' })).toBeVisible();
  await page
    .getByRole('toolbar', { name: 'Editing' })
    .getByRole('button', { name: 'Fit the flow in view' })
    .click();
  const event = /^Events – Helper Flow/;
  const remove = /^Okta – Remove User from Group/;
  // A typed object has child fields; a text (User ID) has none, so no toggle.
  await expect(
    card(page, event).getByRole('button', { name: 'Show the fields of User ID' }),
  ).toHaveCount(0);
  await card(page, event).getByRole('button', { name: 'Show the fields of Group' }).click();
  const fields = card(page, event).getByRole('list', { name: 'Fields of Group' });
  await expect(fields.getByRole('listitem')).toHaveText([
    'Group › ID',
    'Group › Type',
    'Group › Profile',
    'Group › Profile › Name',
  ]);
  const child = (name: string): Locator =>
    fields
      .getByRole('listitem')
      .filter({ hasText: exact(name) })
      .locator('.cv-out-handle');

  // The whole group record into Group ID (a text): refused, with the reason by the pointer.
  const groupId = inputRow(page, remove, 'Group ID');
  const whole = card(page, event)
    .locator('.cv-out')
    .filter({ hasText: exact('Group') })
    .locator('.cv-out-handle');
  await dragPill(page, whole, groupId, async () => {
    await expect(groupId).toHaveClass(/refuses/);
    await expect(groupId).toHaveAttribute('title', /“Group” is an object; “Group ID” takes a text/);
    await expect(page.getByRole('tooltip')).toHaveText(/“Group” is an object/);
  });
  // So is an object child (Group › Profile).
  await dragPill(page, child('Group › Profile'), groupId, async () => {
    await expect(groupId).toHaveClass(/refuses/);
    await expect(groupId).toHaveAttribute(
      'title',
      /“Group › Profile” is an object; “Group ID” takes a text/,
    );
  });
  await expect(groupId).not.toHaveClass(/mapped/);

  // Group › ID into Group ID, Group › Type into Continue If's value a.
  await dragPill(page, child('Group › ID'), groupId, async () => {
    await expect(groupId).toHaveClass(/takes/);
  });
  await expect(
    page.getByRole('button', { name: 'Group ID ← Helper Flow › Group › ID' }),
  ).toBeVisible();
  const valueA = inputRow(page, /^Branching – Continue If/, 'value a');
  await dragPill(page, child('Group › Type'), valueA, async () => {
    await expect(valueA).toHaveClass(/takes/);
  });
  await expect(
    page.getByRole('button', { name: 'value a ← Helper Flow › Group › Type' }),
  ).toBeVisible();

  await saveFlow(page);
  const saved = (await (await api.get(`${studio.url}/api/flows/${created.id}`)).json()) as FlowDto;
  // One hidden expand card reads both children, exactly as Map from… writes it.
  const expands = saved.content.methods.filter((m) => m.node.key === 'expand');
  expect(expands).toHaveLength(1);
  expect(
    Object.values(expands[0]!.node.model.outputs.data)
      .filter((f) => f.key === 'value')
      .map((f) => f.metadata['path']),
  ).toEqual([['ID'], ['Type']]);
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'child-')), 'child.flopack');
  const res = await api.get(`${studio.url}/api/export?flow=${created.id}`);
  await writeFile(file, await res.body());
  expect(validateFlopack(file)).toBe(`${file}: ok`);
});
