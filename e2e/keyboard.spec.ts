/**
 * Keyboard only: flows are built from an empty workspace with page.keyboard alone — no mouse
 * event, no click — and focus is always visible and never trapped.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { card } from './studio.ts';

/** Presses Tab until `target` has focus (as a keyboard user moves through the page). */
async function tabTo(page: Page, target: Locator, max = 150): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    const focused = await target.evaluate((el) => el === document.activeElement);
    if (focused) return;
    await page.keyboard.press('Tab');
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

/** From the selected card: I moves into the Inspector; maps an input by typing the output. */
async function mapInput(page: Page, input: string, output: string): Promise<void> {
  await page.keyboard.press('i');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const select = inspector.getByRole('combobox', { name: `Map ${input} from` });
  await tabTo(page, select);
  // Arrow keys step through the outputs of earlier cards (a closed select changes as they go).
  const checked = select.locator('option:checked');
  for (let i = 0; i < 80; i++) {
    if ((await checked.textContent())?.trim() === output) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(checked).toHaveText(output);
  // Escape returns to the card on the canvas.
  await page.keyboard.press('Escape');
  await expect(page.locator('.react-flow__node.selected')).toBeFocused();
}

test('the Slack notification flow is built, mapped and saved with the keyboard alone', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);

  await tabTo(page, page.getByRole('button', { name: 'New folder' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New folder' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Entity Risk');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  await tabTo(page, page.getByRole('button', { name: 'New flow' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Unnamed' })).toBeVisible();

  // E: the event picker, Delegated Flow first.
  await page.keyboard.press('e');
  const events = page.getByRole('dialog', { name: 'Add event' });
  await expect(events.getByRole('button', { name: /^Delegated Flow/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card(page, /^Events – Delegated Flow, card 1 of 1$/)).toBeFocused();

  await addCard(page, 'read user', 'Okta – Read User');
  await mapInput(page, 'ID or Login', 'Okta User ID');

  await addCard(page, 'compose', 'Text – Compose');
  await page.keyboard.press('i');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const text = inspector.getByRole('textbox', { name: 'Text', exact: true });
  await tabTo(page, text);
  await page.keyboard.type('Entity risk rose for ');
  await tabTo(page, inspector.getByRole('button', { name: 'Insert field' }));
  await page.keyboard.press('Enter');
  await expect(inspector.getByRole('combobox', { name: 'Map Field 1 from' })).toBeVisible();
  await page.keyboard.press('Escape');
  await mapInput(page, 'Field 1', 'Username');

  await addCard(page, 'send message to channel', 'Slack – Send Message to Channel');
  await mapInput(page, 'Text', 'output');

  await page.keyboard.press('Control+s');
  await expect(page.getByText('Unsaved changes')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await expect(card(page, /^Slack – Send Message to Channel, card 4 of 4$/)).toBeVisible();
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
