/** One Server-Sent Events connection to /api/events per page, shared by every listener. */
import type { ChangeNotice } from '../contract/api.ts';
import { parseNotice } from './liveNotices.ts';

type Listener = (n: ChangeNotice) => void;

const listeners = new Set<Listener>();
let source: EventSource | null = null;

/** Calls `fn` for every change any studio makes; returns the unsubscribe function. */
export function onChangeNotice(fn: Listener): () => void {
  listeners.add(fn);
  if (!source && typeof EventSource !== 'undefined') {
    // EventSource reconnects by itself after a dropped connection or a server restart.
    source = new EventSource('/api/events');
    source.addEventListener('change', (e: MessageEvent<string>) => {
      const n = parseNotice(e.data);
      if (n) for (const l of listeners) l(n);
    });
  }
  return () => {
    listeners.delete(fn);
    if (listeners.size === 0) {
      source?.close();
      source = null;
    }
  };
}
