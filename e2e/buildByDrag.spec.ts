/**
 * The quarantine template — its main flow and its helper — built by hand on the canvas as in
 * Okta's console: every card from a "+" popover, every mapping by dragging an output pill onto
 * an input row (React Flow's own connection handles), the helper's inputs, Get Multiple's keys
 * and For Each's helper chosen on the cards. The Inspector is never opened. The export
 * validates and has the template's cards and mappings.
 */
import type { Locator, Page } from '@playwright/test';
import { catalog } from '../src/catalog/index.ts';
import { unwrap } from '../src/model/errors.ts';
import type { RawFloData } from '../src/model/raw.ts';
import { buildTemplate } from '../src/model/templates.ts';
import { expect, test } from './fixtures.ts';
import { flowShape } from './flowShape.ts';
import type { FlowShape } from './flowShape.ts';
import { addEvent, card, newFolder } from './studio.ts';
import { exportedText, saveFlow } from './flowFile.ts';
import { addAtEnd, addAtPlus, renameFlow, setCondition } from './cardPopover.ts';

const exact = (text: string): RegExp =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** Fits the flow in view, so every card of this small flow is on screen. */
async function fit(page: Page): Promise<void> {
  await page
    .getByRole('toolbar', { name: 'Editing' })
    .getByRole('button', { name: 'Fit the flow in view' })
    .click();
  await page.waitForTimeout(400);
}

const center = async (l: Locator): Promise<{ x: number; y: number }> => {
  const b = await l.boundingBox();
  if (!b) throw new Error(`${l.toString()} is not on screen`);
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
};

/** Drags an output pill's handle onto an input row's handle with the mouse. */
async function dragMap(
  page: Page,
  from: { card: RegExp; output: string },
  to: { card: RegExp; input: string },
): Promise<void> {
  await fit(page);
  const source = card(page, from.card)
    .locator('.cv-out')
    .filter({ hasText: exact(from.output) })
    .locator('.cv-out-handle');
  const row = card(page, to.card)
    .locator('li.cv-row')
    .filter({ has: page.locator('.cv-label', { hasText: new RegExp(`^${to.input}\\*?$`) }) });
  const target = row.locator('.cv-in');
  const a = await center(source);
  const b = await center(target);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + 20, a.y + 10, { steps: 4 });
  // While dragging, the input that can take the output lights up.
  await page.mouse.move(b.x, b.y, { steps: 12 });
  await expect(row).toHaveClass(/takes/);
  await page.mouse.up();
  await expect(row).toHaveClass(/mapped/);
}

/** Opens a card's own control (the button on its header): a small popover at the card. */
async function cardTool(page: Page, on: RegExp, name: string): Promise<Locator> {
  await fit(page);
  await card(page, on).getByRole('button', { name, exact: true }).click();
  const popover = page.getByRole('dialog', { name, exact: true });
  await expect(popover).toBeVisible();
  return popover;
}

/** Closes a card's popover with Escape. */
async function closeTool(page: Page, popover: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
}

/** The Inspector's drawer is not open. */
const drawerClosed = async (page: Page): Promise<void> => {
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Close the panel' })).toHaveCount(0);
};

test('the quarantine flow and its helper built by hand: + popovers, dragged pills and on-card choices give the template’s cards and mappings, without the Inspector', async ({
  page,
  studio,
}) => {
  test.setTimeout(300_000);
  await page.goto(studio.url);
  await newFolder(page, 'By hand');

  // The helper: Helper Flow (Group typed as Okta's group record, User ID) → Get Multiple (ID,
  // Type, Profile.Name) → Continue If Type = OKTA_GROUP → If Error { Remove User from Group }.
  await page.getByRole('button', { name: 'New flow' }).click();
  await expect(page.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  await addEvent(page, 'Helper Flow');
  await renameFlow(page, 'Remove user from group');
  const helperEvent = /^Events – Helper Flow/;
  const inputs = await cardTool(page, helperEvent, 'Add input to Helper Flow');
  const form = inputs.getByRole('form', { name: 'Add input' });
  for (const [name, type] of [
    ['Group', 'Okta group'],
    ['User ID', 'Text'],
  ] as const) {
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Type').selectOption({ label: type });
    await form.getByRole('button', { name: 'Add input', exact: true }).click();
    await expect(form.getByLabel('Name')).toHaveValue('');
    await expect(
      card(page, helperEvent)
        .locator('.cv-out')
        .filter({ hasText: exact(name) }),
    ).toHaveCount(1);
  }
  await closeTool(page, inputs);

  await addAtEnd(page, 'Add function', 'get multiple', 'Object – Get Multiple');
  await dragMap(
    page,
    { card: helperEvent, output: 'Group' },
    { card: /^Object – Get Multiple/, input: 'object' },
  );
  const keys = await cardTool(page, /^Object – Get Multiple/, 'Add key to Get Multiple');
  const keyForm = keys.getByRole('form', { name: 'Add field' });
  for (const key of ['ID', 'Type', 'Profile.Name']) {
    await keyForm.getByLabel('Key').fill(key);
    await keyForm.getByRole('button', { name: 'Add field', exact: true }).click();
    await expect(keyForm.getByLabel('Key')).toHaveValue('');
    await expect(
      card(page, /^Object – Get Multiple/)
        .locator('.cv-out')
        .filter({ hasText: exact(key) }),
    ).toHaveCount(1);
  }
  await closeTool(page, keys);

  await addAtEnd(page, 'Add function', 'continue if', 'Branching – Continue If');
  await dragMap(
    page,
    { card: /^Object – Get Multiple/, output: 'Type' },
    { card: /^Branching – Continue If/, input: 'value a' },
  );
  await fit(page);
  await setCondition(page, 'equal to', 'OKTA_GROUP');

  await addAtEnd(page, 'Add function', 'if error', 'Error Handling – If Error');
  await addAtPlus(
    page,
    'Add a card after “Try”',
    'remove user from group',
    'Okta – Remove User from Group',
  );
  // Into the Try lane: the values are handed in through the If Error card, as Okta does.
  await dragMap(
    page,
    { card: /^Object – Get Multiple/, output: 'ID' },
    { card: /^Okta – Remove User from Group/, input: 'Group ID' },
  );
  await dragMap(
    page,
    { card: helperEvent, output: 'User ID' },
    { card: /^Okta – Remove User from Group/, input: 'User ID' },
  );
  await drawerClosed(page);
  await saveFlow(page);

  // The main flow: Delegated Flow → Get Users Groups → For Each (the helper, item → Group) →
  // Add User to Group → Deactivate User.
  await page.getByRole('button', { name: 'New flow' }).click();
  await expect(page.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  await addEvent(page, 'Delegated Flow');
  await addAtEnd(page, 'Add app action', 'get users groups', 'Okta – Get Users Groups');
  await addAtEnd(page, 'Add function', 'for each', 'List – For Each');
  await addAtEnd(page, 'Add app action', 'add user to group', 'Okta – Add User to Group');
  await addAtEnd(page, 'Add app action', 'deactivate user', 'Okta – Deactivate User');

  // Which helper For Each calls, and which of its inputs gets the current item: on the card.
  const helper = await cardTool(page, /^List – For Each/, 'Choose the helper flow of For Each');
  await helper.getByLabel('Helper Flow').selectOption({ label: 'Remove user from group' });
  await closeTool(page, helper);
  await expect(
    card(page, /^List – For Each/).getByRole('button', { name: 'calls Remove user from group' }),
  ).toBeVisible();
  await page
    .getByRole('combobox', { name: 'Current item of For Each goes to' })
    .selectOption('Group');

  const event = /^Events – Delegated Flow/;
  await dragMap(
    page,
    { card: event, output: 'Okta User ID' },
    { card: /^Okta – Get Users Groups/, input: 'ID' },
  );
  await dragMap(
    page,
    { card: /^Okta – Get Users Groups/, output: 'Groups' },
    { card: /^List – For Each/, input: 'list' },
  );
  await dragMap(
    page,
    { card: event, output: 'Okta User ID' },
    { card: /^List – For Each/, input: 'User ID' },
  );
  await dragMap(
    page,
    { card: event, output: 'Okta User ID' },
    { card: /^Okta – Add User to Group/, input: 'User ID' },
  );
  await dragMap(
    page,
    { card: event, output: 'Okta User ID' },
    { card: /^Okta – Deactivate User/, input: 'ID or Login' },
  );
  await expect(card(page, /^Okta – Deactivate User/)).toContainText(
    'Delegated Flow › Okta User ID',
  );
  await drawerClosed(page);
  await saveFlow(page);

  const exported = JSON.parse(await exportedText(page)) as {
    data: { flos: Record<string, { name: string; data: RawFloData }> };
  };
  // The export carries the helper flow the main flow calls.
  const built: Record<string, FlowShape> = Object.fromEntries(
    Object.values(exported.data.flos).map((f) => [f.name, flowShape(f.data)]),
  );
  expect(Object.keys(built).sort()).toEqual(['Remove user from group', 'Unnamed']);
  const want: Record<string, FlowShape> = Object.fromEntries(
    Object.values(unwrap(buildTemplate(catalog, 'quarantine')).flows).map((f) => [
      f.name,
      flowShape(f.data),
    ]),
  );
  expect(want['Remove user from group']?.mappings).toHaveLength(6);
  expect(want['Risk Policy - High (Quarantine)']?.mappings).toHaveLength(5);
  expect(built['Remove user from group']).toEqual(want['Remove user from group']);
  expect(built['Unnamed']).toEqual(want['Risk Policy - High (Quarantine)']);
});
