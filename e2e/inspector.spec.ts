import type { APIRequestContext, Page } from '@playwright/test';
import { catalog } from '../src/catalog/index.ts';
import { createCard } from '../src/model/catalog.ts';
import { unwrap } from '../src/model/errors.ts';
import { setEvent } from '../src/model/flows.ts';
import { insertCard } from '../src/model/insert.ts';
import type { RawFloData } from '../src/model/raw.ts';
import { allCardIds } from '../src/model/scope.ts';
import type { FlowDto } from '../src/server/dto.ts';
import { expect, sharedFlopack, test } from './fixtures.ts';
import { card, openInspector, showOutline } from './studio.ts';

const DELEGATED = 'root:kernel:http:delegated';
const HELPER = 'root:kernel:control:callable';
const SLACK_NOTIFY = [
  'root:channels:http:okta:readUser',
  'root:kernel:string:compose',
  'root:channels:http:slack:sendMessageToChannel2',
];

/** Flow content built with the model: an event card followed by catalog cards. */
function content(data: RawFloData, event: string, cards: readonly string[]): RawFloData {
  let d = unwrap(setEvent(data, createCard(catalog, event, allCardIds(data))));
  for (const id of cards) {
    const card = createCard(catalog, id, allCardIds(d));
    d = unwrap(insertCard(d, { kind: 'end' }, card, { catalog })).data;
  }
  return d;
}

/** Creates a folder and a new flow through the UI; returns their ids. */
async function newFlow(page: Page, url: string): Promise<{ flowId: string; folderId: string }> {
  await page.goto(url);
  await page.getByRole('button', { name: 'New folder' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Entity Risk');
  await dialog.getByRole('button', { name: 'Create folder' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'New flow' }).click();
  await expect(page.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  // The outline is off by default; once shown it stays shown.
  await showOutline(page);
  const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
  return { flowId: hash.get('flow') ?? '', folderId: hash.get('folder') ?? '' };
}

/** Replaces a flow's content (and optionally its name) through the API. */
async function seed(
  request: APIRequestContext,
  url: string,
  flowId: string,
  build: (data: RawFloData) => RawFloData,
  name?: string,
): Promise<void> {
  const flow = (await (await request.get(`${url}/api/flows/${flowId}`)).json()) as FlowDto;
  const res = await request.put(`${url}/api/flows/${flowId}`, {
    data: {
      baseRevision: flow.revision,
      content: build(flow.content),
      ...(name === undefined ? {} : { name }),
    },
  });
  expect(res.ok()).toBe(true);
}

/** A new "Risk Policy - Low (Notify)" flow: Delegated Flow → Read User → Compose → Slack. */
async function slackFlow(page: Page, url: string, extra: readonly string[] = []) {
  const ids = await newFlow(page, url);
  await seed(
    page.request,
    url,
    ids.flowId,
    (d) => content(d, DELEGATED, [...SLACK_NOTIFY, ...extra]),
    'Risk Policy - Low (Notify)',
  );
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Risk Policy - Low (Notify)' })).toBeVisible();
  await openInspector(page);
  return ids;
}

const outline = (page: Page) => page.getByRole('list', { name: /^Cards of / });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Unsaved changes')).toBeHidden();
}

test('selecting a card in the outline shows its inputs, outputs and options in the inspector', async ({
  page,
  studio,
}) => {
  await slackFlow(page, studio.url);
  const panel = inspector(page);
  await expect(panel).toContainText('Select a card');

  const read = outline(page).getByRole('button', { name: 'Okta – Read User, card 2 of 4' });
  await read.click();
  await expect(read).toHaveAttribute('aria-current', 'true');
  await expect(panel.getByRole('heading', { name: 'Read User' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'User', exact: true })).toBeVisible();
  const id = panel.getByLabel('ID or Login', { exact: true });
  await expect(id).toHaveAttribute('aria-required', 'true');
  await expect(panel.getByRole('combobox', { name: 'Map ID or Login from' })).toBeVisible();
  const outputs = panel.getByRole('region', { name: 'Outputs' });
  await expect(outputs.getByText('Profile Properties')).toBeVisible();
  await expect(outputs.getByText('First name')).toBeVisible();

  // Keyboard only: arrows move between cards, Enter selects.
  await read.focus();
  await page.keyboard.press('ArrowDown');
  const compose = outline(page).getByRole('button', { name: 'Text – Compose, card 3 of 4' });
  await expect(compose).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const slack = outline(page).getByRole('button', {
    name: 'Slack – Send Message to Channel, card 4 of 4',
  });
  await expect(slack).toHaveAttribute('aria-current', 'true');
  await expect(read).not.toHaveAttribute('aria-current', 'true');
  await expect(panel.getByRole('heading', { name: 'Options' })).toBeVisible();
  await expect(panel.getByLabel('Send as bot?')).toHaveValue('"Yes"');
  await expect(panel.getByRole('combobox', { name: 'Map Send as bot? from' })).toHaveCount(0);
});

test('renaming a card and typing values are saved and survive a reload', async ({
  page,
  studio,
}) => {
  await slackFlow(page, studio.url);
  const panel = inspector(page);
  await outline(page)
    .getByRole('button', { name: /^Okta – Read User/ })
    .click();
  const title = panel.getByLabel('Title', { exact: true });
  await title.fill('Read at-risk user');
  await expect(
    outline(page).getByRole('button', { name: 'Okta – Read at-risk user, card 2 of 4' }),
  ).toHaveAttribute('aria-current', 'true');
  await title.fill('');
  await expect(panel.getByRole('alert')).toContainText('name is empty');
  await title.blur();
  await expect(title).toHaveValue('Read at-risk user');
  await expect(panel.getByRole('alert')).toHaveCount(0);

  await outline(page)
    .getByRole('button', { name: /^Slack – Send Message/ })
    .click();
  await panel.getByLabel('Text', { exact: true }).fill('A risky sign-in was detected.');
  await panel.getByLabel('Unfurl URLs?').selectOption('No');
  await outline(page)
    .getByRole('button', { name: /^Text – Compose/ })
    .click();
  await panel.getByLabel('Text', { exact: true }).fill('User at risk:');
  await save(page);

  await page.reload();
  await outline(page)
    .getByRole('button', { name: /^Slack – Send Message/ })
    .click();
  await expect(panel.getByLabel('Text', { exact: true })).toHaveValue(
    'A risky sign-in was detected.',
  );
  await expect(panel.getByLabel('Unfurl URLs?')).toHaveValue('"No"');
  await expect(
    outline(page).getByRole('button', { name: 'Okta – Read at-risk user, card 2 of 4' }),
  ).toBeVisible();
});

test('maps ID or Login from Okta User ID, then unmaps it, and a typed value replaces a mapping', async ({
  page,
  studio,
}) => {
  await slackFlow(page, studio.url);
  const panel = inspector(page);
  await outline(page)
    .getByRole('button', { name: /^Okta – Read User/ })
    .click();
  const map = panel.getByRole('combobox', { name: 'Map ID or Login from' });
  await expect(map.locator('optgroup')).toHaveCount(1);
  await expect(map.locator('optgroup')).toHaveAttribute('label', 'Events – Delegated Flow');
  // The Delegated Flow offers Okta's Caller object beside Okta User ID, but an object cannot go
  // into the text input: shown, not choosable, with the reason.
  const caller = map.getByRole('option', { name: 'Caller (cannot go here)' });
  await expect(caller).toBeDisabled();
  await expect(caller).toHaveAttribute('title', /Caller.*object/);
  await map.selectOption({ label: 'Okta User ID' });
  await expect(panel.getByText('← Delegated Flow · Okta User ID')).toBeVisible();
  await expect(outline(page)).toContainText('ID or Login: ← Delegated Flow · Okta User ID');

  await panel.getByRole('button', { name: 'Unmap ID or Login' }).click();
  await expect(panel.getByText('← Delegated Flow · Okta User ID')).toHaveCount(0);
  await expect(map).toHaveValue('');

  // Later cards see every earlier card's outputs, grouped by card.
  await outline(page)
    .getByRole('button', { name: /^Slack – Send Message/ })
    .click();
  const slackMap = panel.getByRole('combobox', { name: 'Map Text from' });
  await expect(slackMap.locator('optgroup')).toHaveCount(3);
  await slackMap.selectOption({ label: 'output' });
  await expect(panel.getByText('← Compose · output')).toBeVisible();
  await save(page);
  await page.reload();
  await outline(page)
    .getByRole('button', { name: /^Slack – Send Message/ })
    .click();
  await expect(panel.getByText('← Compose · output')).toBeVisible();
  await panel.getByLabel('Text', { exact: true }).fill('Static text');
  await expect(panel.getByText('← Compose · output')).toHaveCount(0);
  await expect(panel.getByLabel('Text', { exact: true })).toHaveValue('Static text');
});

test('a value of the wrong type is refused with the model’s message', async ({ page, studio }) => {
  await slackFlow(page, studio.url, ['root:kernel:list:each']);
  const panel = inspector(page);
  await outline(page)
    .getByRole('button', { name: /^List – For Each/ })
    .click();
  const list = panel.getByLabel('list', { exact: true });
  await list.fill('{"id": "00g1"}');
  await list.blur();
  await expect(panel.getByRole('alert')).toHaveText('"list" takes a list.');
  await list.fill('[{"id": "00g1"');
  await list.blur();
  await expect(panel.getByRole('alert')).toContainText('is not valid JSON');
  await list.fill('[{"id": "00g1"}]');
  await list.blur();
  await expect(panel.getByRole('alert')).toHaveCount(0);

  const concurrency = panel.getByLabel('concurrency', { exact: true });
  await concurrency.fill('many');
  await concurrency.blur();
  await expect(panel.getByRole('alert')).toContainText('takes a number');
  await concurrency.fill('5');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await save(page);
  await page.reload();
  await outline(page)
    .getByRole('button', { name: /^List – For Each/ })
    .click();
  await expect(panel.getByLabel('concurrency', { exact: true })).toHaveValue('5');
  await expect(panel.getByLabel('list', { exact: true })).toHaveValue(
    '[\n  {\n    "id": "00g1"\n  }\n]',
  );
});

test('Delegated Flow inputs: add, rename, retype and remove; a list type cannot be chosen', async ({
  page,
  studio,
}) => {
  await slackFlow(page, studio.url);
  const panel = inspector(page);
  await outline(page).getByRole('button', { name: 'Events – Delegated Flow, card 1 of 4' }).click();
  const outputs = panel.getByRole('region', { name: 'Outputs' });
  await expect(outputs.getByText('Okta User ID')).toBeVisible();
  await expect(outputs.getByText('Caller', { exact: true })).toBeVisible();
  await expect(outputs).toContainText('the at-risk user when an entity risk policy runs it');
  await expect(outputs.getByText('Execution ID')).toBeVisible();

  const add = panel.getByRole('form', { name: 'Add input' });
  const type = add.getByLabel('Type');
  await expect(type.locator('option')).toHaveText(['Text', 'Number', 'True/False', 'Date & Time']);
  await expect(add.getByLabel('List')).toHaveCount(0);
  await add.getByLabel('Name').fill('riskLevel');
  await add.getByRole('button', { name: 'Add input' }).click();
  await expect(panel.getByLabel('Name of input riskLevel')).toHaveValue('riskLevel');
  await expect(add.getByLabel('Name')).toHaveValue('');

  await add.getByLabel('Name').fill('RiskLevel');
  await add.getByRole('button', { name: 'Add input' }).click();
  await expect(panel.getByRole('alert')).toContainText('already has an input named "RiskLevel"');

  await add.getByLabel('Name').fill('detectedAt');
  await type.selectOption('Date & Time');
  await add.getByRole('button', { name: 'Add input' }).click();
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(panel.getByLabel('Type of input detectedAt')).toHaveValue('Date');

  const name = panel.getByLabel('Name of input riskLevel');
  await name.fill('risk level');
  await name.press('Enter');
  await expect(panel.getByLabel('Name of input risk level')).toBeVisible();
  const retype = panel.getByLabel('Type of input risk level');
  await expect(retype.locator('option')).toHaveText([
    'Text',
    'Number',
    'True/False',
    'Date & Time',
  ]);
  await retype.selectOption('Number');
  await panel.getByRole('button', { name: 'Remove input detectedAt' }).click();
  await expect(panel.getByLabel('Name of input detectedAt')).toHaveCount(0);

  // The new input is an output later cards can map.
  await outline(page)
    .getByRole('button', { name: /^Okta – Read User/ })
    .click();
  await expect(
    panel.getByRole('combobox', { name: 'Map ID or Login from' }).locator('option', {
      hasText: 'risk level',
    }),
  ).toHaveCount(1);

  await save(page);
  await page.reload();
  await outline(page)
    .getByRole('button', { name: /^Events – Delegated Flow/ })
    .click();
  await expect(panel.getByLabel('Type of input risk level')).toHaveValue('number');
  await expect(panel.getByLabel('Name of input detectedAt')).toHaveCount(0);
});

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
  await save(page);
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
  await save(page);
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
  await save(page);
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
  await save(page);

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
