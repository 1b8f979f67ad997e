/** Keeps the workspace tree current while others change it (Server-Sent Events). */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onChangeNotice } from '../../client/events.ts';
import { changeMessage, remoteChange } from '../../client/liveNotices.ts';
import { useUi } from '../../client/uiStore.ts';

/**
 * Refetches the folder tree and flow list whenever any studio changes something; says so when
 * the open flow was deleted (it then leaves the page with the tree).
 */
export function useLiveTree(): void {
  const qc = useQueryClient();
  useEffect(
    () =>
      onChangeNotice((n) => {
        const open = useUi.getState().flowId;
        const change = open ? remoteChange(n, open) : null;
        if (change?.kind === 'deleted')
          useUi.getState().toast('error', `${changeMessage(change)}.`);
        void qc.invalidateQueries({ queryKey: ['workspace'] });
      }),
    [qc],
  );
}
