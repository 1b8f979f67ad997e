import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { axeViolations } from './a11y.ts';
import { newFolder } from './studio.ts';
import type { TeamStudio } from './team.ts';
import { offline, signIn, startTeamStudio } from './team.ts';

let team: TeamStudio;
test.beforeEach(async () => {
  team = await startTeamStudio();
});
test.afterEach(async () => {
  await team.stop();
});

/** A PUT of the open flow straight to the API with the page's own cookie: no UI involved. */
const forcedSave = (page: Page, id: string) =>
  page.evaluate(async (flowId) => {
    const res = await fetch(`/api/flows/${flowId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ baseRevision: 1, name: 'Renamed by a viewer' }),
    });
    return { status: res.status, body: (await res.json()) as { code?: string } };
  }, id);

test('signs in through the OpenID provider, shows who is signed in, and signs out', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await offline(context);
  const page = await context.newPage();
  await signIn(page, team, 'ada');
  // The first person to sign in administers the workspace.
  await expect(page.getByText('Signed in as Ada Admin (admin)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New folder' })).toBeEnabled();

  await expect
    .poll(async () => {
      const c = (await context.cookies(team.url)).find((x) => x.name === 'flopack_session');
      return c && { httpOnly: c.httpOnly, sameSite: c.sameSite, secure: c.secure };
    })
    .toEqual({ httpOnly: true, sameSite: 'Lax', secure: false });
  // The session cookie is invisible to scripts in the page.
  await expect.poll(() => page.evaluate(() => document.cookie)).not.toContain('flopack_session');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  // The sign-in screen passes axe-core in both themes.
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.reload();
    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(async () =>
      expect(await axeViolations(page), `axe-core findings on the ${theme} sign-in screen`).toEqual(
        [],
      ),
    ).toPass({ timeout: 60_000, intervals: [2_000] });
  }
  await expect
    .poll(async () => (await context.cookies(team.url)).some((x) => x.name === 'flopack_session'))
    .toBe(false);
  await expect
    .poll(() => page.evaluate(async () => (await fetch('/api/workspace')).status))
    .toBe(401);
  await context.close();
});

test('a viewer can open a flow but the studio offers no way to change it, and the API refuses a forced save', async ({
  browser,
}) => {
  const adminContext = await browser.newContext();
  await offline(adminContext);
  const admin = await adminContext.newPage();
  await signIn(admin, team, 'ada');
  await newFolder(admin, 'Entity Risk');
  await admin.getByRole('button', { name: 'New flow' }).click();
  await expect(admin.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  const flowId = await admin.evaluate(async () => {
    const tree = (await (await fetch('/api/workspace')).json()) as { flows: { id: string }[] };
    return tree.flows[0]?.id ?? '';
  });

  const made = await admin.evaluate(async () => {
    const r = await fetch('/api/connections', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Okta', module: 'okta' }),
    });
    return r.status;
  });
  expect(made).toBe(201);

  const viewerContext = await browser.newContext();
  await offline(viewerContext);
  const viewer = await viewerContext.newPage();
  await signIn(viewer, team, 'vic');
  await expect(viewer.getByText('Signed in as Vic Viewer (viewer)')).toBeVisible();
  const why = /ask an admin for the editor role/;
  for (const name of ['Import', 'New folder']) {
    await expect(viewer.getByRole('button', { name, exact: true })).toBeDisabled();
    await expect(viewer.getByRole('button', { name, exact: true })).toHaveAccessibleDescription(
      why,
    );
  }
  await viewer
    .getByRole('treeitem', { name: /Entity Risk/ })
    .getByRole('button')
    .click();
  await expect(viewer.getByRole('button', { name: 'New flow' })).toBeDisabled();
  await expect(viewer.getByRole('button', { name: 'Delete folder' })).toHaveAccessibleDescription(
    /Only admins can delete folders/,
  );
  await viewer.getByRole('button', { name: /^Unnamed/ }).click();
  await expect(viewer.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  await expect(viewer.getByText('View only')).toBeVisible();

  const save = viewer.getByRole('button', { name: 'Save', exact: true });
  await expect(save).toBeDisabled();
  await expect(save).toHaveAccessibleDescription(/can save flows; you are a viewer/);
  // Keyboard users reach the unavailable Save and are told why.
  await save.focus();
  await expect(save).toBeFocused();
  await expect(viewer.getByRole('tooltip', { name: /can save flows/ })).toBeVisible();
  await expect(viewer.getByRole('switch', { name: 'Flow is OFF' })).toBeDisabled();
  await viewer.getByRole('button', { name: 'More flow actions' }).click();
  const more = viewer.getByRole('menu', { name: 'More flow actions' });
  await expect(more.getByRole('menuitem', { name: 'Edit properties' })).toBeDisabled();
  await expect(more.getByRole('menuitem', { name: 'Delete flow' })).toBeDisabled();
  await viewer.keyboard.press('Escape');
  await expect(more).toBeHidden();
  // Nothing to insert from, and keyboard edits do nothing.
  await expect(viewer.getByRole('button', { name: 'Add app action' })).toHaveCount(0);
  await expect(viewer.getByLabel('Search cards')).toHaveCount(0);
  await viewer.locator('.react-flow__pane').click();
  await viewer.keyboard.press('n');
  await viewer.keyboard.press('Control+s');
  await expect(viewer.getByText('Unsaved changes')).toHaveCount(0);

  // The Connections screen lists the connection, but Rename and Delete say why they are unavailable.
  await viewer.getByRole('button', { name: 'Connections', exact: true }).click();
  const screen = viewer.getByRole('dialog', { name: 'Connections' });
  for (const [name, why] of [
    ['Rename Okta connection “Okta”', /rename connections/],
    ['Delete Okta connection “Okta”', /delete connections/],
  ] as const) {
    await expect(screen.getByRole('button', { name })).toHaveAttribute('aria-disabled', 'true');
    await expect(screen.getByRole('button', { name })).toHaveAccessibleDescription(why);
  }
  await screen.getByRole('button', { name: 'Rename Okta connection “Okta”' }).focus();
  await viewer.keyboard.press('Enter');
  await expect(screen.getByRole('textbox')).toHaveCount(0);
  await viewer.keyboard.press('Escape');
  await expect(screen).toBeHidden();

  await expect
    .poll(() => forcedSave(viewer, flowId))
    .toEqual({
      status: 403,
      body: expect.objectContaining({ code: 'AUTH_E403' }) as unknown,
    });
  // The admin's studio still shows the flow unchanged.
  await admin.reload();
  await expect(admin.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  await adminContext.close();
  await viewerContext.close();
});

test('the audit trail shows who changed what, filters it, exports it as JSON Lines; versions name their author; admins change roles', async ({
  browser,
}) => {
  const viewerContext = await browser.newContext();
  await offline(viewerContext);
  const context = await browser.newContext();
  await offline(context);
  const page = await context.newPage();
  await signIn(page, team, 'ada');
  await signIn(await viewerContext.newPage(), team, 'vic');
  await newFolder(page, 'Entity Risk');
  await page.getByRole('button', { name: 'New flow' }).click();
  await expect(page.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  // ON applies at once: audited, no save and no new version.
  await page.getByRole('switch', { name: 'Flow is OFF' }).click();
  await expect(page.getByRole('switch', { name: 'Flow is ON' })).toBeVisible();
  await page.getByRole('button', { name: 'Versions' }).click();
  const versions = page.getByRole('complementary', { name: 'Versions' });
  await expect(versions.getByRole('button', { name: /^Version \d+:/ })).toHaveCount(1);
  await expect(versions.getByRole('button', { name: /^Version 1:/ })).toContainText(
    'by ada@example.com',
  );

  await page.getByRole('button', { name: 'Members' }).click();
  const members = page.getByRole('dialog', { name: 'Members and roles' });
  await expect(members.getByRole('combobox', { name: 'Role of Ada Admin' })).toHaveValue('admin');
  await members.getByRole('combobox', { name: 'Role of Vic Viewer' }).selectOption('editor');
  await expect(page.getByText('Vic Viewer is now an editor.')).toBeVisible();
  await members.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Audit trail' }).click();
  const audit = page.getByRole('dialog', { name: 'Audit trail' });
  const rows = audit.getByRole('table', { name: 'Recorded changes' }).getByRole('row');
  await expect(rows.filter({ hasText: 'folder.create' })).toContainText('ada@example.com');
  await expect(rows.filter({ hasText: 'role.change' })).toContainText(
    'vic@example.com: viewer → editor',
  );
  await expect(rows.filter({ hasText: 'sign-in' })).toHaveCount(2);
  await audit.getByLabel('What').fill('flow.');
  await audit.getByRole('button', { name: 'Filter' }).click();
  await expect(rows).toHaveCount(3); // the header, flow.create and flow.on
  await expect(rows.nth(1)).toContainText('flow.on');
  await expect(rows.nth(2)).toContainText('flow.create');
  await audit.getByLabel('Instance').fill('not-this-instance');
  await audit.getByRole('button', { name: 'Filter' }).click();
  await expect(audit.getByText('No recorded change matches.')).toBeVisible();
  await audit.getByLabel('Instance').fill('');
  await audit.getByRole('button', { name: 'Filter' }).click();
  await expect(rows).toHaveCount(3);

  const download = page.waitForEvent('download');
  await audit.getByRole('link', { name: 'Export JSON Lines' }).click();
  const file = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  const lines = (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { action: string; actor: string; instance: string });
  expect(lines.map((l) => l.action)).toEqual(['flow.on', 'flow.create']);
  expect(lines.every((l) => l.actor === 'ada@example.com' && l.instance !== '')).toBe(true);
  await context.close();
  await viewerContext.close();
});
