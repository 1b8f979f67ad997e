import { readFile } from 'node:fs/promises';
import { catalog } from '../src/catalog/index.ts';
import { createCard } from '../src/model/catalog.ts';
import { unwrap } from '../src/model/errors.ts';
import { addEventInput } from '../src/model/eventInputs.ts';
import { setEvent } from '../src/model/flows.ts';
import { insertCard } from '../src/model/insert.ts';
import type { RawFloData } from '../src/model/raw.ts';
import { allCardIds } from '../src/model/scope.ts';
import type { FlowDto, FolderDto } from '../src/server/dto.ts';
import { expect, test, validateFlopack } from './fixtures.ts';
import { flowAction, openInspector, showOutline } from './studio.ts';

const append = (data: RawFloData, address: string): RawFloData =>
  unwrap(
    insertCard(data, { kind: 'end' }, createCard(catalog, address, allCardIds(data)), { catalog }),
  ).data;

test('a helper’s group record declares its keys; Group › ID and Group › Type map as child fields through Okta’s hidden expand card; an object into a Text input is refused', async ({
  page,
  studio,
}) => {
  const api = page.request;
  const folder = (await (
    await api.post(`${studio.url}/api/folders`, { data: { name: 'Quarantine', parentId: null } })
  ).json()) as FolderDto;
  const created = (await (
    await api.post(`${studio.url}/api/flows`, {
      data: { folderId: folder.id, name: 'Remove user from group' },
    })
  ).json()) as FlowDto;
  let content = unwrap(
    setEvent(
      created.content,
      createCard(catalog, 'root:kernel:control:callable', allCardIds(created.content)),
    ),
  );
  content = unwrap(addEventInput(content, { name: 'Group', type: 'object' })).data;
  content = unwrap(addEventInput(content, { name: 'User ID', type: 'string' })).data;
  content = append(content, 'root:kernel:control:continueIf');
  content = append(content, 'root:channels:http:okta:removeUserFromGroup');
  await api.put(`${studio.url}/api/flows/${created.id}`, {
    data: { baseRevision: created.revision, content },
  });

  await page.goto(`${studio.url}/#folder=${folder.id}&flow=${created.id}`);
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

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Unsaved changes')).toBeHidden();
  const saved = (await (await api.get(`${studio.url}/api/flows/${created.id}`)).json()) as FlowDto;
  const expands = saved.content.methods.filter((m) => m.node.key === 'expand');
  expect(expands).toHaveLength(1);
  expect(
    Object.values(expands[0]!.node.model.outputs.data)
      .filter((f) => f.key === 'value')
      .map((f) => f.metadata['path']),
  ).toEqual([['ID'], ['Type']]);

  await flowAction(page, 'Export');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /^Export flow/ }).click();
  const file = await (await download).path();
  expect(validateFlopack(file)).toBe(`${file}: ok`);
  const text = await readFile(file, 'utf8');
  expect(text).toContain('"address": "root:kernel:object:0.0.1:expand"');
});
