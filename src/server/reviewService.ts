/**
 * Review before release: asking for review of a flow's latest saved version, approving or
 * requesting changes, and each folder's "require an approved version before export" rule.
 * Every change is one transaction with its audit entry and its change notice. In local mode
 * (one person, no sign-in) there is nobody else to approve, so these writes are refused and
 * the rules are not enforced.
 */
import type { ReviewRulesDto } from '../contract/review.ts';
import type { Result } from '../model/errors.ts';
import type { FlowId } from '../model/ids.ts';
import type { ApprovalBlock, ExportedFlowState, Review, ReviewDecision } from '../model/review.ts';
import { approvalBlocks, decideReview, requestReview } from '../model/review.ts';
import { withoutCycles } from '../model/workspace.ts';
import { actorLabel, currentActor } from './auth/context.ts';
import { ApiError, problemError } from './http.ts';
import { audit, mustFlow, tell } from './service/context.ts';
import type { Store, StoreTx } from './storage/store.ts';

/** Review needs sign-in: the error for local mode. */
const localMode = (): ApiError =>
  new ApiError(
    409,
    'REVIEW_E030',
    'Review before release needs a team server with sign-in (OIDC): in local mode there is nobody else to approve.',
  );

const STATUS: Record<string, 403 | 409 | 422> = { REVIEW_E403: 403, REVIEW_E409: 409 };

function must(r: Result<Review>): Review {
  if (r.ok) return r.value;
  throw problemError(r.problems, STATUS[r.problems[0]?.code ?? ''] ?? 422);
}

/**
 * Refuses an export carrying a flow under a folder that requires approval whose latest saved
 * version is not approved (409 REVIEW_E010, naming each such flow).
 */
export async function assertApproved(
  tx: StoreTx,
  flows: readonly { id: string; name: string; folderId: string | null; revision: number }[],
): Promise<void> {
  const blocks = await exportBlocks(tx, flows);
  if (blocks.length === 0) return;
  const listed = blocks
    .slice(0, 5)
    .map((b) => `"${b.name}" (${b.reason})`)
    .join(', ');
  throw new ApiError(
    409,
    'REVIEW_E010',
    `Export refused: its folder requires an approved version before export, and ${listed}${blocks.length > 5 ? ` and ${blocks.length - 5} more` : ''} — ask another editor to review and approve the latest version.`,
    { blocked: blocks },
  );
}

/** The flows among `flows` that a folder review rule holds back, and why. */
export async function exportBlocks(
  tx: StoreTx,
  flows: readonly { id: string; name: string; folderId: string | null; revision: number }[],
): Promise<ApprovalBlock[]> {
  const rules = new Set(
    (await tx.folderReviewRules()).filter((r) => r.requireApproval).map((r) => r.folderId),
  );
  if (rules.size === 0) return [];
  const parents = new Map(withoutCycles(await tx.folders()).map((f) => [f.id, f.parentId]));
  const states: ExportedFlowState[] = [];
  for (const f of flows) states.push({ ...f, review: await tx.review(f.id as FlowId, f.revision) });
  return approvalBlocks(states, parents, rules);
}

/** Reviews and folder review rules over a store. */
export class ReviewService {
  constructor(
    private readonly store: Store,
    /** False in local mode. */
    readonly enabled: boolean,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private audit(tx: StoreTx, action: string, target: string, detail: string): Promise<void> {
    return audit({ clock: this.clock }, tx, action, target, detail);
  }

  private tell(
    tx: StoreTx,
    kind: 'flow.reviewed' | 'review.rule',
    flowIds: string[],
    rev?: number,
  ): void {
    tell({ clock: this.clock }, tx, kind, flowIds, rev);
  }

  /** The reviews of a flow's versions, newest first. */
  reviews(flowId: string): Promise<Review[]> {
    return this.store.transaction(async (tx) => {
      await mustFlow(tx, flowId);
      return tx.reviews(flowId as FlowId);
    });
  }

  /** Asks for review of `revision`, which must be the flow's latest saved version. */
  request(flowId: string, revision: number, comment: string): Promise<Review> {
    if (!this.enabled) return Promise.reject(localMode());
    return this.store.transaction(async (tx) => {
      const flow = await mustFlow(tx, flowId);
      const current = await tx.review(flow.id, revision);
      const next = must(
        requestReview(current, {
          flowId,
          revision,
          latestRevision: flow.revision,
          by: actorLabel(currentActor()),
          at: this.clock().toISOString(),
          comment,
        }),
      );
      await this.write(tx, next, current);
      await this.audit(
        tx,
        'review.request',
        flowId,
        `Asked for review of "${flow.name}" version ${revision}${next.requestComment ? `: ${next.requestComment.slice(0, 300)}` : ''}`,
      );
      this.tell(tx, 'flow.reviewed', [flowId], revision);
      return next;
    });
  }

  /** Approves or requests changes on a version waiting for review (not by its requester). */
  decide(
    flowId: string,
    revision: number,
    decision: ReviewDecision,
    comment: string,
  ): Promise<Review> {
    if (!this.enabled) return Promise.reject(localMode());
    return this.store.transaction(async (tx) => {
      const flow = await mustFlow(tx, flowId);
      const current = await tx.review(flow.id, revision);
      const next = must(
        decideReview(current, {
          decision,
          by: actorLabel(currentActor()),
          at: this.clock().toISOString(),
          comment,
        }),
      );
      await this.write(tx, next, current);
      await this.audit(
        tx,
        decision === 'approve' ? 'review.approve' : 'review.changes',
        flowId,
        `${decision === 'approve' ? 'Approved' : 'Requested changes to'} "${flow.name}" version ${revision}${next.decisionComment ? `: ${next.decisionComment.slice(0, 300)}` : ''}`,
      );
      this.tell(tx, 'flow.reviewed', [flowId], revision);
      return next;
    });
  }

  /** Writes a review unless someone changed it since it was read (409). */
  private async write(tx: StoreTx, next: Review, current: Review | null): Promise<void> {
    if (!(await tx.putReview(next, current?.rowVersion ?? 0)))
      throw new ApiError(
        409,
        'REVIEW_E409',
        `Someone else changed the review of version ${next.revision} meanwhile — reload the flow.`,
      );
  }

  /** Every folder's rule, and whether review is offered at all. */
  rules(): Promise<ReviewRulesDto> {
    return this.store.transaction(async (tx) => ({
      enabled: this.enabled,
      rules: await tx.folderReviewRules(),
    }));
  }

  /** Turns a folder's rule on or off over `baseRevision`; 409 when someone changed it since. */
  setRule(
    folderId: string,
    requireApproval: boolean,
    baseRevision: number,
  ): Promise<ReviewRulesDto> {
    if (!this.enabled) return Promise.reject(localMode());
    return this.store.transaction(async (tx) => {
      const folder = (await tx.folders()).find((f) => f.id === folderId);
      if (!folder)
        throw new ApiError(
          404,
          'FOLDER_E001',
          `Folder ${folderId} does not exist — reload the workspace.`,
        );
      const rules = await tx.folderReviewRules();
      const revision = rules.find((r) => r.folderId === folderId)?.revision ?? 0;
      if (revision !== baseRevision)
        throw new ApiError(
          409,
          'RULE_E409',
          `The review rule of "${folder.name}" was changed elsewhere (revision ${revision}) after you saw revision ${baseRevision} — reload and try again.`,
          { revision },
        );
      const at = this.clock().toISOString();
      await tx.putFolderReviewRule({
        folderId,
        requireApproval,
        revision: revision + 1,
        updatedAt: at,
        updatedBy: actorLabel(currentActor()),
      });
      await this.audit(
        tx,
        'review.rule',
        folderId,
        `${requireApproval ? 'Required' : 'No longer required'} an approved version before export in "${folder.name}" and its subfolders`,
      );
      this.tell(tx, 'review.rule', []);
      return { enabled: this.enabled, rules: await tx.folderReviewRules() };
    });
  }
}
