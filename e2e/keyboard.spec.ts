/**
 * Keyboard only: flows are built from an empty workspace with page.keyboard alone — no mouse
 * event, no click — and focus is always visible and never trapped.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { catalog } from '../src/catalog/index.ts';
import { unwrap } from '../src/model/errors.ts';
import type { RawFloData } from '../src/model/raw.ts';
import { buildTemplate } from '../src/model/templates.ts';
import { expect, test, validateFlopack } from './fixtures.ts';
import { flowShape } from './flowShape.ts';
import type { FlowShape } from './flowShape.ts';
import { card } from './studio.ts';

/**
 * Presses Tab (Shift+Tab when `back`) until `target` has focus, as a keyboard user moves
 * through the page.
 */
async function tabTo(page: Page, target: Locator, max = 150, back = false): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    const focused = await target.evaluate((el) => el === document.activeElement, undefined, {
      timeout: 5000,
    });
    if (focused) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Opens the card search (A), finds a card by typing, and inserts it with Enter. */
async function addCard(page: Page, query: string, name: string): Promise<void> {
  await page.keyboard.press('a');
  await expect(page.getByLabel('Search cards')).toBeFocused();
  await page.keyboard.type(query);
  const cards = page.getByRole('listbox', { name: 'Cards' });
  const wanted = cards.getByRole('option', { name, exact: true });
  await expect(wanted).toBeVisible();
  for (let i = 0; i < 30; i++) {
    if ((await wanted.getAttribute('aria-selected')) === 'true') break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(wanted).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  // The new card is selected and has the focus on the canvas.
  await expect(card(page, new RegExp(`^${name}, card`))).toBeFocused();
}

/** Tabs to a select and steps through it with the arrow keys to the option `text`. */
async function choose(page: Page, select: Locator, text: string, back = false): Promise<void> {
  await tabTo(page, select, 150, back);
  // A closed select changes as the arrow keys go.
  const checked = select.locator('option:checked');
  if ((await checked.textContent())?.trim() !== text) await page.keyboard.press('Home');
  for (let i = 0; i < 80; i++) {
    if ((await checked.textContent())?.trim() === text) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(checked).toHaveText(text);
}

/** Escape from the Inspector returns to the selected card on the canvas. */
async function backToCanvas(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.locator('.react-flow__node.selected')).toBeFocused();
}

const inspector = (page: Page): Locator => page.getByRole('complementary', { name: 'Inspector' });

/** From the selected card: I moves into the Inspector; maps an input from an earlier output. */
async function mapInput(page: Page, input: string, output: string): Promise<void> {
  await page.keyboard.press('i');
  await choose(page, inspector(page).getByRole('combobox', { name: `Map ${input} from` }), output);
  await backToCanvas(page);
}

/** From the selected card: types a value into one of its inputs. */
async function typeInput(page: Page, input: string, value: string): Promise<void> {
  await page.keyboard.press('i');
  await tabTo(page, inspector(page).getByRole('textbox', { name: input, exact: true }));
  await page.keyboard.type(value);
  await backToCanvas(page);
}

/** Creates a top-level folder — keyboard only. */
async function newFolder(page: Page): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: 'New folder' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New folder' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Entity Risk');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
}

/** Creates a flow in the selected folder and sets its event (E, then the event's button). */
async function newFlow(page: Page, event: 'Delegated Flow' | 'Helper Flow'): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: 'New flow' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  // E: the event picker, Delegated Flow first.
  await page.keyboard.press('e');
  const events = page.getByRole('dialog', { name: 'Add event' });
  await expect(events.getByRole('button', { name: /^Delegated Flow/ })).toBeFocused();
  if (event !== 'Delegated Flow')
    await tabTo(page, events.getByRole('button', { name: new RegExp(`^${event}`) }));
  await page.keyboard.press('Enter');
  await expect(card(page, new RegExp(`^Events – ${event}, card 1 of 1$`))).toBeFocused();
}

/** Creates a folder and a flow in it, and sets the Delegated Flow event — keyboard only. */
async function newDelegatedFlow(page: Page): Promise<void> {
  await newFolder(page);
  await newFlow(page, 'Delegated Flow');
}

/** Adds a Compose card whose text ends with one field per output, each mapped from it. */
async function addCompose(page: Page, text: string, outputs: readonly string[]): Promise<void> {
  await addCard(page, 'compose', 'Text – Compose');
  await typeInput(page, 'Text', text);
  await page.keyboard.press('i');
  await tabTo(page, inspector(page).getByRole('button', { name: 'Insert field' }));
  for (let i = 1; i <= outputs.length; i++) {
    await page.keyboard.press('Enter');
    await expect(
      inspector(page).getByRole('combobox', { name: `Map Field ${i} from` }),
    ).toBeVisible();
  }
  await backToCanvas(page);
  // A field takes its source's name once mapped, so each is found by its place in the list.
  const fields = inspector(page).getByRole('list', { name: 'Fields' }).getByRole('listitem');
  for (const [i, output] of outputs.entries()) {
    await page.keyboard.press('i');
    await choose(page, fields.nth(i).getByRole('combobox'), output);
    await backToCanvas(page);
  }
}

/** The open flow's id, from the address (#folder=…&flow=…). */
const openFlowId = (page: Page): string =>
  new URLSearchParams(new URL(page.url()).hash.slice(1)).get('flow') ?? '';

/**
 * Exports the open flow (with the helpers it calls) through the studio's export, checks the
 * file with the project's validator, and returns the shape of each flow by name.
 */
async function exportShapes(page: Page, url: string): Promise<Record<string, FlowShape>> {
  const res = await page.request.get(`${url}/api/export?flow=${openFlowId(page)}`);
  expect(res.ok()).toBe(true);
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'keyboard-')), 'built.flopack');
  await writeFile(file, await res.body());
  expect(validateFlopack(file)).toBe(`${file}: ok`);
  const doc = JSON.parse(await res.text()) as {
    data: { flos: Record<string, { name: string; data: RawFloData }> };
  };
  return Object.fromEntries(Object.values(doc.data.flos).map((f) => [f.name, flowShape(f.data)]));
}

/** The shape of each flow of a template, as the studio's model builds it. */
const templateShapes = (id: string): Record<string, FlowShape> =>
  Object.fromEntries(
    Object.values(unwrap(buildTemplate(catalog, id)).flows).map((f) => [f.name, flowShape(f.data)]),
  );

/** Ctrl+S saves; the flow has no unsaved changes left. */
async function save(page: Page): Promise<void> {
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Unsaved changes')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
}

test('the Slack notification flow is built, mapped and saved with the keyboard alone', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await newDelegatedFlow(page);
  await addCard(page, 'read user', 'Okta – Read User');
  await mapInput(page, 'ID or Login', 'Okta User ID');
  await addCompose(page, 'Entity risk rose for ', [
    'First name',
    'Last name',
    'Username',
    'Status',
    'Status Changed',
  ]);
  await addCard(page, 'send message to channel', 'Slack – Send Message to Channel');
  await mapInput(page, 'Text', 'output');
  await save(page);
  await expect(card(page, /^Slack – Send Message to Channel, card 4 of 4$/)).toBeVisible();
  // The template's cards in its order, and every one of its mappings.
  const built = await exportShapes(page, studio.url);
  const want = templateShapes('slack-notify')['Risk Policy - Low (Notify)'];
  expect(want?.mappings).toHaveLength(7);
  expect(built['Unnamed']).toEqual(want);
});

test('the clear-sessions flow is built, mapped and saved with the keyboard alone', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await newDelegatedFlow(page);
  await addCard(page, 'clear user sessions', 'Okta – Clear User Sessions');
  await mapInput(page, 'ID', 'Okta User ID');
  await page.keyboard.press('i');
  await choose(page, inspector(page).getByRole('combobox', { name: /^Revoke/ }), 'True');
  await backToCanvas(page);
  await addCard(page, 'read user', 'Okta – Read User');
  await mapInput(page, 'ID or Login', 'Okta User ID');
  await addCompose(page, 'Okta cleared the sessions of ', ['Username']);
  await addCard(page, 'gmail send email', 'Gmail – Send Email');
  await typeInput(page, 'To', '["security-admins@example.com"]');
  await typeInput(page, 'Subject', 'Sessions cleared for an at-risk user');
  await mapInput(page, 'Body', 'output');
  await save(page);
  await expect(card(page, /^Gmail – Send Email, card 5 of 5$/)).toBeVisible();
});

/** Renames the open flow through the header's More menu › Edit properties. */
async function renameFlow(page: Page, name: string): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: 'More flow actions' }));
  await page.keyboard.press('Enter');
  const item = page.getByRole('menuitem', { name: 'Edit properties' });
  await expect(item).toBeVisible();
  for (let i = 0; i < 10; i++) {
    if (await item.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Flow properties' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

/** From the selected event card: adds a flow input of a type, in the Inspector's Add input form. */
async function addFlowInput(page: Page, name: string, type: string): Promise<void> {
  await page.keyboard.press('i');
  const form = inspector(page).getByRole('form', { name: 'Add input' });
  await tabTo(page, form.getByLabel('Name'));
  await page.keyboard.type(name);
  await choose(page, form.getByLabel('Type'), type);
  await tabTo(page, form.getByRole('button', { name: 'Add input' }));
  await page.keyboard.press('Enter');
  await expect(
    inspector(page).getByRole('textbox', { name: `Name of input ${name}` }),
  ).toBeVisible();
  await backToCanvas(page);
}

/** From the selected Get Multiple card: picks keys of its input object with Add field. */
async function pickKeys(page: Page, keys: readonly string[]): Promise<void> {
  await page.keyboard.press('i');
  const form = inspector(page).getByRole('form', { name: 'Add field' });
  await tabTo(page, form.getByLabel('Key'));
  for (const key of keys) {
    await page.keyboard.type(key);
    await page.keyboard.press('Enter');
    await expect(
      inspector(page).getByRole('button', { name: `Remove output ${key}` }),
    ).toBeVisible();
    await expect(form.getByLabel('Key')).toHaveValue('');
  }
  await backToCanvas(page);
}

/** Tabs to a "+" of the canvas and inserts a card there from the card search. */
async function addCardAt(page: Page, plus: string, query: string, name: string): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: plus, exact: true }), 300);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Search cards')).toBeFocused();
  await page.keyboard.type(query);
  const wanted = page
    .getByRole('listbox', { name: 'Cards' })
    .getByRole('option', { name, exact: true });
  await expect(wanted).toBeVisible();
  for (let i = 0; i < 30; i++) {
    if ((await wanted.getAttribute('aria-selected')) === 'true') break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await expect(card(page, new RegExp(`^${name}, card`))).toBeFocused();
}

test('the quarantine flow and its helper are built, mapped and saved with the keyboard alone', async ({
  page,
  studio,
}) => {
  test.setTimeout(240_000);
  await page.goto(studio.url);
  await newFolder(page);

  // The helper: Helper Flow (Group as Okta's group record, User ID) → Get Multiple (ID, Type,
  // Profile.Name) → Continue If Type is OKTA_GROUP → If Error { Remove User from Group }.
  await newFlow(page, 'Helper Flow');
  await renameFlow(page, 'Remove user from group');
  await card(page, /^Events – Helper Flow/).focus();
  await addFlowInput(page, 'Group', 'Okta group');
  await addFlowInput(page, 'User ID', 'Text');
  await addCard(page, 'get multiple', 'Object – Get Multiple');
  await mapInput(page, 'object', 'Group');
  await pickKeys(page, ['ID', 'Type', 'Profile.Name']);
  await addCard(page, 'continue if', 'Branching – Continue If');
  await mapInput(page, 'value a', 'Type');
  await page.keyboard.press('i');
  await choose(
    page,
    inspector(page).getByRole('combobox', { name: 'comparison', exact: true }),
    'equal to',
  );
  await backToCanvas(page);
  await typeInput(page, 'value b', 'OKTA_GROUP');
  await addCard(page, 'if error', 'Error Handling – If Error');
  await addCardAt(
    page,
    'Add a card after “Try”',
    'remove user from group',
    'Okta – Remove User from Group',
  );
  await mapInput(page, 'Group ID', 'ID');
  await mapInput(page, 'User ID', 'User ID');
  await save(page);

  // The main flow: Delegated Flow → Get Users Groups → For Each (the helper, item → Group) →
  // Add User to Group → Deactivate User.
  await newFlow(page, 'Delegated Flow');
  await addCard(page, 'get users groups', 'Okta – Get Users Groups');
  await mapInput(page, 'ID', 'Okta User ID');
  await addCard(page, 'for each', 'List – For Each');
  await mapInput(page, 'list', 'Groups');
  await page.keyboard.press('i');
  await choose(
    page,
    inspector(page).getByLabel('Helper Flow', { exact: true }),
    'Remove user from group',
  );
  await expect(inspector(page).getByRole('combobox', { name: 'Map User ID from' })).toBeVisible();
  // The item choice sits above the helper choice: Shift+Tab goes back up to it.
  await choose(page, inspector(page).getByLabel('Current item goes to'), 'Group', true);
  await backToCanvas(page);
  await mapInput(page, 'User ID', 'Okta User ID');
  await addCard(page, 'add user to group', 'Okta – Add User to Group');
  await typeInput(page, 'Group ID', '00gatrisk000000000x7');
  await mapInput(page, 'User ID', 'Okta User ID');
  await addCard(page, 'deactivate user', 'Okta – Deactivate User');
  await mapInput(page, 'ID or Login', 'Okta User ID');
  await save(page);

  const built = await exportShapes(page, studio.url);
  const want = templateShapes('quarantine');
  expect(want['Remove user from group']?.mappings).toHaveLength(6);
  expect(want['Risk Policy - High (Quarantine)']?.mappings).toHaveLength(5);
  expect(built['Remove user from group']).toEqual(want['Remove user from group']);
  expect(built['Unnamed']).toEqual(want['Risk Policy - High (Quarantine)']);
});

/** What has the focus, and whether it (or the box it draws, for canvas cards) shows a ring. */
const focusState = (): { key: string; visible: boolean } => {
  const el = document.activeElement;
  if (!el || el === document.body) return { key: 'body', visible: true };
  const shows = (e: Element | null): boolean => {
    if (!e) return false;
    const cs = getComputedStyle(e);
    return (
      (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none'
    );
  };
  const name = el.getAttribute('aria-label') ?? el.textContent?.slice(0, 40) ?? '';
  return {
    key: `${el.tagName} ${el.id} ${name}`,
    visible: shows(el) || shows(el.firstElementChild),
  };
};

test('focus is visible on every Tab stop, Tab goes all the way round, and dialogs let go on Escape', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await tabTo(page, page.getByRole('button', { name: 'New folder' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'New folder' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  // The dialog gives the focus back to the button that opened it.
  await expect(page.getByRole('button', { name: 'New folder' })).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.type('Entity Risk');
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'New flow' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  await page.keyboard.press('e');
  await page.keyboard.press('Enter');
  await addCard(page, 'read user', 'Okta – Read User');

  // The command palette lets go on Escape too.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Commands' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  const first = await page.evaluate(focusState);
  const seen: string[] = [];
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(focusState).then((s) => s.visible), {
        message: `focus ring on Tab stop ${i + 1}`,
      })
      .toBe(true);
    const now = await page.evaluate(focusState);
    if (seen.includes(now.key)) break;
    seen.push(now.key);
  }
  // Tab reached every stop once and came back round: nothing held the focus.
  expect(seen.length).toBeGreaterThan(10);
  expect(seen).toContain(first.key);
});
