/**
 * The studio itself in headless Chromium at 1440×900 (the production build over a fresh
 * SQLite file): how much of the window the canvas gets and how large card titles render when
 * the quarantine template opens, and how fast the largest real Okta flow opens.
 * Prints canvas_width_share (goal ≥ 0.65), canvas_min_title_px (goal ≥ 12) and
 * open_largest_real_flow_ms (goal ≤ 300; skipped with a message without the corpus).
 * Needs `npm run build` first.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.ts';
import { corpusFile, hasCorpus } from '../tests/corpusLocation.ts';
import { launch } from '../scripts/launchStudio.ts';
import { report } from './timing.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(root, 'dist-server/src/server/index.js');
/** The largest real flow: 104 cards, in Okta's "Automate SSO application creation". */
const LARGEST = { file: 'automate_sso_application_creation', flow: '2a. SAML Create App' };
const OPENS = 5;

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function startStudio(): Promise<{ url: string; child: ChildProcess }> {
  const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'canvas-app-bench-')), 'studio.sqlite');
  return launch(dbFile);
}

async function api<T>(url: string, method: string, body?: string): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body }),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The quarantine template at 1440×900 with the default panels. */
async function measureLayout(page: Page, url: string): Promise<void> {
  const folder = await api<{ id: string }>(
    `${url}/api/folders`,
    'POST',
    JSON.stringify({ name: 'Entity Risk', parentId: null }),
  );
  const made = await api<{ flowIds: string[] }>(
    `${url}/api/templates/quarantine?folder=${folder.id}`,
    'POST',
  );
  const tree = await api<{ flows: { id: string; name: string }[] }>(`${url}/api/workspace`, 'GET');
  const main = tree.flows.find(
    (f) => made.flowIds.includes(f.id) && f.name.startsWith('Risk Policy'),
  );
  if (!main) throw new Error('the quarantine template made no main flow');
  await page.goto(`${url}/#folder=${folder.id}&flow=${main.id}`);
  await page.locator('.react-flow__node-card').first().waitFor();
  await page.waitForTimeout(500);
  const figures = await page.evaluate(() => {
    const canvas = document.querySelector('.react-flow')?.getBoundingClientRect();
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const zoom = viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : 0;
    const pane = canvas ?? new DOMRect();
    let min = Infinity;
    for (const el of document.querySelectorAll<HTMLElement>('.cv-title')) {
      const r = el.getBoundingClientRect();
      const visible =
        r.right > pane.left && r.left < pane.right && r.bottom > pane.top && r.top < pane.bottom;
      if (visible) min = Math.min(min, parseFloat(getComputedStyle(el).fontSize) * zoom);
    }
    return { share: (canvas?.width ?? 0) / window.innerWidth, min };
  });
  report('canvas_width_share', figures.share);
  report('canvas_min_title_px', figures.min, 1);
}

/** Opens a flow from the folder's list and waits until its cards are painted. */
function openFlow(page: Page, name: string): Promise<number> {
  // A string, not a function: the TypeScript runner would wrap a function's inner names.
  return page.evaluate<number>(`new Promise((resolve, reject) => {
    const item = [...document.querySelectorAll('[aria-label^="Flows in"] .flow-name')]
      .find((el) => el.textContent === ${JSON.stringify(name)})?.closest('button');
    if (!item) return reject(new Error('no flow named ' + ${JSON.stringify(name)}));
    const t0 = performance.now();
    item.click();
    const poll = () => {
      const h = document.querySelector('.flow-header h2');
      if (h && h.textContent === ${JSON.stringify(name)} && document.querySelector('.react-flow__node-card'))
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
      else requestAnimationFrame(poll);
    };
    poll();
  })`);
}

/** The largest real flow, opened from its folder's list (alternating with a small flow). */
async function measureLargest(page: Page, url: string): Promise<void> {
  if (!hasCorpus) {
    console.log(
      'open_largest_real_flow_ms: skipped (no corpus of real Okta exports; see tests/corpusLocation.ts)',
    );
    return;
  }
  const file = corpusFile(LARGEST.file);
  const made = await api<{ folderIds: string[]; flowIds: string[] }>(
    `${url}/api/import?name=${encodeURIComponent(path.basename(file))}`,
    'POST',
    readFileSync(file, 'utf8'),
  );
  const tree = await api<{ flows: { id: string; name: string; folderId: string | null }[] }>(
    `${url}/api/workspace`,
    'GET',
  );
  const flows = tree.flows.filter((f) => made.flowIds.includes(f.id));
  const largest = flows.find((f) => f.name === LARGEST.flow);
  const other = flows.find((f) => f.name !== LARGEST.flow && f.folderId === largest?.folderId);
  if (!largest || !other) throw new Error(`${LARGEST.file} has no flow “${LARGEST.flow}”`);
  // A fresh page load: the studio reads the folder to show from the address once, at start.
  await page.goto('about:blank');
  await page.goto(`${url}/#folder=${largest.folderId ?? ''}`);
  await page.locator('[aria-label^="Flows in"]').first().waitFor();
  const times: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    times.push(await openFlow(page, LARGEST.flow));
    await openFlow(page, other.name);
  }
  report('open_largest_real_flow_first_ms', times[0] ?? 0, 0);
  report('open_largest_real_flow_ms', median(times), 0);
}

/** Runs the studio benchmark and prints its figures. */
export async function benchCanvasApp(): Promise<void> {
  if (!existsSync(SERVER) || !existsSync(path.join(root, 'dist/index.html'))) {
    console.log('canvas_app: skipped (no production build: run `npm run build` first)');
    return;
  }
  const studio = await startStudio();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await measureLayout(page, studio.url);
    await measureLargest(page, studio.url);
  } finally {
    await browser.close();
    studio.child.kill('SIGKILL');
  }
}
