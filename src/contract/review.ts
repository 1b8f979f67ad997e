/**
 * The review-before-release part of the API contract: request bodies (zod) for asking for
 * review, deciding, and setting a folder's rule, and the response shapes.
 */
import { z } from 'zod';
import type {
  ApprovalBlock,
  FolderReviewRule,
  Review,
  ReviewDecision,
  ReviewState,
} from '../model/review.ts';
import { MAX_REVIEW_COMMENT } from '../model/review.ts';

export type { ReviewDecision, ReviewState };

/** POST /api/flows/:id/versions/:rev/review — ask for review of the latest saved version. */
export const requestReviewBody = z.object({
  comment: z.string().max(MAX_REVIEW_COMMENT).default(''),
});

/** POST /api/flows/:id/versions/:rev/decision — approve, or request changes (comment needed). */
export const decideReviewBody = z.object({
  decision: z.enum(['approve', 'request-changes']),
  comment: z.string().max(MAX_REVIEW_COMMENT).default(''),
});

/** PUT /api/folders/:id/review-rule — `baseRevision` is the rule's revision the client saw (0: none). */
export const folderRuleBody = z.object({
  requireApproval: z.boolean(),
  baseRevision: z.number().int().nonnegative(),
});

/** The review of one flow version. */
export type ReviewDto = Review;

/** A folder's review rule (only folders given one are listed). */
export type FolderRuleDto = FolderReviewRule;

/** GET /api/review-rules: every folder's rule, and whether reviews can happen (team mode). */
export interface ReviewRulesDto {
  /** False in local mode: one person, nobody to approve, so review is not offered. */
  enabled: boolean;
  rules: FolderRuleDto[];
}

/** GET /api/export/approval: the flows a folder review rule holds back from an export. */
export interface ExportApprovalDto {
  blocked: ApprovalBlock[];
}
