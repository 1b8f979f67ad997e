/** The open flow's reviews and the folder review rules, kept fresh by live change notices. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queries } from '../../client/api.ts';
import { onChangeNotice } from '../../client/events.ts';
import type { Review } from '../../model/review.ts';
import { approvalRuleFolder } from '../../model/review.ts';
import type { TreeIndex } from '../workspace/useTree.ts';

/** How the studio names the signed-in person in reviews (as the server does). */
export function useMyLabel(): string {
  const me = useQuery(queries.me()).data;
  return me?.user ? me.user.email || me.user.name : '';
}

/** Refetches reviews and rules when someone else changes them. */
export function useReviewNotices(): void {
  const qc = useQueryClient();
  useEffect(
    () =>
      onChangeNotice((n) => {
        if (n.kind === 'review.rule') void qc.invalidateQueries({ queryKey: ['reviewRules'] });
        if (n.kind === 'flow.reviewed' || n.kind === 'flow.saved')
          for (const id of n.flowIds) void qc.invalidateQueries({ queryKey: ['reviews', id] });
        if (n.kind === 'review.rule' || n.kind === 'flow.reviewed' || n.kind === 'flow.saved')
          void qc.invalidateQueries({ queryKey: ['exportApproval'] });
      }),
    [qc],
  );
}

/** Whether review is offered (team mode), and every folder with the rule on. */
export function useReviewRules() {
  const q = useQuery(queries.reviewRules());
  const rules = q.data?.rules ?? [];
  return {
    enabled: q.data?.enabled === true,
    rules,
    required: new Set(rules.filter((r) => r.requireApproval).map((r) => r.folderId)),
  };
}

/** The folder whose rule applies to `folderId` (itself or an ancestor), or null. */
export function ruleFolderOf(
  index: TreeIndex,
  required: ReadonlySet<string>,
  folderId: string | null,
): string | null {
  const parents = new Map(index.tree.folders.map((f) => [f.id, f.parentId]));
  return approvalRuleFolder(parents, required, folderId);
}

/** The reviews of a flow, and the one of `revision`. */
export function useFlowReviews(flowId: string, revision: number, enabled: boolean) {
  const q = useQuery({ ...queries.reviews(flowId), enabled });
  const reviews: Review[] = q.data ?? [];
  return { reviews, current: reviews.find((r) => r.revision === revision) ?? null };
}
