/**
 * Live change notices as Server-Sent Events. Every instance relays what its store hears:
 * PostgreSQL LISTEN/NOTIFY across instances, or in-process on SQLite.
 */
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ChangeNotice, Store } from '../storage/store.ts';

const HEARTBEAT_MS = 15_000;

/** Mounts /api/events. */
export function eventRoutes(app: Hono, store: Store): void {
  app.get('/api/events', (c) =>
    streamSSE(c, async (stream) => {
      const queue: ChangeNotice[] = [];
      let wake: (() => void) | null = null;
      const off = store.subscribe((n) => {
        queue.push(n);
        wake?.();
      });
      let open = true;
      stream.onAbort(() => {
        open = false;
        wake?.();
      });
      try {
        await stream.writeSSE({ event: 'ready', data: '{}' });
        while (open) {
          const n = queue.shift();
          if (n) {
            await stream.writeSSE({ event: 'change', data: JSON.stringify(n) });
            continue;
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, HEARTBEAT_MS);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
          if (open && queue.length === 0) await stream.write(': heartbeat\n\n');
        }
      } finally {
        off();
      }
    }),
  );
}
