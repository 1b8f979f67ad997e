/**
 * The canvas's one polite live region (not the toasts): it reads each change of the draft —
 * "Read User added, card 3 of 5", moves, deletions, mappings, unmaps — whichever way it was
 * made. The sentence comes from `describeChange`; this only renders it.
 */
import { useEffect, useState } from 'react';
import { describeChange } from '../../client/canvas/announce.ts';
import { layoutOf } from '../../client/canvas/navigation.ts';
import type { EditorStore } from '../../client/editorStore.ts';
import { useUi } from '../../client/uiStore.ts';

/** The latest sentence for the store's draft ('' until something changes). */
export function useAnnouncement(store: EditorStore): string {
  const [said, setSaid] = useState({ text: '', n: 0 });
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.flow.data === prev.flow.data || s.flow.id !== prev.flow.id) return;
        // A flow loaded from the server (or reloaded) is no edit to read out.
        if (s.saved === s.flow && prev.saved !== s.saved) return;
        const views = useUi.getState().cardViews;
        const text = describeChange(
          { data: prev.flow.data, layout: layoutOf(prev.flow.data, views) },
          { data: s.flow.data, layout: layoutOf(s.flow.data, views) },
          s.selection?.card ?? null,
        );
        if (text) setSaid((p) => ({ text, n: p.n + 1 }));
      }),
    [store],
  );
  // The same sentence twice in a row is still read: every other one ends in a no-break space.
  return said.n % 2 === 1 ? `${said.text}\u00a0` : said.text;
}

/** The visually hidden live region for canvas edits. */
export function LiveAnnouncer({ store }: { store: EditorStore }) {
  const text = useAnnouncement(store);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-label="Canvas changes">
      {text}
    </div>
  );
}
