/**
 * What the studio shows of review before release: the badge of a version's review, and why
 * asking for review, deciding or exporting is not possible right now. Plain data in, text out.
 */
import type { Review } from '../model/review.ts';

/** The header badge's text for a review. */
export function reviewBadge(r: Review): string {
  return r.state === 'requested'
    ? `Review requested by ${r.requestedBy}`
    : r.state === 'approved'
      ? `Approved by ${r.decidedBy}`
      : `Changes requested by ${r.decidedBy}`;
}

/** What the versions list says of a version's review. */
export function versionReviewText(r: Review): string {
  return r.state === 'requested'
    ? `review requested by ${r.requestedBy}`
    : r.state === 'approved'
      ? `approved by ${r.decidedBy}`
      : `changes requested by ${r.decidedBy}`;
}

/** Why the person cannot ask for review of the open flow now, or null when they can. */
export function requestReviewReason(input: {
  roleReason: string | null;
  dirty: boolean;
  review: Review | null;
}): string | null {
  if (input.roleReason) return input.roleReason;
  if (input.dirty) return 'Save your changes first: review is of a saved version.';
  if (input.review?.state === 'requested')
    return `Review was already requested by ${input.review.requestedBy}.`;
  if (input.review?.state === 'approved')
    return `This version is already approved by ${input.review.decidedBy}.`;
  return null;
}

/** Why the person cannot approve or request changes, or null when they can. */
export function decideReason(input: {
  roleReason: string | null;
  me: string;
  review: Review | null;
}): string | null {
  if (input.roleReason) return input.roleReason;
  const r = input.review;
  if (!r || r.state !== 'requested') return 'Nobody has asked for review of this version.';
  if (r.requestedBy === input.me)
    return 'You asked for this review, so another editor must approve or request changes.';
  return null;
}
