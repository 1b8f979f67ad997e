/**
 * The quarantine flow and its helper built by hand, as a new admin does it (no template): the
 * helper reads Get Users Groups' records through child fields (Group › Profile › Name at the
 * top, Group › ID inside If Error's Try lane) with no Object cards; one "Okta" connection, created
 * once, serves every app card of both flows; the at-risk group comes from the mock org's
 * groups. The export carries the connection as Okta's exports do, Check is clean and the Test
 * run passes.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { catalog } from '../src/catalog/index.ts';
import { unwrap } from '../src/model/errors.ts';
import type { RawFloData, RawMethod } from '../src/model/raw.ts';
import { forEachScope } from '../src/model/scope.ts';
import { buildTemplate } from '../src/model/templates.ts';
import { expect, sharedFlopack, test, validateFlopack } from './fixtures.ts';
import { flowShape } from './flowShape.ts';
import { chooseHelper } from './helperBuild.ts';
import {
  addEvent,
  card,
  cardOrder,
  flowAction,
  newFolder,
  openInspector,
  showOutline,
} from './studio.ts';
import { newConnection, saveFlow } from './flowFile.ts';
import { addAtEnd, openPopover, pickCard, renameFlow, setCondition } from './cardPopover.ts';

/** The keys, in order, of a connection placeholder in Okta's exports (`data.configs`). */
const OKTA_CONFIG_KEYS = ['id', 'name', 'module', 'data'];

interface Exported {
  data: {
    flos: Record<string, { name: string; data: RawFloData }>;
    configs: Record<string, Record<string, unknown>>;
  };
}

/** Every card of a flow, inline flows (If Error lanes…) included. */
const allCards = (data: RawFloData): RawMethod[] => {
  const out: RawMethod[] = [];
  forEachScope(data, (scope) => out.push(...scope.methods));
  return out;
};

/** Selects a card through the outline and returns the Inspector showing it. */
async function inspect(page: Page, name: RegExp): Promise<Locator> {
  await (await showOutline(page)).getByRole('button', { name }).click();
  const panel = await openInspector(page);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(
    name.source.replace(/^\^.*– /, ''),
  );
  return panel;
}

/** Chooses an output (or child field) of an earlier card for an input, in the Inspector. */
async function mapFrom(panel: Locator, input: string, source: string): Promise<void> {
  await panel.getByRole('combobox', { name: `Map ${input} from` }).selectOption({ label: source });
}

/** Points the card shown in the Inspector at the workspace's "Okta" connection. */
async function useOkta(page: Page, panel: Locator, on: RegExp): Promise<void> {
  const connection = panel.getByRole('combobox', { name: 'Connection' });
  // Created once, offered on every Okta card.
  await expect(connection.getByRole('option', { name: 'Okta', exact: true })).toHaveCount(1);
  await connection.selectOption({ label: 'Okta' });
  await expect(connection.locator('option:checked')).toHaveText('Okta');
  await expect(card(page, on)).toContainText('· Okta');
}

/** Exports the open flow (with the helpers it calls) from the Export dialog; checks the file. */
async function exportFlow(page: Page, canonical: boolean): Promise<Exported> {
  await flowAction(page, 'Export');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const form = dialog.getByRole('checkbox', { name: /^Canonical form for git/ });
  await form.setChecked(canonical);
  const download = page.waitForEvent('download');
  await dialog.getByRole('link', { name: /^Export flow/ }).click();
  const file = await (await download).path();
  expect(validateFlopack(file)).toBe(`${file}: ok`);
  const text = await readFile(file, 'utf8');
  // The canonical form is indented; Okta's is one compact line.
  expect(text.startsWith('{\n  "type"')).toBe(canonical);
  return JSON.parse(text) as Exported;
}

/** Opens Check for the open flow and expects it to find nothing. */
async function checkIsClean(page: Page): Promise<void> {
  const clean = page.getByRole('button', { name: /^Check: 0 errors, 0 warnings/ });
  await expect(clean).toBeVisible();
  await clean.click();
  await expect(page.getByRole('complementary', { name: 'Check' })).toContainText(
    'No problems found.',
  );
}

test('the quarantine flow built by hand: group fields mapped as child fields with no Object cards, one Okta connection on every app card, exported as Okta does; Check is clean and the Test run passes', async ({
  page,
  studio,
}) => {
  test.setTimeout(120_000);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(studio.url);
  await newFolder(page, 'Quarantine');

  // The helper: Helper Flow (Group: an Okta group record, User ID) → Continue If Group ›
  // Profile › Name is not "Everyone" (a membership no one can remove) → If Error { Remove User
  // from Group (Group › ID, User ID) }, the shape of the quarantine template's helper.
  await page.getByRole('button', { name: 'New flow' }).click();
  await expect(page.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  await addEvent(page, 'Helper Flow');
  await renameFlow(page, 'Remove user from group');
  let panel = await inspect(page, /^Events – Helper Flow/);
  const add = panel.getByRole('form', { name: 'Add input' });
  for (const [name, type] of [
    ['Group', 'Okta group'],
    ['User ID', 'Text'],
  ] as const) {
    await add.getByLabel('Name').fill(name);
    await add.getByLabel('Type').selectOption({ label: type });
    await add.getByRole('button', { name: 'Add input', exact: true }).click();
    await expect(panel.getByLabel(`Name of input ${name}`)).toHaveValue(name);
  }

  await addAtEnd(page, 'Add function', 'continue if', 'Branching – Continue If');
  panel = await inspect(page, /^Branching – Continue If/);
  // The whole record is offered but cannot go into a text; its fields can.
  const valueA = panel.getByRole('combobox', { name: 'Map value a from' });
  await expect(valueA.getByRole('option', { name: 'Group (cannot go here)' })).toBeDisabled();
  await expect(valueA.getByRole('option', { name: 'Group › Type' })).toHaveCount(1);
  await mapFrom(panel, 'value a', 'Group › Profile › Name');
  await expect(panel.getByText('← Helper Flow · Group › Profile › Name')).toBeVisible();
  await setCondition(page, 'not equal', 'Everyone');

  // The removal inside If Error, so a refused one does not stop the caller's For Each.
  await addAtEnd(page, 'Add function', 'if error', 'Error Handling – If Error');
  await openPopover(
    page,
    page.getByRole('button', { name: 'Add a card after “Try”', exact: true }),
  );
  await pickCard(page, 'remove user from group', 'Okta – Remove User from Group');
  const remove = /^Okta – Remove User from Group/;
  panel = await inspect(page, remove);
  // The group's ID is handed into the Try lane as a child field, as at the top level.
  await mapFrom(panel, 'Group ID', 'Group › ID');
  await mapFrom(panel, 'User ID', 'User ID');
  await expect(panel.getByText('← Helper Flow · Group › ID')).toBeVisible();
  await expect(
    panel.getByRole('combobox', { name: 'Map Group ID from' }).locator('option:checked'),
  ).toHaveText('Group › ID');
  await expect(
    page.getByRole('button', { name: 'Group ID ← Helper Flow › Group › ID' }),
  ).toBeVisible();
  // The one connection of the workspace, created here through the card's picker.
  await expect(card(page, remove)).toContainText('No connection');
  const connection = panel.getByRole('combobox', { name: 'Connection' });
  await newConnection(page, connection);
  await expect(card(page, remove)).toContainText('· Okta');
  // The expand card reading the group's fields is Okta's hidden one: not on the canvas.
  await expect
    .poll(() => cardOrder(page))
    .toEqual([
      'Events – Helper Flow',
      'Branching – Continue If',
      'Error Handling – If Error',
      'Okta – Remove User from Group',
      'Flow Control – Return',
      'Flow Control – Return',
    ]);
  await saveFlow(page);
  await checkIsClean(page);

  // The main flow, card for card as the quarantine template: Delegated Flow → Get Users
  // Groups → For Each (the helper; the item to Group) → Add User to Group → Deactivate User.
  await page.getByRole('button', { name: 'New flow' }).click();
  await expect(page.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  await addEvent(page, 'Delegated Flow');
  await renameFlow(page, 'Quarantine and deactivate');
  await addAtEnd(page, 'Add app action', 'get users groups', 'Okta – Get Users Groups');
  await addAtEnd(page, 'Add function', 'for each', 'List – For Each');
  await addAtEnd(page, 'Add app action', 'add user to group', 'Okta – Add User to Group');
  await addAtEnd(page, 'Add app action', 'deactivate user', 'Okta – Deactivate User');

  const groups = /^Okta – Get Users Groups/;
  panel = await inspect(page, groups);
  await mapFrom(panel, 'ID', 'Okta User ID');
  await useOkta(page, panel, groups);

  panel = await inspect(page, /^List – For Each/);
  await mapFrom(panel, 'list', 'Groups');
  // The group records fit the helper's Okta group input: the current item goes there.
  await chooseHelper(panel, 'Remove user from group', 'Group');
  await mapFrom(panel, 'User ID', 'Okta User ID');

  // The at-risk group: copied from the mock org's groups in the Test run, pasted on the card.
  await page.getByRole('button', { name: 'Test run' }).click();
  const sim = page.getByRole('complementary', { name: 'Test run' });
  const orgGroups = sim.getByRole('table', { name: 'Mock org groups' });
  await expect(orgGroups.getByRole('row', { name: /At-Risk Users/ })).toContainText(
    '00g5atriskusers',
  );
  await orgGroups.getByRole('button', { name: 'Copy ID 00g5atriskusers' }).click();
  await expect(orgGroups.getByRole('note')).toHaveText('Copied');
  const addToGroup = /^Okta – Add User to Group/;
  panel = await inspect(page, addToGroup);
  const groupId = panel.getByRole('textbox', { name: 'Group ID', exact: true });
  await groupId.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await groupId.press('Enter');
  await expect(groupId).toHaveValue('00g5atriskusers');
  await mapFrom(panel, 'User ID', 'Okta User ID');
  await useOkta(page, panel, addToGroup);

  const deactivate = /^Okta – Deactivate User/;
  panel = await inspect(page, deactivate);
  await mapFrom(panel, 'ID or Login', 'Okta User ID');
  await useOkta(page, panel, deactivate);
  await saveFlow(page);
  await checkIsClean(page);

  // The Test run: Alice leaves Engineering and VPN Users; Everyone is skipped by the
  // helper's Continue If; Payroll Approvers refuses, and If Error catches it. Each call
  // receives a whole group record.
  await page.getByRole('button', { name: 'Test run' }).click();
  await sim
    .getByLabel('Okta User ID (the at-risk user)')
    .selectOption({ label: 'Alice Example (active)' });
  await expect(sim.getByRole('region', { name: 'IDs the mock org does not have' })).toHaveCount(0);
  await sim.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(sim.getByRole('status')).toHaveText('Run completed.');
  const steps = sim.getByRole('list', { name: 'Cards run in Quarantine and deactivate' });
  await expect(steps).toContainText('Ran “Remove user from group” 4 time(s).');
  const calls = sim.getByRole('list', { name: 'Cards run in Remove user from group' });
  await expect(calls).toHaveCount(4);
  for (const [i, id] of ['00g0everyone', '00g1engineering', '00g2vpn', '00g4payroll'].entries()) {
    await expect(calls.nth(i)).toContainText(`out · Group{`);
    await expect(calls.nth(i)).toContainText(`"ID":"${id}"`);
    await expect(calls.nth(i)).toContainText('out · User ID00u1alice');
  }
  await expect(calls.nth(0)).toContainText('The condition is false');
  await expect(sim).toContainText(
    'Alice Example: status DEPROVISIONED; groups Everyone, Payroll Approvers, At-Risk Users',
  );

  // The export, in Okta's compact form and in the canonical form kept in git: both flows, one
  // Okta placeholder written as Okta writes it, chosen on every Okta card.
  for (const canonical of [false, true]) {
    const exported = await exportFlow(page, canonical);
    const configs = Object.values(exported.data.configs);
    expect(configs).toHaveLength(1);
    const okta = configs[0]!;
    expect(Object.keys(okta)).toEqual(OKTA_CONFIG_KEYS);
    expect(okta).toEqual({ id: okta['id'], name: 'Okta', module: 'okta', data: null });
    expect(Object.keys(exported.data.configs)).toEqual([okta['id']]);
    expectQuarantineCards(exported, okta['id']);
  }
});

/** The exported flows' cards: the template's, no Object card but Okta's hidden expand card,
 * the connection on every Okta card, the child fields read as Okta stores them. */
function expectQuarantineCards(exported: Exported, connection: unknown): void {
  const flows = Object.fromEntries(
    Object.values(exported.data.flos).map((f) => [f.name, allCards(f.data)]),
  );
  expect(Object.keys(flows).sort()).toEqual([
    'Quarantine and deactivate',
    'Remove user from group',
  ]);
  // The template's cards, but no Get Multiple: the group's fields are read as child fields.
  // (Card numbers are left out: they count the Get Multiple the template has.)
  const cards = (data: RawFloData): string[] =>
    flowShape(data).cards.map((c) => c.replace(/#\d+/g, ''));
  const template = Object.fromEntries(
    Object.values(unwrap(buildTemplate(catalog, 'quarantine')).flows).map((f) => [
      f.name,
      cards(f.data),
    ]),
  );
  const shapes = Object.fromEntries(
    Object.values(exported.data.flos).map((f) => [f.name, cards(f.data)]),
  );
  expect(shapes['Quarantine and deactivate']).toEqual(template['Risk Policy - High (Quarantine)']);
  expect(shapes['Remove user from group']).toEqual(
    template['Remove user from group']?.filter((c) => c !== 'pick'),
  );
  // No Object card at all but Okta's hidden expand cards (one at the top, one in the Try lane).
  const objects = Object.values(flows)
    .flat()
    .filter((m) => m.address.startsWith('root:kernel:object:'));
  expect(objects.map((m) => m.node.key)).toEqual(['expand', 'expand']);
  for (const m of Object.values(flows).flat()) {
    const isOkta = m.address.startsWith('root:channels:http:okta:');
    expect(m.node.model.config, m.node.data.name).toBe(isOkta ? connection : null);
  }
  // Group › Profile › Name at the top and Group › ID in the Try lane: each read by an expand
  // card with its `path`, as Okta stores them.
  expect(
    objects
      .flatMap((x) => Object.values(x.node.model.outputs.data))
      .filter((f) => f.key === 'value')
      .map((f) => f.metadata['path'])
      .sort(),
  ).toEqual([['ID'], ['Profile', 'Name']]);
}

test('[corpus] Okta’s own exports write each connection placeholder with the keys the quarantine test expects', () => {
  const { text } = sharedFlopack('okta_add_user_to_a_group_ispm_remediation_flow');
  const configs = Object.values((JSON.parse(text) as Exported).data.configs);
  expect(configs.length).toBeGreaterThan(0);
  for (const c of configs) {
    expect(Object.keys(c)).toEqual(OKTA_CONFIG_KEYS);
    expect(c).toMatchObject({ module: 'okta', data: null });
  }
});
