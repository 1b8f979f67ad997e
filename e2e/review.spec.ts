/**
 * Review before release in a team studio: one editor asks for review, cannot approve their own
 * request, another editor requests changes and later approves; a folder that requires approval
 * holds the export back until then.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { flowAction, newFolder } from './studio.ts';
import type { TeamStudio } from './team.ts';
import { offline, signIn, startTeamStudio } from './team.ts';

let team: TeamStudio;
test.beforeEach(async () => {
  // The first person to sign in is admin; everyone after them is an editor.
  team = await startTeamStudio('editor');
});
test.afterEach(async () => {
  await team.stop();
});

async function person(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext();
  await offline(context);
  const page = await context.newPage();
  await signIn(page, team, login);
  return page;
}

/** Opens the folder and its only flow. */
async function openFlow(page: Page): Promise<void> {
  await page
    .getByRole('treeitem', { name: /Entity Risk/ })
    .getByRole('button')
    .first()
    .click();
  await page.getByRole('button', { name: /^Unnamed/ }).click();
  await expect(page.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
}

/** A decision sent straight to the API with the page's own cookie: no UI involved. */
const decideByApi = (page: Page, flowId: string, revision: number) =>
  page.evaluate(
    async ({ id, rev }) => {
      const res = await fetch(`/api/flows/${id}/versions/${rev}/decision`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ decision: 'approve' }),
      });
      return { status: res.status, code: ((await res.json()) as { code?: string }).code };
    },
    { id: flowId, rev: revision },
  );

test('an editor asks for review, another requests changes, then approves; the folder rule holds export back until then', async ({
  browser,
}) => {
  const ada = await person(browser, 'ada');
  await newFolder(ada, 'Entity Risk');
  const rule = ada.getByRole('checkbox', { name: 'Require approval before export' });
  await rule.click();
  await expect(rule).toBeChecked();
  await expect(rule).toHaveAccessibleDescription(/Subfolders inherit this rule/);

  const alice = await person(browser, 'alice');
  await alice
    .getByRole('treeitem', { name: /Entity Risk/ })
    .getByRole('button')
    .first()
    .click();
  // Only admins change the rule; editors see it on, and why they cannot change it.
  const aliceRule = alice.getByRole('checkbox', { name: 'Require approval before export' });
  await expect(aliceRule).toBeChecked();
  await expect(aliceRule).toHaveAccessibleDescription(/Only admins can change review rules/);
  await alice.getByRole('button', { name: 'New flow' }).click();
  await expect(alice.getByRole('heading', { name: 'Unnamed' })).toBeVisible();
  await alice.getByRole('switch', { name: 'Flow is OFF' }).click();
  await alice.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(alice.getByText('Unsaved changes')).toBeHidden();
  const flowId = await alice.evaluate(async () => {
    const tree = (await (await fetch('/api/workspace')).json()) as { flows: { id: string }[] };
    return tree.flows[0]?.id ?? '';
  });

  // Before approval the export is held back, with the reason.
  await flowAction(alice, 'Export');
  const exportDialog = alice.getByRole('dialog', { name: 'Export' });
  const exportFlow = exportDialog.getByRole('link', { name: 'Export flow “Unnamed”' });
  await expect(exportFlow).toHaveAttribute('aria-disabled', 'true');
  await expect(exportFlow).toHaveAccessibleDescription(
    /Needs an approved version before export: “Unnamed” \(version 2 has not been reviewed\)/,
  );
  await exportDialog.getByRole('button', { name: 'Close' }).first().click();

  await flowAction(alice, 'Request review…');
  const ask = alice.getByRole('dialog', { name: 'Request review' });
  await ask.getByLabel('Comment for the reviewer (optional)').fill('Turned it on');
  await ask.getByRole('button', { name: 'Request review' }).click();
  await expect(ask).toBeHidden();
  const aliceBadge = alice.getByRole('button', { name: /show the review$/ });
  await expect(aliceBadge).toHaveText('Review requested by alice@example.com');

  // Alice cannot approve her own request: the control says why, by keyboard too.
  await aliceBadge.click();
  const own = alice.getByRole('dialog', { name: 'Review version 2' });
  const approve = own.getByRole('button', { name: 'Approve' });
  await expect(approve).toHaveAttribute('aria-disabled', 'true');
  await approve.focus();
  await expect(approve).toBeFocused();
  await expect(own.getByRole('tooltip')).toBeVisible();
  await expect(approve).toHaveAccessibleDescription(/another editor must approve/);
  await approve.press('Enter');
  await expect(aliceBadge).toHaveText('Review requested by alice@example.com');
  await own.getByRole('button', { name: 'Close' }).first().click();
  await expect
    .poll(() => decideByApi(alice, flowId, 2))
    .toEqual({ status: 403, code: 'REVIEW_E403' });

  // Bob requests changes with a comment.
  const bob = await person(browser, 'bob');
  await openFlow(bob);
  const bobBadge = bob.getByRole('button', { name: /show the review$/ });
  await expect(bobBadge).toHaveText('Review requested by alice@example.com');
  await bobBadge.click();
  const review = bob.getByRole('dialog', { name: 'Review version 2' });
  await expect(review.getByLabel('Comment of the request')).toHaveText(
    'alice@example.com: Turned it on',
  );
  await review.getByLabel('Comment (required to request changes)').fill('Skip the Everyone group');
  await review.getByRole('button', { name: 'Request changes' }).click();
  await expect(review).toBeHidden();
  await expect(bobBadge).toHaveText('Changes requested by bob@example.com');

  // Alice sees it live, in the header and in the versions list, comment included.
  await expect(aliceBadge).toHaveText('Changes requested by bob@example.com');
  await alice.getByRole('button', { name: 'Versions' }).click();
  const versions = alice.getByRole('complementary', { name: 'Versions' });
  await expect(versions.getByRole('button', { name: /^Version 2:/ })).toContainText(
    'changes requested by bob@example.com: “Skip the Everyone group”',
  );
  await aliceBadge.click();
  const sentBack = alice.getByRole('dialog', { name: 'Review version 2' });
  await expect(sentBack.getByLabel('Comment of the review')).toHaveText(
    'bob@example.com: Skip the Everyone group',
  );
  await sentBack.getByRole('button', { name: 'Close' }).first().click();

  // Alice saves again and asks again; Bob approves the new version.
  await alice.getByRole('checkbox', { name: 'Save all data that passes through the flow' }).check();
  await alice.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(alice.getByText('Unsaved changes')).toBeHidden();
  await expect(aliceBadge).toHaveCount(0);
  await flowAction(alice, 'Request review…');
  await alice
    .getByRole('dialog', { name: 'Request review' })
    .getByRole('button', { name: 'Request review' })
    .click();
  await expect(aliceBadge).toHaveText('Review requested by alice@example.com');

  await bob
    .getByRole('status', { name: 'Changes by others' })
    .getByRole('button', { name: 'Reload' })
    .click();
  await expect(bobBadge).toHaveText('Review requested by alice@example.com');
  await flowAction(bob, 'Review…');
  const second = bob.getByRole('dialog', { name: 'Review version 3' });
  await second.getByRole('button', { name: 'Approve' }).click();
  await expect(second).toBeHidden();
  await expect(bobBadge).toHaveText('Approved by bob@example.com');

  // Approved: the export is allowed and downloads.
  await expect(aliceBadge).toHaveText('Approved by bob@example.com');
  await expect(versions.getByRole('button', { name: /^Version 3:/ })).toContainText(
    'approved by bob@example.com',
  );
  await flowAction(alice, 'Export');
  const allowed = alice
    .getByRole('dialog', { name: 'Export' })
    .getByRole('link', { name: 'Export flow “Unnamed”' });
  await expect(allowed).not.toHaveAttribute('aria-disabled', 'true');
  const download = alice.waitForEvent('download');
  await allowed.click();
  const file = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  expect(await readFile(file, 'utf8')).toContain('"Unnamed"');

  for (const p of [ada, alice, bob]) await p.context().close();
});
