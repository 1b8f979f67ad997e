/**
 * The canvas benchmark page (`npm run bench canvas`) renders the app's flow editor outside the
 * app. It is measured only on request, so this keeps it working: a canvas change that the page
 * no longer supports (a provider, a query, a store) fails here instead of in the next bench run.
 */
import type { Page } from '@playwright/test';
import { buildBenchPage, serveBenchPage } from '../bench/canvas/page.ts';
import { expect, test } from './fixtures.ts';

/** Runs `checks` on the page; when they fail, the page's own errors say why. */
async function withoutPageErrors(page: Page, checks: () => Promise<void>): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  try {
    await checks();
  } catch (e) {
    if (errors.length) throw new Error(`the page failed: ${errors.join('; ')}`, { cause: e });
    throw e;
  }
  expect(errors).toEqual([]);
}

test('the canvas benchmark page renders the studio’s cards and bare React Flow’s nodes without an error', async ({
  page,
}) => {
  const server = await serveBenchPage(await buildBenchPage());
  try {
    await withoutPageErrors(page, async () => {
      // More than 60 cards: the canvas takes its big-flow path (only cards near the view).
      await page.goto(`${server.url}/index.html?mode=studio&n=80`);
      await page.evaluate('window.start()');
      await expect(
        page.getByRole('group', { name: /^Events – Delegated Flow, card 1 of 80/ }),
      ).toBeVisible();
      await expect(
        page.getByRole('group', { name: 'Slack – Send Message to Channel, card 3 of 80' }),
      ).toBeVisible();
      // Only the cards near the view are in the page, which is what the benchmark measures.
      await expect
        .poll(() => page.getByRole('group', { name: /, card \d+ of 80$/ }).count())
        .toBeLessThan(20);
      await expect(page.getByRole('toolbar', { name: 'Editing' })).toBeVisible();
      await expect.poll(() => page.evaluate('window.bench.ready')).toBe(true);

      await page.goto(`${server.url}/index.html?mode=bare&n=80`);
      await page.evaluate('window.start()');
      await expect(
        page.getByRole('group').filter({ hasText: 'Send Message to Channel' }).first(),
      ).toBeVisible();
      await expect.poll(() => page.evaluate('window.bench.ready')).toBe(true);
    });
  } finally {
    server.close();
  }
});
