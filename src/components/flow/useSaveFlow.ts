/** Saving the draft: one PUT with the revision it started from; a stale base is a conflict. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiFailure } from '../../client/api.ts';
import type { FlowSave } from '../../client/api.ts';
import type { EditorStore } from '../../client/editorStore.ts';
import { updateHelperCallers } from '../../client/helperCallers.ts';
import { useUi } from '../../client/uiStore.ts';
import type { TreeDto } from '../../contract/api.ts';

/** A save refused because someone else saved first. */
export interface Conflict {
  message: string;
  revision: number;
}

/** What the save hook offers. */
export interface SaveControl {
  save: (overwrite?: boolean) => void;
  saving: boolean;
  conflict: Conflict | null;
  dismissConflict: () => void;
}

/** Saves the store's draft. */
export function useSaveFlow(store: EditorStore): SaveControl {
  const qc = useQueryClient();
  const toast = useUi((s) => s.toast);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const m = useMutation({
    mutationFn: async (baseRevision: number) => {
      const s = store.getState();
      const before = s.saved.data;
      const body: FlowSave = {
        baseRevision,
        name: s.flow.name,
        description: s.flow.description,
        saveAllData: s.flow.data.log,
      };
      if (s.flow.folderId !== s.saved.folderId && s.flow.folderId !== null)
        body.folderId = s.flow.folderId;
      if (s.flow.data !== s.saved.data) body.content = s.flow.data;
      const dto = await api.saveFlow(s.flow.id, body);
      // Callers of a helper whose inputs changed follow it in the same save.
      const tree = qc.getQueryData<TreeDto>(['workspace']);
      const callers =
        body.content && tree
          ? await updateHelperCallers(tree, dto.id, before, dto.content)
          : { updated: [], failed: [] };
      return { dto, callers };
    },
    onSuccess: async ({ dto, callers }) => {
      store.getState().saved_(dto);
      // A caller opened next must start from its updated content.
      for (const c of callers.updated) qc.setQueryData(['flow', c.id], c);
      if (callers.updated.length)
        toast(
          'info',
          `Updated the helper’s callers: ${callers.updated.map((c) => c.name).join(', ')}.`,
        );
      if (callers.failed.length)
        toast(
          'error',
          `Could not update ${callers.failed.join(', ')} — open each and choose the helper flow again.`,
        );
      setConflict(null);
      qc.setQueryData(['flow', dto.id], dto);
      await qc.invalidateQueries({ queryKey: ['workspace'] });
      await qc.invalidateQueries({ queryKey: ['versions', dto.id] });
      toast('info', `Saved “${dto.name}” (version ${dto.revision}).`);
    },
    onError: (e) => {
      if (e instanceof ApiFailure && e.status === 409) {
        const revision =
          typeof e.body['revision'] === 'number'
            ? e.body['revision']
            : store.getState().baseRevision;
        setConflict({ message: e.message, revision });
      } else toast('error', e instanceof Error ? e.message : String(e));
    },
  });
  return {
    save: (overwrite = false) => {
      const base = overwrite && conflict ? conflict.revision : store.getState().baseRevision;
      m.mutate(base);
    },
    saving: m.isPending,
    conflict,
    dismissConflict: () => setConflict(null),
  };
}
