/**
 * Reads a flopack on a worker thread, so parsing and checking a 20 MB upload does not stop
 * the server from answering other requests meanwhile.
 */
import { Worker } from 'node:worker_threads';
import type { Result } from '../model/errors.ts';
import type { Workspace } from '../model/workspace.ts';
import { readFlopack } from '../export/flopack/read.ts';

// Built code runs readWorker.js; from source (tsx, which workers inherit) readWorker.ts.
const WORKER = new URL(
  import.meta.url.endsWith('.ts') ? './readWorker.ts' : './readWorker.js',
  import.meta.url,
);

/** Below this size reading inline is cheaper than starting a thread. */
const INLINE_BYTES = 512 * 1024;

/** `readFlopack(text)` on a worker thread; inline for small texts or where no worker starts. */
export function readFlopackOffThread(text: string, maxBytes: number): Promise<Result<Workspace>> {
  if (text.length < INLINE_BYTES) return Promise.resolve(readFlopack(text, { maxBytes }));
  return new Promise((resolve) => {
    let settled = false;
    const inline = (): void => {
      if (settled) return;
      settled = true;
      resolve(readFlopack(text, { maxBytes }));
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER, { workerData: { text, maxBytes } });
    } catch {
      inline();
      return;
    }
    worker.once('message', (r: Result<Workspace>) => {
      if (settled) return;
      settled = true;
      resolve(r);
      void worker.terminate();
    });
    // A thread that cannot load (a test runner without the TypeScript loader) reads inline.
    worker.once('error', inline);
    worker.once('exit', inline);
  });
}
