/** Listens for other people's changes to the open flow (Server-Sent Events). */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { queries } from '../../client/api.ts';
import type { EditorStore } from '../../client/editorStore.ts';
import { onChangeNotice } from '../../client/events.ts';
import type { RemoteChange } from '../../client/liveNotices.ts';
import { isBehind, remoteChange } from '../../client/liveNotices.ts';
import { useEditor } from './editorContext.ts';

/** The change to tell the person about, or null; its versions list kept fresh. */
export function useRemoteChange(store: EditorStore, saving: boolean): RemoteChange | null {
  const qc = useQueryClient();
  const flowId = store.getState().flow.id;
  const base = useEditor((s) => s.baseRevision);
  const [change, setChange] = useState<RemoteChange | null>(null);
  useEffect(
    () =>
      onChangeNotice((n) => {
        const c = remoteChange(n, flowId);
        if (!c) return;
        void qc.invalidateQueries({ queryKey: ['versions', flowId] });
        if (c.kind === 'changed' && c.revision === store.getState().baseRevision) {
          // Same revision: the flow was turned ON or OFF (no new version); follow it live.
          void qc.fetchQuery({ ...queries.tree(), staleTime: 0 }).then((tree) => {
            const header = tree.flows.find((f) => f.id === flowId);
            if (header) store.getState().activeSet(header.active);
          });
          return;
        }
        if (c.kind === 'deleted' || c.revision !== null) return setChange(c);
        // An import names no revision: the workspace tree knows the flow's new one.
        void qc.fetchQuery({ ...queries.tree(), staleTime: 0 }).then((tree) => {
          const header = tree.flows.find((f) => f.id === flowId);
          if (header) setChange({ ...c, revision: header.revision });
        });
      }),
    [qc, flowId, store],
  );
  return isBehind(change, base, saving) ? change : null;
}
