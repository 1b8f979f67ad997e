import { describe, expect, it } from 'vitest';
import type { Review } from '../model/review.ts';
import { decideReason, requestReviewReason, reviewBadge, versionReviewText } from './review.ts';

const review = (over: Partial<Review> = {}): Review => ({
  flowId: 'f',
  revision: 2,
  state: 'requested',
  requestedBy: 'ann@example.com',
  requestedAt: 't',
  requestComment: '',
  decidedBy: '',
  decidedAt: null,
  decisionComment: '',
  rowVersion: 1,
  ...over,
});

describe('review texts', () => {
  it('names who asked or decided in the badge and the versions list', () => {
    expect(reviewBadge(review())).toBe('Review requested by ann@example.com');
    expect(reviewBadge(review({ state: 'approved', decidedBy: 'bo' }))).toBe('Approved by bo');
    expect(versionReviewText(review({ state: 'changes-requested', decidedBy: 'bo' }))).toBe(
      'changes requested by bo',
    );
  });

  it('says why review cannot be requested: role first, then unsaved changes, then state', () => {
    const base = { roleReason: null, dirty: false, review: null };
    expect(requestReviewReason(base)).toBeNull();
    expect(requestReviewReason({ ...base, roleReason: 'viewer' })).toBe('viewer');
    expect(requestReviewReason({ ...base, dirty: true })).toMatch(/Save your changes/);
    expect(requestReviewReason({ ...base, review: review() })).toMatch(/already requested/);
    expect(
      requestReviewReason({ ...base, review: review({ state: 'changes-requested' }) }),
    ).toBeNull();
  });

  it('refuses the requester deciding on their own review', () => {
    const base = { roleReason: null, me: 'bo@example.com', review: review() };
    expect(decideReason(base)).toBeNull();
    expect(decideReason({ ...base, me: 'ann@example.com' })).toMatch(/another editor/);
    expect(decideReason({ ...base, review: null })).toMatch(/Nobody has asked/);
  });
});
