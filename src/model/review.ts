/**
 * Review before release: one review record per saved flow version, moving from `requested`
 * to `approved` or `changes-requested`, and per-folder rules that require an approved version
 * before a flow may be exported. Pure functions over plain data; the server stores the results.
 */
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';

/** Where a version's review stands. */
export type ReviewState = 'requested' | 'approved' | 'changes-requested';

/** The review of one saved version of a flow. */
export interface Review {
  flowId: string;
  /** The flow revision (version number) under review. */
  revision: number;
  state: ReviewState;
  requestedBy: string;
  requestedAt: string;
  /** The requester's note to the reviewer ('' when none). */
  requestComment: string;
  /** Who approved or requested changes ('' while requested). */
  decidedBy: string;
  decidedAt: string | null;
  /** The reviewer's comment ('' when none; never empty for changes requested). */
  decisionComment: string;
  /** Bumped on every change, for optimistic concurrency. */
  rowVersion: number;
}

/** A folder's rule: whether its flows (and its subfolders' flows) need approval before export. */
export interface FolderReviewRule {
  folderId: string;
  requireApproval: boolean;
  revision: number;
  updatedAt: string;
  updatedBy: string;
}

/** The longest comment a request or a decision may carry. */
export const MAX_REVIEW_COMMENT = 2000;

const tooLong = (comment: string): boolean => comment.length > MAX_REVIEW_COMMENT;

/**
 * Asks for review of `revision`, the flow's latest saved version. A version already waiting
 * or approved is refused; one whose changes were requested may be asked again.
 */
export function requestReview(
  current: Review | null,
  input: {
    flowId: string;
    revision: number;
    latestRevision: number;
    by: string;
    at: string;
    comment: string;
  },
): Result<Review> {
  if (input.revision !== input.latestRevision)
    return fail(
      'REVIEW_E409',
      `Version ${input.revision} is not the latest saved version (${input.latestRevision}) — reload the flow and ask for review of the latest one.`,
    );
  if (tooLong(input.comment))
    return fail('REVIEW_E002', `The comment is longer than ${MAX_REVIEW_COMMENT} characters.`);
  if (current?.state === 'requested')
    return fail(
      'REVIEW_E409',
      `Review of version ${input.revision} was already requested by ${current.requestedBy}.`,
    );
  if (current?.state === 'approved')
    return fail(
      'REVIEW_E409',
      `Version ${input.revision} is already approved by ${current.decidedBy}.`,
    );
  return ok({
    flowId: input.flowId,
    revision: input.revision,
    state: 'requested',
    requestedBy: input.by,
    requestedAt: input.at,
    requestComment: input.comment.trim(),
    decidedBy: '',
    decidedAt: null,
    decisionComment: '',
    rowVersion: (current?.rowVersion ?? 0) + 1,
  });
}

/** A reviewer's decision. */
export type ReviewDecision = 'approve' | 'request-changes';

/**
 * Approves or requests changes on a requested review. The requester may not decide on their
 * own request; requesting changes needs a comment saying which.
 */
export function decideReview(
  current: Review | null,
  input: { decision: ReviewDecision; by: string; at: string; comment: string },
): Result<Review> {
  if (!current || current.state !== 'requested')
    return fail(
      'REVIEW_E409',
      current
        ? `Version ${current.revision} is not waiting for review (it is ${stateLabel(current.state)}) — reload the flow.`
        : 'Nobody asked for review of this version — ask for review first.',
    );
  if (current.requestedBy === input.by)
    return fail(
      'REVIEW_E403',
      `You asked for this review, so someone else must approve or request changes — ask another editor.`,
    );
  const comment = input.comment.trim();
  if (tooLong(comment))
    return fail('REVIEW_E002', `The comment is longer than ${MAX_REVIEW_COMMENT} characters.`);
  if (input.decision === 'request-changes' && comment === '')
    return fail('REVIEW_E001', 'Say which changes are needed: a comment is required.');
  return ok({
    ...current,
    state: input.decision === 'approve' ? 'approved' : 'changes-requested',
    decidedBy: input.by,
    decidedAt: input.at,
    decisionComment: comment,
    rowVersion: current.rowVersion + 1,
  });
}

/** How a state reads in a sentence. */
export function stateLabel(state: ReviewState): string {
  return state === 'requested'
    ? 'waiting for review'
    : state === 'approved'
      ? 'approved'
      : 'sent back with changes requested';
}

/**
 * The folder whose rule requires approval for flows in `folderId`: the folder itself or its
 * nearest ancestor with the rule on (subfolders inherit it), or null. Cycle-safe.
 */
export function approvalRuleFolder(
  parents: ReadonlyMap<string, string | null>,
  rules: ReadonlySet<string>,
  folderId: string | null,
): string | null {
  const seen = new Set<string>();
  let cur = folderId;
  while (cur !== null && !seen.has(cur)) {
    if (rules.has(cur)) return cur;
    seen.add(cur);
    cur = parents.get(cur) ?? null;
  }
  return null;
}

/** A flow an export would carry, as the approval check needs it. */
export interface ExportedFlowState {
  id: string;
  name: string;
  folderId: string | null;
  revision: number;
  /** The review of the flow's latest saved version, or null. */
  review: Review | null;
}

/** A flow that blocks an export, and why. */
export interface ApprovalBlock {
  flowId: string;
  name: string;
  /** The folder whose rule applies. */
  ruleFolderId: string;
  reason: string;
}

/**
 * The flows that may not be exported: those under a folder requiring approval whose latest
 * saved version is not approved.
 */
export function approvalBlocks(
  flows: readonly ExportedFlowState[],
  parents: ReadonlyMap<string, string | null>,
  rules: ReadonlySet<string>,
): ApprovalBlock[] {
  const out: ApprovalBlock[] = [];
  for (const f of flows) {
    const ruleFolderId = approvalRuleFolder(parents, rules, f.folderId);
    if (ruleFolderId === null) continue;
    const r = f.review?.revision === f.revision ? f.review : null;
    if (r?.state === 'approved') continue;
    out.push({
      flowId: f.id,
      name: f.name,
      ruleFolderId,
      reason: !r
        ? `version ${f.revision} has not been reviewed`
        : `version ${f.revision} is ${stateLabel(r.state)}`,
    });
  }
  return out;
}
