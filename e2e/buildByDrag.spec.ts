/**
 * The quarantine template's main flow, built by hand on the canvas as in Okta's console: every
 * card from a "+" popover, every mapping by dragging an output pill onto an input row (React
 * Flow's own connection handles). Its export validates and has the template's cards and
 * mappings.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { isNote } from '../src/model/cardRoles.ts';
import { viewField } from '../src/model/cards.ts';
import { mappingsOf } from '../src/model/mapping.ts';
import type { RawFloData } from '../src/model/raw.ts';
import { sequenceOf } from '../src/model/sequence.ts';
import type { FlowDto } from '../src/server/dto.ts';
import { expect, test, validateFlopack } from './fixtures.ts';
import { addEvent, card, flowAction, fromTemplate, newFolder, openInspector } from './studio.ts';

const exact = (text: string): RegExp =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** The card types in execution order and every mapping as "card.output → card.input". */
function shape(data: RawFloData): { cards: string[]; mappings: string[] } {
  const byId = new Map(data.methods.map((m) => [m.uuid, m]));
  const cards = sequenceOf(data)
    .steps.map((s) => byId.get(s.id))
    .filter((m) => m !== undefined && !isNote(m));
  const name = (id: string): string => {
    const m = byId.get(id);
    return m ? `${m.node.key}#${cards.indexOf(m)}` : id;
  };
  const field = (id: string, io: 'inputs' | 'outputs', f: string): string => {
    const raw = byId.get(id)?.node.model[io].data[f];
    return raw ? `${raw.group ?? ''}/${viewField(raw).label}` : f;
  };
  return {
    cards: cards.map((m) => m?.node.key ?? ''),
    mappings: mappingsOf(data)
      .map(
        (m) =>
          `${name(m.from.card)}.${field(m.from.card, 'outputs', m.from.output)} → ${name(m.to.card)}.${field(m.to.card, 'inputs', m.to.input)}`,
      )
      .sort(),
  };
}

/** Fits the flow in view, so every card of this small flow is on screen. */
async function fit(page: Page): Promise<void> {
  await page
    .getByRole('toolbar', { name: 'Editing' })
    .getByRole('button', { name: 'Fit the flow in view' })
    .click();
  await page.waitForTimeout(400);
}

/** Adds a card from the end-of-flow "Add app action" / "Add function" popover. */
async function addAtEnd(
  page: Page,
  button: 'Add app action' | 'Add function',
  search: string,
  option: string,
): Promise<void> {
  await fit(page);
  await page
    .getByRole('group', { name: 'End of the flow' })
    .getByRole('button', { name: button })
    .click();
  await page.getByLabel('Search cards').fill(search);
  await page
    .getByRole('listbox', { name: 'Cards' })
    .getByRole('option', { name: option, exact: true })
    .click();
  await expect(card(page, new RegExp(`^${option}, card`))).toBeVisible();
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

test('the quarantine flow built by hand: + popovers and dragged pills give the template’s cards and mappings', async ({
  page,
  studio,
}) => {
  test.setTimeout(180_000);
  await page.goto(studio.url);
  // The template, for its helper flow and as the flow to compare with.
  await newFolder(page, 'Template');
  await fromTemplate(page, 'Quarantine and deactivate');
  await expect(
    page.getByRole('heading', { name: 'Risk Policy - High (Quarantine)' }),
  ).toBeVisible();

  await newFolder(page, 'By hand');
  await page.getByRole('button', { name: 'New flow' }).click();
  await expect(page.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  await addEvent(page, 'Delegated Flow');
  await addAtEnd(page, 'Add app action', 'get users groups', 'Okta – Get Users Groups');
  await addAtEnd(page, 'Add function', 'for each', 'List – For Each');
  await addAtEnd(page, 'Add app action', 'add user to group', 'Okta – Add User to Group');
  await addAtEnd(page, 'Add app action', 'deactivate user', 'Okta – Deactivate User');

  // Which helper For Each calls is the card's option, not a mapping: chosen once in the drawer.
  await card(page, /^List – For Each/).focus();
  const panel = await openInspector(page);
  await panel
    .getByLabel('Helper Flow', { exact: true })
    .selectOption({ label: 'Remove user from group' });
  await page.getByRole('button', { name: 'Close the panel' }).click();
  await expect(panel).toBeHidden();

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

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Unsaved changes')).toBeHidden();
  await flowAction(page, 'Export');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /^Export flow/ }).click();
  const file = await (await download).path();
  expect(validateFlopack(file)).toBe(`${file}: ok`);
  const exported = JSON.parse(await readFile(file, 'utf8')) as {
    data: { flos: Record<string, { name: string; data: RawFloData }> };
  };
  // The export also carries the helper flow it calls.
  const flos = Object.values(exported.data.flos);
  expect(flos.map((f) => f.name).sort()).toEqual(['Remove user from group', 'Unnamed']);
  const built = flos.find((f) => f.name === 'Unnamed')?.data;
  if (!built) throw new Error('the export holds no flow');

  const tree = (await (await page.request.get(`${studio.url}/api/workspace`)).json()) as {
    flows: { id: string; name: string }[];
  };
  const id = tree.flows.find((f) => f.name === 'Risk Policy - High (Quarantine)')?.id;
  const template = (await (
    await page.request.get(`${studio.url}/api/flows/${id}`)
  ).json()) as FlowDto;
  const want = shape(template.content);
  expect(want.mappings).toHaveLength(5);
  expect(shape(built)).toEqual(want);
});
