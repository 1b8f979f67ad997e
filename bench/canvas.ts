/**
 * Canvas benchmark in headless Chromium: a generated 1,000-card flow in the studio's canvas
 * beside bare React Flow rendering the same nodes, in the same run.
 * Prints canvas_first_render_ms, canvas_drag_p95_ms and canvas_vs_bare_reactflow.
 * Goals: first render < 1 s, p95 frame time while dragging ≤ 18 ms, ratio ≤ 1.0.
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.ts';
import { report } from './timing.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const CARDS = 1000;
const RUNS = 3;

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p95 = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;

async function buildPage(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'canvas-bench-'));
  await build({
    root: path.join(here, 'canvas'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000 },
  });
  return outDir;
}

function serve(dir: string): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  const server = createServer((req, res) => {
    const file = path.join(
      dir,
      decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/').replace(/^\/$/, '/index.html'),
    );
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => server.close(),
      }),
    ),
  );
}

async function firstRender(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(() => typeof window.start === 'function', null, { timeout: 60_000 });
  await page.evaluate('window.start()');
  await page.waitForFunction(() => window.bench?.ready === true, null, { timeout: 60_000 });
  return page.evaluate(() => window.bench.firstRenderMs);
}

/** Drags a visible card 60 frames along and returns the frame times seen meanwhile. */
async function dragFrames(page: Page, selector: string): Promise<number[]> {
  const node = page.locator(selector).nth(3);
  const box = await node.boundingBox();
  if (!box) throw new Error('no card to drag');
  // A string, not a function: the TypeScript runner would wrap a function's inner names.
  await page.evaluate(`(() => {
    window.frames_ = [];
    window.recording = true;
    let last = performance.now();
    const tick = (t) => {
      window.frames_.push(t - last);
      last = t;
      if (window.recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(20, box.height / 2);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) {
    await page.mouse.move(x + i * 4, y + Math.sin(i / 6) * 30);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  return page.evaluate<number[]>(`(() => {
    window.recording = false;
    return window.frames_.slice(2);
  })()`);
}

/** Runs the canvas benchmark and prints its figures. */
export async function benchCanvas(): Promise<void> {
  const dir = await buildPage();
  const server = await serve(dir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    const studio: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(await firstRender(page, `${server.url}/index.html?mode=bare&n=${CARDS}`));
      studio.push(await firstRender(page, `${server.url}/index.html?mode=studio&n=${CARDS}`));
    }
    const studioFrames = await dragFrames(page, '.react-flow__node-card');
    await firstRender(page, `${server.url}/index.html?mode=bare&n=${CARDS}`);
    const bareFrames = await dragFrames(page, '.react-flow__node-default');
    report('canvas_cards', CARDS, 0);
    report('canvas_first_render_ms', median(studio), 0);
    report('bare_reactflow_first_render_ms', median(bare), 0);
    report('canvas_vs_bare_reactflow', median(studio) / median(bare));
    report('canvas_drag_p95_ms', p95(studioFrames), 1);
    report('bare_reactflow_drag_p95_ms', p95(bareFrames), 1);
  } finally {
    await browser.close();
    server.close();
  }
}
