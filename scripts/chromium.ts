/**
 * How the browser tests and the canvas benchmark start Debian's Chromium: its path (never a
 * Playwright download) and flags that keep it off the network.
 */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Launch flags: no sandbox (containers), no GPU, no background network traffic. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
