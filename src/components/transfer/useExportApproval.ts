/** Why an export is held back by a folder review rule, for each of the export dialog's targets. */
import { useQuery } from '@tanstack/react-query';
import type { PlanTarget } from '../../client/api.ts';
import { queries } from '../../client/api.ts';
import type { ApprovalBlock } from '../../model/review.ts';
import { ruleFolderOf, useReviewRules } from '../review/useReview.ts';
import { useTree } from '../workspace/useTree.ts';

/** The sentence saying which flows hold an export back. */
export function blockReason(blocked: readonly ApprovalBlock[]): string | null {
  if (blocked.length === 0) return null;
  const named = blocked
    .slice(0, 3)
    .map((b) => `“${b.name}” (${b.reason})`)
    .join(', ');
  const more = blocked.length > 3 ? ` and ${blocked.length - 3} more` : '';
  return `Needs an approved version before export: ${named}${more}.`;
}

/** Why exporting `target` is refused now, or null when it is allowed (or not yet known). */
export function useExportBlock(target: PlanTarget, open: boolean): string | null {
  const { enabled, required } = useReviewRules();
  const active = open && enabled && required.size > 0;
  const q = useQuery({ ...queries.exportApproval(target), enabled: active });
  return active ? blockReason(q.data?.blocked ?? []) : null;
}

/** Why the open flow's export is refused: unsaved changes under a rule, or no approval. */
export function useFlowExportBlock(
  flow: { id: string; dirty: boolean; folderId: string | null } | null,
  open: boolean,
): string | null {
  const index = useTree();
  const { required } = useReviewRules();
  const blocked = useExportBlock({ kind: 'flow', id: flow?.id ?? '' }, open && flow !== null);
  if (!flow) return null;
  if (flow.dirty && ruleFolderOf(index, required, flow.folderId) !== null)
    return 'Needs an approved version before export: save your changes and have the new version approved.';
  return blocked;
}
