/** Shared steps for the studio's browser tests: act as a user does, find things by role. */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Creates a folder at the top level, or (sub) inside the selected folder. */
export async function newFolder(page: Page, name: string, sub = false): Promise<void> {
  await page.getByRole('button', { name: sub ? 'New subfolder' : 'New folder' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: sub ? 'Create subfolder' : 'Create folder' }).click();
  await expect(dialog).toBeHidden();
}

/** Creates a template's flows in the selected folder ("From template…"). */
export async function fromTemplate(
  page: Page,
  title: string,
  values: Record<string, string> = {},
): Promise<void> {
  await page.getByRole('button', { name: 'From template…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New flow from template' });
  await dialog.getByRole('button', { name: new RegExp(`^${title}`) }).click();
  const form = dialog.getByRole('form', { name: `Values for ${title}` });
  for (const [label, value] of Object.entries(values)) await form.getByLabel(label).fill(value);
  await form.getByRole('button', { name: 'Create flows' }).click();
}

/** Creates a folder (top level) and a new flow in it; returns when the flow is open. */
export async function newFlowInFolder(
  page: Page,
  url: string,
  folder = 'Entity Risk',
): Promise<void> {
  await page.goto(url);
  await newFolder(page, folder);
  await page.getByRole('button', { name: 'New flow' }).click();
  await expect(page.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add event' })).toBeVisible();
}

/** Runs one of the flow's rarer commands from the header's "More" menu. */
export async function flowAction(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'More flow actions' }).click();
  await page.getByRole('menuitem', { name, exact: true }).click();
}

/** Shows the card outline beside the canvas (a toggle, off by default, remembered). */
export async function showOutline(page: Page): Promise<Locator> {
  const toggle = page
    .getByRole('toolbar', { name: 'Flow actions' })
    .getByRole('button', { name: 'Outline' });
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  return page.getByRole('list', { name: /^Cards of / });
}

/** Opens the Inspector in the right-hand drawer. */
export async function openInspector(page: Page): Promise<Locator> {
  const toggle = page
    .getByRole('toolbar', { name: 'Flow actions' })
    .getByRole('button', { name: 'Inspector' });
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  return page.getByRole('complementary', { name: 'Inspector' });
}

/** Sets the flow's event through the "Add event" card. */
export async function addEvent(page: Page, name = 'Delegated Flow'): Promise<void> {
  await page.getByRole('button', { name: 'Add event' }).click();
  await page
    .getByRole('dialog', { name: 'Add event' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
}

/** A card on the canvas by its accessible name ("Okta – Read User, card 2 of 4"). */
export const card = (page: Page, name: string | RegExp): Locator =>
  page.locator('.react-flow__node').and(page.getByRole('group', { name }));

/** The titles of the canvas's cards in execution order (read from their accessible names). */
export async function cardOrder(page: Page): Promise<string[]> {
  const labels = await page
    .locator('.react-flow__node-card, .react-flow__node-note')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return labels
    .map((l) => /^(.*), card (\d+) of (\d+)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[2]) - Number(b[2]))
    .map((m) => m[1] ?? '');
}

/**
 * A palette entry ("Okta – Read User"), found through the search box of the card popover
 * (opened at the selected card with the toolbar's "Add card" when it is not open yet).
 */
export async function paletteItem(page: Page, search: string, name: string): Promise<Locator> {
  await openPalette(page, search);
  const item = page
    .getByRole('listbox', { name: 'Cards' })
    .getByRole('option', { name, exact: true });
  searches.set(item, search);
  return item;
}

const searches = new WeakMap<Locator, string>();

/** Opens the card popover at the selected card (toolbar "Add card") and searches. */
async function openPalette(page: Page, search: string): Promise<void> {
  const searchBox = page.getByLabel('Search cards');
  if (!(await searchBox.isVisible()))
    await page
      .getByRole('toolbar', { name: 'Editing' })
      .getByRole('button', { name: 'Add card' })
      .click();
  await searchBox.fill(search);
}

/** Drags a palette entry onto the canvas, at a point relative to the canvas pane. */
export async function dragToCanvas(
  page: Page,
  item: Locator,
  at: { x: number; y: number },
): Promise<void> {
  // Finding the drop point may have closed the popover (focus moved to the canvas).
  const search = searches.get(item);
  if (search !== undefined && !(await item.isVisible())) await openPalette(page, search);
  // By hand rather than dragTo: the popover fades out of the way only once the drag started.
  const from = await item.boundingBox();
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!from || !pane) throw new Error('nothing to drag, or no canvas');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 4, { steps: 3 });
  await page.mouse.move(pane.x + at.x, pane.y + at.y, { steps: 8 });
  await page.mouse.up();
}

/** The point of the pane just right of a node (the insertion gap after it). */
export async function gapAfter(page: Page, node: Locator): Promise<{ x: number; y: number }> {
  const isCard = await node.evaluate((el) =>
    el.matches('.react-flow__node-card, .react-flow__node-note'),
  );
  if (isCard) {
    // Focusing a card selects it and brings it into view.
    await node.focus();
    await expect(node).toHaveClass(/selected/);
  } else
    await page
      .getByRole('toolbar', { name: 'Editing' })
      .getByRole('button', { name: 'Fit the flow in view' })
      .click();
  await page.waitForTimeout(300);
  const pane = await page.locator('.react-flow__pane').boundingBox();
  const box = await node.boundingBox();
  if (!pane || !box) throw new Error('canvas not laid out');
  const at = {
    x: box.x + box.width + 6 - pane.x,
    y: box.y + Math.min(box.height, 40) / 2 - pane.y,
  };
  if (at.x < 0 || at.y < 0 || at.x > pane.width || at.y > pane.height)
    throw new Error(`the gap ${JSON.stringify(at)} is outside the canvas`);
  return at;
}

/** An empty spot of the canvas far from every card (top-left corner of the pane). */
export function emptySpot(): { x: number; y: number } {
  return { x: 24, y: 24 };
}
