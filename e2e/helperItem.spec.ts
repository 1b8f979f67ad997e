import { unwrap } from '../src/model/errors.ts';
import type { CardId, FieldId } from '../src/model/ids.ts';
import { mapField } from '../src/model/mapping.ts';
import type { RawMethod } from '../src/model/raw.ts';
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

const field = (m: RawMethod, io: 'inputs' | 'outputs', name: string): FieldId =>
  Object.values(m.node.model[io].data).find(
    (f) => f.key === name || f.metadata.displayname === name,
  )!.id as FieldId;

for (const order of [
  ['userId', 'group'],
  ['group', 'userId'],
] as const) {
  test(`For Each sends the current item to the helper input the card names (inputs ${order.join(', ')}); renaming the input updates the caller`, async ({
    page,
    studio,
  }) => {
    const api = page.request;
    const folder = await createFolder(api, studio.url, 'Quarantine');
    await putFlow(api, studio.url, folder.id, 'Helper B', (d) =>
      helperFlow(
        d,
        order.map((name) => ({ name, type: name === 'group' ? 'object' : 'string' })),
      ),
    );
    const caller = await putFlow(api, studio.url, folder.id, 'Quarantine by hand', (d) => {
      let data = withEvent(d, DELEGATED_FLOW);
      const event = data.methods[0]!;
      const groups = appendCard(data, 'root:channels:http:okta:getUsersGroups');
      const each = appendCard(groups.data, 'root:kernel:list:each');
      data = each.data;
      const g = data.methods.find((m) => m.uuid === groups.card)!;
      const e = data.methods.find((m) => m.uuid === each.card)!;
      data = unwrap(
        mapField(data, {
          from: { card: event.uuid as CardId, output: field(event, 'outputs', 'Okta User ID') },
          to: { card: groups.card, input: field(g, 'inputs', 'ID') },
        }),
      );
      return unwrap(
        mapField(data, {
          from: {
            card: groups.card,
            output: Object.values(g.node.model.outputs.data).find((f) => f.value.collection)!
              .id as FieldId,
          },
          to: { card: each.card, input: field(e, 'inputs', 'list') },
        }),
      );
    });

    await page.goto(`${studio.url}/#folder=${folder.id}&flow=${caller.id}`);
    await expect(page.getByRole('heading', { name: 'Quarantine by hand' })).toBeVisible();
    const cards = await showOutline(page);
    await cards.getByRole('button', { name: /^List – For Each/ }).click();
    const panel = await openInspector(page);
    // The group records fit the Object input, whichever order the helper declares them in.
    await chooseHelper(panel, 'Helper B', 'group');
    // Chosen on the card itself; the Inspector follows.
    const onCard = page.getByRole('combobox', { name: 'Current item of For Each goes to' });
    await expect(onCard).toHaveValue('group');
    await onCard.selectOption('userId');
    await expect(panel.getByLabel('Current item goes to')).toHaveValue('userId');
    await expect(panel.getByRole('combobox', { name: 'Map userId from' })).toHaveCount(0);
    await onCard.selectOption('group');
    await expect(panel.getByLabel('Current item goes to')).toHaveValue('group');
    await expect(panel.getByRole('combobox', { name: 'Map group from' })).toHaveCount(0);
    await expect(panel.getByText('← current item')).toBeVisible();
    await panel
      .getByRole('combobox', { name: 'Map userId from' })
      .selectOption({ label: 'Okta User ID' });
    await expect(
      cards
        .getByRole('listitem')
        .filter({ has: page.getByRole('button', { name: /^List – For Each/ }) }),
    ).toContainText('current item');
    await saveFlow(page);

    const run = async (userInput: string) => {
      await page.getByRole('button', { name: 'Test run' }).click();
      const sim = page.getByRole('complementary', { name: 'Test run' });
      await sim.getByLabel(/^Okta User ID/).selectOption({ label: 'Alice Example (active)' });
      await sim.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(sim.getByRole('status')).toHaveText('Run completed.');
      const helperRun = sim.getByRole('list', { name: 'Cards run in Helper B' }).first();
      await expect(helperRun).toContainText(`out · ${userInput}00u1alice`);
      await expect(helperRun).toContainText('out · group{');
      await expect(helperRun).toContainText('00g0everyone');
      await page.getByRole('button', { name: 'Test run' }).click();
    };
    await run('userId');

    // Rename the helper input; its caller follows on save.
    await cards.getByRole('button', { name: /^List – For Each/ }).click();
    await openInspector(page);
    await panel.getByRole('button', { name: 'Open helper flow' }).click();
    await expect(page.getByRole('heading', { name: 'Helper B' })).toBeVisible();
    await page
      .getByRole('list', { name: /^Cards of / })
      .getByRole('button')
      .first()
      .click();
    const name = panel.getByLabel('Name of input userId');
    await name.fill('oktaUserId');
    await name.press('Enter');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Updated the helper’s callers: Quarantine by hand.')).toBeVisible();
    await page.getByRole('button', { name: '← Back to Quarantine by hand' }).click();
    await expect(page.getByRole('heading', { name: 'Quarantine by hand' })).toBeVisible();
    await cards.getByRole('button', { name: /^List – For Each/ }).click();
    await openInspector(page);
    await expect(panel.getByRole('combobox', { name: 'Map oktaUserId from' })).toBeVisible();
    await expect(panel.getByLabel('Current item goes to')).toHaveValue('group');
    await run('oktaUserId');
  });
}
