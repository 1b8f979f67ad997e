import type { FlowDto } from '../src/server/dto.ts';
import { expect, sharedFlopack, test } from './fixtures.ts';
import { card } from './studio.ts';
import { HELPER, content, inspector, newFlow, outline, seed, slackFlow } from './seededFlow.ts';
import { saveFlow } from './flowFile.ts';

test('a card calling a helper flow names it and opens it; the helper’s parameters are edited', async ({
  page,
  studio,
}) => {
  const { folderId } = await slackFlow(page, studio.url, ['root:kernel:list:each']);
  const created = await page.request.post(`${studio.url}/api/flows`, {
    data: { folderId, name: 'Remove user from group' },
  });
  const helper = (await created.json()) as FlowDto;
  await seed(page.request, studio.url, helper.id, (d) => content(d, HELPER, []));
  await page.reload();

  const panel = inspector(page);
  await outline(page)
    .getByRole('button', { name: /^List – For Each/ })
    .click();
  await panel.getByLabel('Helper Flow', { exact: true }).selectOption({
    label: 'Remove user from group',
  });
  await expect(panel.getByText('Calls Remove user from group')).toBeVisible();
  await saveFlow(page);
  await panel.getByRole('button', { name: 'Open helper flow' }).click();
  await expect(page.getByRole('heading', { name: 'Remove user from group' })).toBeVisible();

  await outline(page).getByRole('button', { name: 'Events – Helper Flow, card 1 of 1' }).click();
  const add = panel.getByRole('form', { name: 'Add input' });
  await add.getByLabel('Name').fill('groups');
  await add.getByLabel('Type').selectOption('Object');
  await add.getByLabel('List').check();
  await add.getByRole('button', { name: 'Add input' }).click();
  await expect(panel.getByLabel('Type of input groups')).toHaveValue('object');
  await expect(panel.getByRole('checkbox', { name: 'List of groups' })).toBeChecked();
});

test('[corpus] a real ISPM remediation flow: inline-flow cards are in the outline and read their outside sources', async ({
  page,
  studio,
}) => {
  const { folderId } = await newFlow(page, studio.url);
  const { text } = sharedFlopack('suspend_okta_account_ispm_remediation_flow');
  const res = await page.request.post(`${studio.url}/api/import?folder=${folderId}`, {
    data: text,
    headers: { 'content-type': 'application/json' },
  });
  expect(res.ok()).toBe(true);
  await page.reload();
  await page
    .getByRole('list', { name: 'Flows in Entity Risk' })
    .getByText('2.2 Suspend Okta User')
    .click();
  await expect(page.getByRole('heading', { name: '2.2 Suspend Okta User' })).toBeVisible();

  const tryArm = page.getByRole('list', { name: 'Try of If Error' });
  const suspend = tryArm.getByRole('button', { name: /^Okta – Suspend User, card \d+ of \d+$/ });
  await expect(suspend).toBeVisible();
  // On the canvas, the card inside the Try lane reads the handed-in value by its outside source.
  await expect(
    card(page, /^Okta – Suspend User, card/).getByRole('button', {
      name: 'ID or Login ← Assign › User Id in Service',
    }),
  ).toBeVisible();
  // The If Error card's Inspector lists what it hands into its lanes, named by their sources.
  await outline(page)
    .getByRole('button', { name: /– If Error, card \d+ of \d+$/ })
    .click();
  const handed = inspector(page).getByRole('list', { name: 'Values handed into its lanes' });
  await expect(handed.getByText('← Assign · User Id in Service')).toBeVisible();
  await expect(inspector(page).getByText('This card has no inputs to set.')).toBeHidden();
  const rows = tryArm.getByRole('button', { name: /^Tables – Create Row/ });
  await rows.click();
  const panel = inspector(page);
  await expect(panel.getByRole('heading', { name: 'Create Row' })).toBeVisible();
  await expect(panel.getByText('← Assign · Category')).toBeVisible();

  await outline(page)
    .getByRole('button', { name: /^Events – Delegated Flow/ })
    .click();
  await expect(panel.getByLabel('Name of input issueSeverity')).toBeVisible();
  await expect(panel.getByLabel('Type of input issueSeverity')).toHaveValue('string');
});

test('typing a title is one undo step, and the inspector drawer can be closed and opened', async ({
  page,
  studio,
}) => {
  await slackFlow(page, studio.url);
  const panel = inspector(page);
  await outline(page)
    .getByRole('button', { name: /^Okta – Read User/ })
    .click();
  const title = panel.getByLabel('Title', { exact: true });
  await title.press('End');
  await title.pressSequentially(' (at-risk)', { delay: 40 });
  await expect(
    outline(page).getByRole('button', { name: 'Okta – Read User (at-risk), card 2 of 4' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(title).toHaveValue('Read User');
  await expect(
    outline(page).getByRole('button', { name: 'Okta – Read User, card 2 of 4' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Close the panel' }).click();
  await expect(title).toBeHidden();
  const show = page
    .getByRole('toolbar', { name: 'Flow actions' })
    .getByRole('button', { name: 'Inspector' });
  await expect(show).toHaveAttribute('aria-pressed', 'false');
  await show.click();
  await expect(title).toHaveValue('Read User');
});

test('a note’s title and Markdown text are edited and saved', async ({ page, studio }) => {
  await slackFlow(page, studio.url, ['root:kernel:control:comment']);
  const panel = inspector(page);
  await outline(page).getByRole('button', { name: 'Note, card 5 of 5' }).click();
  await panel.getByLabel('Title', { exact: true }).fill('Why Slack');
  await panel.getByLabel('Text (Markdown)').fill('The **SOC** channel watches risk alerts.');
  await expect(outline(page)).toContainText('The **SOC** channel watches risk alerts.');
  // The outline names the note by its title; the canvas renders its Markdown.
  await expect(
    outline(page).getByRole('button', { name: 'Note “Why Slack”, card 5 of 5' }),
  ).toHaveText('Notes Why Slack');
  const note = card(page, 'Note “Why Slack”, card 5 of 5');
  await expect(note.locator('strong', { hasText: 'SOC' })).toBeVisible();
  await saveFlow(page);
  await page.reload();
  await outline(page)
    .getByRole('button', { name: /^Note “Why Slack”/ })
    .click();
  await expect(panel.getByLabel('Title', { exact: true })).toHaveValue('Why Slack');
  await expect(panel.getByLabel('Text (Markdown)')).toHaveValue(
    'The **SOC** channel watches risk alerts.',
  );
});

test('Compose gets a field that an earlier output is mapped into', async ({ page, studio }) => {
  await slackFlow(page, studio.url);
  const panel = inspector(page);
  await outline(page)
    .getByRole('button', { name: /^Text – Compose/ })
    .click();
  await panel.getByLabel('Text', { exact: true }).fill('Risk for');
  await panel.getByRole('button', { name: 'Insert field' }).click();
  // The new field shows as a named pill at the cursor (the end), never as its raw token.
  await expect(panel.getByRole('textbox', { name: 'Text' })).toHaveText(/^Risk for ?Field 1/);
  await expect(page.locator('body')).not.toContainText('{{{');
  await panel
    .getByRole('combobox', { name: 'Map Field 1 from' })
    .selectOption({ label: 'Username' });
  await expect(panel.getByText('← Read User · Username')).toBeVisible();
  await saveFlow(page);
  await page.reload();
  await outline(page)
    .getByRole('button', { name: /^Text – Compose/ })
    .click();
  await expect(panel.getByText('← Read User · Username')).toBeVisible();
});

test('Get Multiple: keys are added as Okta writes them, removed, and the removal undone', async ({
  page,
  studio,
}) => {
  const { flowId } = await slackFlow(page, studio.url, ['root:kernel:object:pick']);
  const panel = inspector(page);
  await outline(page)
    .getByRole('button', { name: /^Object – Get Multiple, card 5 of 5$/ })
    .click();
  const outputs = panel.getByRole('region', { name: 'Outputs' });
  const form = outputs.getByRole('form', { name: 'Add field' });
  for (const key of ['ID', 'Type', 'Profile.Name']) {
    await form.getByLabel('Key').fill(key);
    await form.getByRole('button', { name: 'Add field' }).click();
    await expect(outputs.getByRole('button', { name: `Remove output ${key}` })).toBeVisible();
  }
  await expect(form.getByLabel('Key')).toHaveValue('');
  // A key already picked is refused with the model's message.
  await form.getByLabel('Key').fill('type');
  await form.getByRole('button', { name: 'Add field' }).click();
  await expect(outputs.getByRole('alert')).toContainText('already has an output "type"');

  await outputs.getByRole('button', { name: 'Remove output Type' }).click();
  await expect(outputs.getByRole('button', { name: 'Remove output Type' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(outputs.getByRole('button', { name: 'Remove output Type' })).toBeVisible();
  await outputs.getByRole('button', { name: 'Remove output ID' }).click();
  await saveFlow(page);

  const keys = async (): Promise<string[]> => {
    const flow = (await (
      await page.request.get(`${studio.url}/api/flows/${flowId}`)
    ).json()) as FlowDto;
    const pick = flow.content.methods.find((m) => m.node.key === 'pick');
    return Object.values(pick?.node.model.outputs.data ?? {})
      .filter((f) => f.metadata.custom === true)
      .map((f) => f.key);
  };
  await expect.poll(keys).toEqual(['Type', 'Profile.Name']);
});
