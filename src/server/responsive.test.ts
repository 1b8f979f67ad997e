import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bigPack } from '../../tests/hostile.ts';

let server: ChildProcess | null = null;

/** Starts the studio from source on a free port; resolves with its URL. */
function start(dbFile: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/index.ts'], {
    env: { ...process.env, PORT: '0', DB_FILE: dbFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/[^\s]+?)\/?\s/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  });
}

afterEach(() => {
  server?.kill('SIGKILL');
  server = null;
});

describe('a server importing a 20 MB flopack', () => {
  it('keeps answering health checks while the import runs', async () => {
    const url = await start(path.join(mkdtempSync(path.join(tmpdir(), 'flopack-busy-')), 'db'));
    const pack = bigPack(20, 1024 * 1024);
    expect(pack.length).toBeGreaterThan(20 * 1024 * 1024);
    let done = false;
    const importing = fetch(`${url}/api/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: pack,
    }).then((r) => {
      done = true;
      return r.status;
    });
    // Health checks sent while the import is still running (after its upload), and answered.
    let answered = 0;
    await new Promise((r) => setTimeout(r, 150));
    while (!done) {
      const r = await fetch(`${url}/api/health`);
      if (r.ok && !done) answered++;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await importing).toBe(201);
    expect(answered).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
