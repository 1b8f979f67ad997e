/**
 * The canvas itself, as React Flow's accessibility guidance asks: cards and mapping lines
 * are focusable and named, the keyboard opens, moves and unmaps, one polite live region reads
 * each change out, text resizes to 200 % without losing anything, and reduced motion stops
 * every animation.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  addEvent,
  card,
  cardOrder,
  dragToCanvas,
  emptySpot,
  fromTemplate,
  newFlowInFolder,
  newFolder,
  openInspector,
  paletteItem,
} from './studio.ts';

/** The canvas's live region (not the toasts). */
const liveRegion = (page: Page): Locator => page.getByRole('status', { name: 'Canvas changes' });
const toasts = (page: Page): Locator => page.getByRole('status', { name: 'Notifications' });

/** A mapping line on the canvas by its accessible name. */
const line = (page: Page, name: string | RegExp): Locator =>
  page.locator('.react-flow__edge').and(page.getByRole('group', { name }));

const QUARANTINE = [
  'Events – Delegated Flow',
  'Note “The at-risk user”',
  'Okta – Get Users Groups',
  'List – For Each',
  'Note “At-risk group”',
  'Okta – Add User to At-Risk Group',
  'Okta – Deactivate User',
];

async function openQuarantine(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await newFolder(page, 'Entity Risk');
  await fromTemplate(page, 'Quarantine and deactivate');
  await expect(
    page.getByRole('heading', { name: 'Risk Policy - High (Quarantine)' }),
  ).toBeVisible();
  await expect(card(page, /^Okta – Deactivate User, card 7 of 7$/)).toBeVisible();
}

test('cards and mapping lines are focusable and named; the keyboard opens, moves and unmaps, each read out', async ({
  page,
  studio,
}) => {
  await openQuarantine(page, studio.url);
  await expect.poll(() => cardOrder(page)).toEqual(QUARANTINE);
  const deactivate = card(page, /^Okta – Deactivate User, card \d of 7$/);
  await deactivate.focus();
  await expect(deactivate).toHaveClass(/selected/);
  // React Flow's description of a focused card tells our keys.
  await expect(deactivate).toHaveAccessibleDescription(/Alt\+Arrow Up or Alt\+Arrow Down moves it/);

  // Alt+Arrow Up: one step earlier, read out, the focus stays on the card.
  await page.keyboard.press('Alt+ArrowUp');
  await expect
    .poll(() => cardOrder(page))
    .toEqual([
      ...QUARANTINE.slice(0, 5),
      'Okta – Deactivate User',
      'Okta – Add User to At-Risk Group',
    ]);
  await expect(liveRegion(page)).toHaveText('Deactivate User moved to card 6 of 7');
  await expect(card(page, 'Okta – Deactivate User, card 6 of 7')).toBeFocused();
  // Undo puts it back, and that is read out too.
  await page.keyboard.press('Control+z');
  await expect.poll(() => cardOrder(page)).toEqual(QUARANTINE);
  await expect(liveRegion(page)).toHaveText('Deactivate User moved to card 7 of 7');

  // A move that would cut a mapping is refused with the reason; nothing changes.
  await card(page, /^List – For Each/).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(toasts(page)).toContainText(
    'Moving “For Each” earlier would cut the mapping For Each › list (from Get Users Groups › Groups)',
  );
  await expect.poll(() => cardOrder(page)).toEqual(QUARANTINE);

  // The plain arrow keys go to the next card; React Flow never nudges a card's position.
  const forEach = card(page, /^List – For Each/);
  const place = await forEach.evaluate((el) => (el as HTMLElement).style.transform);
  await page.keyboard.press('ArrowRight');
  await expect(card(page, /^Note “At-risk group”/)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(forEach).toBeFocused();
  await expect
    .poll(() => forEach.evaluate((el) => (el as HTMLElement).style.transform))
    .toBe(place);

  // The selected card's mapping lines are Tab stops, named source to input.
  await deactivate.focus();
  const userLine = line(page, 'Delegated Flow › Okta User ID to Deactivate User › ID or Login');
  await expect(userLine).toHaveAttribute('tabindex', '0');
  await userLine.focus();
  await expect(userLine).toBeFocused();
  // Delete on a mapping line unmaps that input (one undo step) and returns to the card.
  await page.keyboard.press('Delete');
  await expect(userLine).toHaveCount(0);
  await expect(liveRegion(page)).toHaveText(
    'Delegated Flow › Okta User ID unmapped from Deactivate User › ID or Login',
  );
  await expect(deactivate).toBeFocused();
  await expect.poll(() => cardOrder(page)).toEqual(QUARANTINE);
  await page.keyboard.press('Control+z');
  await expect(userLine).toHaveCount(1);
  await expect(liveRegion(page)).toHaveText(
    'Delegated Flow › Okta User ID mapped to Deactivate User › ID or Login',
  );

  // Enter opens the focused card in the Inspector; Escape leaves the card.
  await deactivate.focus();
  await page.keyboard.press('Enter');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).toContainText('Deactivate User');
  await expect(deactivate).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(0);
  await expect(deactivate).not.toBeFocused();
  await expect(page.locator('.canvas')).toBeFocused();
});

test('the live region reads inserts, moves and deletes from a drag, the "+" popover and the command palette', async ({
  page,
  studio,
}) => {
  await newFlowInFolder(page, studio.url);
  await addEvent(page);
  await expect(liveRegion(page)).toHaveText('Delegated Flow added, card 1 of 1');
  // Dragged from the card search onto the canvas.
  await dragToCanvas(page, await paletteItem(page, 'read user', 'Okta – Read User'), emptySpot());
  await expect(liveRegion(page)).toHaveText('Read User added, card 2 of 2');
  await page.keyboard.press('Escape');
  // The "+" after Read User.
  await page.getByRole('button', { name: 'Add a card after “Read User”' }).click();
  await page.getByLabel('Search cards').fill('compose');
  await page
    .getByRole('listbox', { name: 'Cards' })
    .getByRole('option', { name: 'Text – Compose', exact: true })
    .click();
  await expect(liveRegion(page)).toHaveText('Compose added, card 3 of 3');
  // The command palette's "Move card earlier".
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Commands' });
  const search = palette.getByRole('combobox', { name: 'Search commands' });
  await expect(search).toBeFocused();
  await page.keyboard.type('move card earlier');
  await expect(palette.getByRole('option', { name: /^Move card earlier/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect
    .poll(() => cardOrder(page))
    .toEqual(['Events – Delegated Flow', 'Text – Compose', 'Okta – Read User']);
  await expect(liveRegion(page)).toHaveText('Compose moved to card 2 of 3');
  // Delete on the focused card.
  await card(page, /^Text – Compose/).focus();
  await page.keyboard.press('Delete');
  await expect(liveRegion(page)).toHaveText('Compose deleted, 2 cards left');
  // The toasts are a region of their own: the live region is one, polite, and hidden.
  await expect(liveRegion(page)).toHaveAttribute('aria-live', 'polite');
  await expect(page.locator('[aria-label="Canvas changes"]')).toHaveCount(1);
  await expect
    .poll(() => liveRegion(page).evaluate((el) => el.getBoundingClientRect().width))
    .toBeLessThan(2);
});

test('text resized to 200 % loses nothing: header actions, sidebar rows, Inspector fields and card titles stay reachable', async ({
  page,
  studio,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openQuarantine(page, studio.url);
  await card(page, /^Okta – Add User to At-Risk Group/).focus();
  const inspector = await openInspector(page);
  await expect(inspector).toContainText('Add User to At-Risk Group');
  const sidebar = page.getByRole('navigation', { name: 'Workspace' });
  await expect(sidebar).toBeVisible();
  // The browser's text size at 200 %: the root font size doubles.
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.body).fontSize))
    .toBe('28px');
  if (process.env['SCREENSHOTS'])
    await page.screenshot({ path: 'test-results/text-200.png', fullPage: false });

  // Every header action is whole and inside the window (none pushed off the edge).
  const actions = page.getByRole('toolbar', { name: 'Flow actions' });
  for (const name of [
    /^Flow is (ON|OFF)/,
    /^Save$/,
    /^Check/,
    /^Test run$/,
    /^Versions$/,
    /^Inspector$/,
    /^Outline$/,
    /^More flow actions$/,
  ]) {
    const control = actions.getByRole(name.source.startsWith('^Flow') ? 'switch' : 'button', {
      name,
    });
    await expect(control).toBeInViewport({ ratio: 1 });
  }
  await expect(
    actions.getByRole('checkbox', { name: 'Save all data that passes through the flow' }),
  ).toBeInViewport({ ratio: 1 });

  // The sidebar's rows: each one reachable by scrolling the sidebar, with its name whole.
  const rows = sidebar.getByRole('listitem');
  await expect(rows).not.toHaveCount(0);
  for (const row of await rows.all()) {
    await row.scrollIntoViewIfNeeded();
    await expect(row).toBeInViewport({ ratio: 1 });
  }
  for (const name of ['Risk Policy - High (Quarantine)', 'Remove user from group'])
    await expect
      .poll(() =>
        sidebar
          .getByText(name, { exact: true })
          .evaluate((el) => el.scrollWidth <= el.clientWidth + 1),
      )
      .toBe(true);

  // The drawer's fields: each reachable by scrolling the drawer.
  const fields = inspector.locator('input, select, textarea');
  await expect(fields).not.toHaveCount(0);
  for (const field of await fields.all()) {
    if (!(await field.isVisible())) continue;
    await field.scrollIntoViewIfNeeded();
    await expect(field).toBeInViewport({ ratio: 1 });
  }

  // Each card's title on the canvas comes into view when its card gets the focus.
  for (const title of QUARANTINE) {
    const c = card(page, new RegExp(`^${title.replace(/[()]/g, '\\$&')}, card`));
    await c.focus();
    await expect(c.locator('.cv-title, .cv-note > strong').first()).toBeInViewport();
  }
});

/** Starts recording the canvas viewport's transforms (each distinct one, and when it last moved). */
const watchViewport = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('.react-flow__viewport');
    if (!el) throw new Error('no canvas viewport');
    const w = window as unknown as { moves: string[]; movedAt: number };
    w.moves = [];
    w.movedAt = Date.now();
    new MutationObserver(() => {
      if (w.moves.at(-1) !== el.style.transform) w.moves.push(el.style.transform);
      w.movedAt = Date.now();
    }).observe(el, { attributes: true, attributeFilter: ['style'] });
  });
const resetMoves = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const w = window as unknown as { moves: string[]; movedAt: number };
    w.moves = [];
    w.movedAt = Date.now();
  });
/** How many steps the viewport took, once it has been still for 400 ms (-1 while moving). */
const settledMoves = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const w = window as unknown as { moves: string[]; movedAt: number };
    return Date.now() - w.movedAt > 400 ? w.moves.length : -1;
  });

const durations = (el: Locator): Promise<string> =>
  el.evaluate((e) => {
    const cs = getComputedStyle(e);
    return `${cs.transitionDuration} ${cs.animationDuration}`;
  });

test('with reduced motion, fit view, zoom and the pan to a focused card jump, and nothing transitions or animates', async ({
  page,
  studio,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1000, height: 700 });
  await openQuarantine(page, studio.url);
  await watchViewport(page);

  // Fit view: one jump, no frames in between.
  await page
    .getByRole('toolbar', { name: 'Editing' })
    .getByRole('button', { name: 'Fit the flow in view' })
    .click();
  await expect.poll(() => settledMoves(page)).toBe(1);
  // Zoom in with the keyboard: one jump.
  await resetMoves(page);
  await page.keyboard.press('+');
  await expect.poll(() => settledMoves(page)).toBe(1);
  await resetMoves(page);
  await page.keyboard.press('+');
  await expect.poll(() => settledMoves(page)).toBe(1);
  // Focusing a card out of view brings it in, in one jump.
  await card(page, /^Events – Delegated Flow/).focus();
  await expect.poll(() => settledMoves(page)).toBeGreaterThanOrEqual(0);
  await resetMoves(page);
  const last = card(page, /^Okta – Deactivate User/);
  await expect(last).not.toBeInViewport({ ratio: 1 });
  await last.focus();
  await expect(last).toBeInViewport();
  await expect.poll(() => settledMoves(page)).toBe(1);

  // No CSS transition or animation: the drawer, the card popover, a toast, the ON/OFF switch.
  const inspector = await openInspector(page);
  await expect(inspector).toBeVisible();
  await expect.poll(() => durations(page.locator('.drawer'))).toBe('0s 0s');
  await card(page, /^List – For Each/).focus();
  await page.keyboard.press('Alt+ArrowUp');
  const toast = page.getByRole('status', { name: 'Notifications' }).locator('.toast').first();
  await expect(toast).toBeVisible();
  await expect.poll(() => durations(toast)).toBe('0s 0s');
  await page.keyboard.press('a');
  await expect(page.getByLabel('Search cards')).toBeFocused();
  await expect.poll(() => durations(page.locator('.add-popover'))).toBe('0s 0s');
  await page.keyboard.press('Escape');
  const thumb = page.locator('.switch-thumb');
  await expect.poll(() => durations(thumb)).toBe('0s 0s');
  // Without the setting, the switch does slide: the check above can fail.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect.poll(() => durations(thumb)).toBe('0.15s 0s');
});
