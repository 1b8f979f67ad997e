import { expect, test } from './fixtures.ts';
import { inspector, outline, slackFlow } from './seededFlow.ts';
import { saveFlow } from './flowFile.ts';

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
  await saveFlow(page);

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
  await saveFlow(page);
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
  await saveFlow(page);
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

  await saveFlow(page);
  await page.reload();
  await outline(page)
    .getByRole('button', { name: /^Events – Delegated Flow/ })
    .click();
  await expect(panel.getByLabel('Type of input risk level')).toHaveValue('number');
  await expect(panel.getByLabel('Name of input detectedAt')).toHaveCount(0);
});
