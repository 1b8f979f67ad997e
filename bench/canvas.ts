/**
 * Canvas benchmark in headless Chromium: a generated 1,000-card flow in the studio's canvas
 * beside bare React Flow rendering the same nodes, in the same run.
 * Prints canvas_first_render_ms, canvas_drag_p95_ms and canvas_vs_bare_reactflow.
 * Goals: first render < 1 s, p95 frame time while dragging ≤ 18 ms, ratio ≤ 1.0.
 */
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.ts';
import { buildBenchPage, serveBenchPage } from './canvas/page.ts';
import { report } from './timing.ts';

const CARDS = 1000;
const RUNS = 3;

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p95 = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;

/** Errors the page threw or logged, so a page that stops rendering says why, not just "timeout". */
const pageErrors: string[] = [];

interface Rendered {
  ms: number;
  pane: { width: number; height: number };
}

async function firstRender(page: Page, url: string): Promise<Rendered> {
  pageErrors.length = 0;
  try {
    await page.goto(url);
    await page.waitForFunction(() => typeof window.start === 'function', null, {
      timeout: 60_000,
    });
    await page.evaluate('window.start()');
    await page.waitForFunction(() => window.bench?.ready === true, null, { timeout: 60_000 });
  } catch (e) {
    throw new Error(
      `the benchmark page did not render ${url}: ${pageErrors.join('; ') || String(e)}`,
    );
  }
  return page.evaluate(() => ({ ms: window.bench.firstRenderMs, pane: window.bench.pane }));
}

/**
 * Drags the fourth node lying wholly in the window 60 frames along and returns the frame times
 * seen meanwhile. (Bare React Flow fits the whole flow, so most of its nodes lie off screen.)
 */
async function dragFrames(page: Page, selector: string): Promise<number[]> {
  const index =
    await page.evaluate<number>(`[...document.querySelectorAll(${JSON.stringify(selector)})]
    .map((el) => el.getBoundingClientRect())
    .map((r, i) => (r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight ? i : -1))
    .filter((i) => i >= 0)[3] ?? -1`);
  const box = index >= 0 ? await page.locator(selector).nth(index).boundingBox() : null;
  if (!box) throw new Error(`no node to drag (${selector})`);
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
  const dir = await buildBenchPage();
  const server = await serveBenchPage(dir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
  try {
    // Tall enough for the studio's toolbar above its 1400×800 pane (the bare pane's size).
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    const studio: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const b = await firstRender(page, `${server.url}/index.html?mode=bare&n=${CARDS}`);
      const s = await firstRender(page, `${server.url}/index.html?mode=studio&n=${CARDS}`);
      if (b.pane.width !== s.pane.width || b.pane.height !== s.pane.height)
        throw new Error(
          `the studio's pane (${s.pane.width}×${s.pane.height}) differs from bare React Flow's (${b.pane.width}×${b.pane.height})`,
        );
      bare.push(b.ms);
      studio.push(s.ms);
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
