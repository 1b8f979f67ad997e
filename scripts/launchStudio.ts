/** Starts a built studio server (`dist-server`) as a child process; used by the browser tests and benchmarks. */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'dist-server/src/server/index.js',
);

/** Starts a studio server over `dbFile` (port 0: any free port), with extra environment. */
export async function launch(
  dbFile: string,
  port = 0,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, PORT: String(port), DB_FILE: dbFile, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`studio did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`studio exited (${code}): ${out}`)));
  });
  return { child, url };
}
