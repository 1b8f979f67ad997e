import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ServerType } from '@hono/node-server';
import { serve } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { MAX_JSON_BYTES } from './http.ts';
import { openSqliteStore } from './storage/sqlite.ts';
import type { Store } from './storage/store.ts';

let store: Store;
let server: ServerType;
let port: number;

beforeEach(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'flopack-limit-'));
  store = openSqliteStore(path.join(dir, 'studio.sqlite'));
  const app = createApp({ store });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
});
afterEach(async () => {
  await new Promise((r) => server.close(r));
  await store.close();
});

/**
 * Sends a chunked upload of up to `total` bytes over a raw socket, one chunk at a time with
 * backpressure, and stops at the first byte of an answer. Returns what was sent by then.
 */
function chunkedUpload(url: string, total: number): Promise<{ sent: number; head: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    let answered = false;
    let head = '';
    const pump = (): void => {
      while (!answered && sent < total) {
        sent += chunk.length;
        const more = socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        if (!socket.write('\r\n') || !more) {
          socket.once('drain', pump);
          return;
        }
      }
      if (!answered) socket.write('0\r\n\r\n');
    };
    socket.on('data', (d: Buffer) => {
      head += d.toString('latin1');
      if (!answered && head.includes('\r\n\r\n')) {
        answered = true;
        socket.destroy();
        resolve({ sent, head });
      }
    });
    // The server may close its side first (EPIPE on the next write); its answer is still read.
    socket.on('error', () => {
      answered = answered || head.length > 0;
    });
    socket.on('close', () => {
      if (head.includes('\r\n\r\n')) resolve({ sent, head });
      else reject(new Error(`closed after ${sent} bytes with no answer`));
    });
    socket.write(
      `POST ${url} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    pump();
  });
}

describe('body limits while reading', () => {
  it('answers a never-ending chunked JSON body with 413 at the 5 MB cap, long before it ends', async () => {
    const before = process.memoryUsage().rss;
    const r = await chunkedUpload('/api/folders', 400 * 1024 * 1024);
    expect(r.head).toMatch(/^HTTP\/1\.1 413/);
    expect(r.sent).toBeLessThan(MAX_JSON_BYTES + 16 * 1024 * 1024);
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
  });

  it('answers a huge chunked import with 413 before the body is sent', async () => {
    const r = await chunkedUpload('/api/import?folder=any', 1024 * 1024 * 1024);
    expect(r.head).toMatch(/^HTTP\/1\.1 413/);
    expect(r.sent).toBeLessThan(200 * 1024 * 1024);
  });
});
