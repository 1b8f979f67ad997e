import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.ts';
import { expect, test } from './fixtures.ts';

/** A page on another site, served from a second local server. */
async function attacker(html: string): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** A browser in which evil.example resolves to this machine. */
const launchWithEvilDns = () =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP evil.example 127.0.0.1'],
  });

test('a page on another site cannot create folders with a form post or a no-cors fetch', async ({
  studio,
  request,
}) => {
  const target = `${studio.url}/api/folders`;
  const evil = await attacker(`<!doctype html><title>win a prize</title>
    <form id="f" method="POST" action="${target}" enctype="text/plain">
      <input name='{"name":"Planted by a form","x":"' value='"}'>
    </form>
    <script>
      fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', body: '{"name":"Planted by fetch"}' })
        .finally(() => document.getElementById('f').submit());
    </script>`);
  const browser = await launchWithEvilDns();
  try {
    const page = await browser.newPage();
    await page.goto(`http://evil.example:${evil.port}/`);
    // The form navigates to the studio's answer: a coded refusal.
    await expect(page.locator('body')).toContainText('ORIGIN_E001');
    await expect
      .poll(
        async () =>
          (
            (await (await request.get(`${studio.url}/api/workspace`)).json()) as {
              folders: unknown[];
            }
          ).folders,
      )
      .toEqual([]);
  } finally {
    await browser.close();
    await evil.close();
  }
});

test('a foreign host name (DNS rebinding) gets neither the app nor the API', async ({
  studio,
  request,
}) => {
  const made = await request.post(`${studio.url}/api/folders`, { data: { name: 'Keep me' } });
  const folder = (await made.json()) as { id: string };
  const port = new URL(studio.url).port;
  const browser = await launchWithEvilDns();
  try {
    const page = await browser.newPage();
    const res = await page.goto(`http://evil.example:${port}/`);
    expect(res?.status()).toBe(421);
    await expect(page.locator('body')).toContainText('HOST_E001');
    // Script on the rebound name reads and deletes as a same-origin page would: refused.
    await expect
      .poll(() =>
        page.evaluate(async (id) => {
          const read = await fetch('/api/export');
          const del = await fetch(`/api/folders/${id}`, {
            method: 'DELETE',
            headers: { 'content-type': 'application/json' },
          });
          return [read.status, del.status];
        }, folder.id),
      )
      .toEqual([421, 421]);
    await expect
      .poll(async () =>
        (
          (await (await request.get(`${studio.url}/api/workspace`)).json()) as {
            folders: { id: string }[];
          }
        ).folders.map((f) => f.id),
      )
      .toEqual([folder.id]);
  } finally {
    await browser.close();
  }
});

test('the studio works under its Content-Security-Policy and without localStorage', async ({
  page,
  studio,
}) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('storage is blocked', 'SecurityError');
      },
    });
  });
  const res = await page.goto(studio.url);
  expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await expect(page.getByText('No folders yet')).toBeVisible();
  await page.getByRole('button', { name: 'New folder' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Works');
  await dialog.getByRole('button', { name: 'Create folder' }).click();
  await expect(page.getByRole('treeitem', { name: /Works/ })).toBeVisible();
  await expect.poll(() => violations).toEqual([]);
});
