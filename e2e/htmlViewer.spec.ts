import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { unwrap } from '../src/model/errors.ts';
import { readFlopack } from '../src/export/flopack/read.ts';
import { renderPackHtml } from '../src/export/render/html.ts';
import { templatePacks } from '../tests/templatePacks.ts';

test('the HTML page of a flopack shows a card’s inputs on click and follows helper-flow links', async ({
  page,
}) => {
  const text = templatePacks()[2]?.[1] ?? '';
  const html = renderPackHtml(unwrap(readFlopack(text)), 'quarantine.folder');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'flopack-html-')), 'quarantine.html');
  writeFileSync(file, html);
  const requests: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) requests.push(r.url());
  });
  await page.goto(pathToFileURL(file).href);

  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(2);
  await page
    .getByRole('button', { name: /^Card Remove User from Group/ })
    .first()
    .click();
  const details = page.locator('#details');
  await expect(details).toBeVisible();
  await expect(details.getByRole('heading', { name: /Remove User from Group/ })).toBeVisible();
  await expect(details.getByRole('cell', { name: 'Group ID' })).toBeVisible();
  await expect(details.getByRole('cell', { name: 'User ID', exact: true }).first()).toBeVisible();

  // The For Each card of the main flow links to the helper flow it calls.
  await page.getByRole('button', { name: /^Card For Each$/ }).click();
  await details.getByRole('link', { name: 'Remove user from group' }).click();
  await expect(page).toHaveURL(/#flow-\d+$/);

  // Zoom changes the drawing's transform; nothing was fetched from the network.
  await page.getByRole('button', { name: 'Zoom in' }).first().click();
  await expect(page.locator('.viewport').first()).toHaveAttribute('transform', /scale\(1\.25\)/);
  expect(requests).toEqual([]);
});
