import { catalog } from '../src/catalog/index.ts';
import { createCard } from '../src/model/catalog.ts';
import { unwrap } from '../src/model/errors.ts';
import { addEventInput } from '../src/model/eventInputs.ts';
import { setEvent } from '../src/model/flows.ts';
import { insertCard } from '../src/model/insert.ts';
import type { RawFloData } from '../src/model/raw.ts';
import { allCardIds } from '../src/model/scope.ts';
import type { FlowDto, FolderDto } from '../src/server/dto.ts';
import { expect, test } from './fixtures.ts';
import { openInspector, showOutline } from './studio.ts';

test('choosing the helper flow of a For Each gives it the helper’s inputs; the helper opens and leads back', async ({
  page,
  studio,
}) => {
  const api = page.request;
  const folder = (await (
    await api.post(`${studio.url}/api/folders`, { data: { name: 'Quarantine', parentId: null } })
  ).json()) as FolderDto;
  const put = async (name: string, build: (d: RawFloData) => RawFloData): Promise<FlowDto> => {
    const flow = (await (
      await api.post(`${studio.url}/api/flows`, { data: { folderId: folder.id, name } })
    ).json()) as FlowDto;
    const res = await api.put(`${studio.url}/api/flows/${flow.id}`, {
      data: { baseRevision: flow.revision, content: build(flow.content) },
    });
    return (await res.json()) as FlowDto;
  };
  await put('Remove user from group', (d) => {
    let data = unwrap(
      setEvent(d, createCard(catalog, 'root:kernel:control:callable', allCardIds(d))),
    );
    data = unwrap(addEventInput(data, { name: 'group', type: 'object' })).data;
    return unwrap(addEventInput(data, { name: 'userId', type: 'string' })).data;
  });
  const caller = await put('Quarantine and deactivate', (d) => {
    const data = unwrap(
      setEvent(d, createCard(catalog, 'root:kernel:http:delegated', allCardIds(d))),
    );
    return unwrap(
      insertCard(
        data,
        { kind: 'end' },
        createCard(catalog, 'root:kernel:list:each', allCardIds(data)),
        { catalog },
      ),
    ).data;
  });

  await page.goto(`${studio.url}/#folder=${folder.id}&flow=${caller.id}`);
  await expect(page.getByRole('heading', { name: 'Quarantine and deactivate' })).toBeVisible();
  await (await showOutline(page)).getByRole('button', { name: /^List – For Each/ }).click();
  const panel = await openInspector(page);
  await panel
    .getByLabel('Helper Flow', { exact: true })
    .selectOption({ label: 'Remove user from group' });
  // The group records fit the helper's Object input, so the current item goes there.
  await expect(panel.getByLabel('Current item goes to')).toHaveValue('group');
  await expect(panel.getByText('← current item')).toBeVisible();
  await expect(panel.getByRole('combobox', { name: 'Map userId from' })).toBeVisible();
  await panel
    .getByRole('combobox', { name: 'Map userId from' })
    .selectOption({ label: 'Okta User ID' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Unsaved changes')).toBeHidden();

  await panel.getByRole('button', { name: 'Open helper flow' }).click();
  await expect(page.getByRole('heading', { name: 'Remove user from group' })).toBeVisible();
  await page.getByRole('button', { name: '← Back to Quarantine and deactivate' }).click();
  await expect(page.getByRole('heading', { name: 'Quarantine and deactivate' })).toBeVisible();

  const saved = (await (await api.get(`${studio.url}/api/flows/${caller.id}`)).json()) as FlowDto;
  const each = saved.content.methods.find((m) => m.node.key === 'each');
  const fields = Object.values(each?.node.model.inputs.data ?? {}).filter((f) => f.metadata.custom);
  expect(fields.map((f) => f.key)).toEqual(['group', 'userId']);
});
