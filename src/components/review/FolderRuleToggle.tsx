/**
 * The selected folder's "Require approval before export" switch (admins; team mode only).
 * Subfolders inherit the rule: under a folder that has it, the switch shows it on, from where.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api } from '../../client/api.ts';
import { useUi } from '../../client/uiStore.ts';
import { useRole } from '../auth/useRole.ts';
import type { TreeIndex } from '../workspace/useTree.ts';
import { ruleFolderOf, useReviewRules } from './useReview.ts';

/** The switch for `folderId`; nothing in local mode. */
export function FolderRuleToggle({ index, folderId }: { index: TreeIndex; folderId: string }) {
  const { enabled, rules, required } = useReviewRules();
  const qc = useQueryClient();
  const toast = useUi((s) => s.toast);
  const roleWhy = useRole().reason('admin', 'change review rules');
  const [busy, setBusy] = useState(false);
  const noteId = useId();
  if (!enabled) return null;
  const own = rules.find((r) => r.folderId === folderId);
  const parent = index.folder(folderId)?.parentId ?? null;
  const inheritedFrom = ruleFolderOf(index, required, parent);
  const on = own?.requireApproval === true || inheritedFrom !== null;
  const why =
    roleWhy ??
    (inheritedFrom !== null
      ? `Inherited from “${index.folder(inheritedFrom)?.name ?? 'a parent folder'}”: change it there.`
      : null);
  const change = async (next: boolean) => {
    setBusy(true);
    try {
      await api.setReviewRule(folderId, next, own?.revision ?? 0);
      await qc.invalidateQueries({ queryKey: ['reviewRules'] });
      await qc.invalidateQueries({ queryKey: ['exportApproval'] });
    } catch (e) {
      toast('error', e instanceof Error ? e.message : String(e));
      await qc.invalidateQueries({ queryKey: ['reviewRules'] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="folder-rule">
      <label className="checkbox" title={why ?? undefined}>
        <input
          type="checkbox"
          checked={on}
          aria-disabled={why !== null || busy || undefined}
          aria-describedby={noteId}
          onChange={(e) => {
            if (why !== null || busy) return;
            void change(e.target.checked);
          }}
        />
        Require approval before export
      </label>
      <p id={noteId} className="muted folder-rule-note">
        {why ??
          'Subfolders inherit this rule. A flow exports only once its latest version is approved.'}
      </p>
    </div>
  );
}
