import type { FlowDto } from '../src/server/dto.ts';
import { expect, test } from './fixtures.ts';
import {
  appendCard,
  chooseHelper,
  createFolder,
  DELEGATED_FLOW,
  helperFlow,
  putFlow,
  withEvent,
} from './helperBuild.ts';
import { openInspector, showOutline } from './studio.ts';
import { saveFlow } from './flowFile.ts';

test('choosing the helper flow of a For Each gives it the helper’s inputs; the helper opens and leads back', async ({
  page,
  studio,
}) => {
  const api = page.request;
  const folder = await createFolder(api, studio.url, 'Quarantine');
  await putFlow(api, studio.url, folder.id, 'Remove user from group', (d) =>
    helperFlow(d, [
      { name: 'group', type: 'object' },
      { name: 'userId', type: 'string' },
    ]),
  );
  const caller = await putFlow(
    api,
    studio.url,
    folder.id,
    'Quarantine and deactivate',
    (d) => appendCard(withEvent(d, DELEGATED_FLOW), 'root:kernel:list:each').data,
  );

  await page.goto(`${studio.url}/#folder=${folder.id}&flow=${caller.id}`);
  await expect(page.getByRole('heading', { name: 'Quarantine and deactivate' })).toBeVisible();
  await (await showOutline(page)).getByRole('button', { name: /^List – For Each/ }).click();
  const panel = await openInspector(page);
  // The group records fit the helper's Object input, so the current item goes there.
  await chooseHelper(panel, 'Remove user from group', 'group');
  await expect(panel.getByRole('combobox', { name: 'Map userId from' })).toBeVisible();
  await panel
    .getByRole('combobox', { name: 'Map userId from' })
    .selectOption({ label: 'Okta User ID' });
  await saveFlow(page);

  await panel.getByRole('button', { name: 'Open helper flow' }).click();
  await expect(page.getByRole('heading', { name: 'Remove user from group' })).toBeVisible();
  await page.getByRole('button', { name: '← Back to Quarantine and deactivate' }).click();
  await expect(page.getByRole('heading', { name: 'Quarantine and deactivate' })).toBeVisible();

  const saved = (await (await api.get(`${studio.url}/api/flows/${caller.id}`)).json()) as FlowDto;
  const each = saved.content.methods.find((m) => m.node.key === 'each');
  const fields = Object.values(each?.node.model.inputs.data ?? {}).filter((f) => f.metadata.custom);
  expect(fields.map((f) => f.key)).toEqual(['group', 'userId']);
});
