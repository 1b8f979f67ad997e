import { describe, expect, it } from 'vitest';
import type { Review } from './review.ts';
import { approvalBlocks, approvalRuleFolder, decideReview, requestReview } from './review.ts';

const asked = (over: Partial<Review> = {}): Review => ({
  flowId: 'f1',
  revision: 3,
  state: 'requested',
  requestedBy: 'ann@example.com',
  requestedAt: '2026-01-01T00:00:00.000Z',
  requestComment: '',
  decidedBy: '',
  decidedAt: null,
  decisionComment: '',
  rowVersion: 1,
  ...over,
});

const request = (current: Review | null, revision = 3, latestRevision = 3) =>
  requestReview(current, {
    flowId: 'f1',
    revision,
    latestRevision,
    by: 'ann@example.com',
    at: 'now',
    comment: ' please look ',
  });

describe('review before release', () => {
  it('asks for review of the latest saved version with a trimmed comment', () => {
    const r = request(null);
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({
        state: 'requested',
        requestedBy: 'ann@example.com',
        requestComment: 'please look',
        rowVersion: 1,
      }) as unknown,
    });
  });

  it('refuses review of an older version, a pending one and an approved one', () => {
    expect(request(null, 2, 3)).toMatchObject({ ok: false, problems: [{ code: 'REVIEW_E409' }] });
    expect(request(asked())).toMatchObject({ ok: false, problems: [{ code: 'REVIEW_E409' }] });
    expect(request(asked({ state: 'approved', decidedBy: 'bo' }))).toMatchObject({
      ok: false,
      problems: [{ code: 'REVIEW_E409' }],
    });
  });

  it('lets a version sent back be asked again, clearing the old decision', () => {
    const again = request(asked({ state: 'changes-requested', decidedBy: 'bo', rowVersion: 2 }));
    expect(again).toMatchObject({
      ok: true,
      value: { state: 'requested', decidedBy: '', decidedAt: null, rowVersion: 3 },
    });
  });

  it('refuses the requester deciding on their own request', () => {
    const r = decideReview(asked(), {
      decision: 'approve',
      by: 'ann@example.com',
      at: 'now',
      comment: '',
    });
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'REVIEW_E403' }] });
  });

  it('needs a comment to request changes, not to approve', () => {
    const base = { by: 'bo@example.com', at: 'later' };
    expect(
      decideReview(asked(), { ...base, decision: 'request-changes', comment: '  ' }),
    ).toMatchObject({ ok: false, problems: [{ code: 'REVIEW_E001' }] });
    expect(
      decideReview(asked(), { ...base, decision: 'request-changes', comment: 'Skip Everyone' }),
    ).toMatchObject({
      ok: true,
      value: { state: 'changes-requested', decisionComment: 'Skip Everyone', rowVersion: 2 },
    });
    expect(decideReview(asked(), { ...base, decision: 'approve', comment: '' })).toMatchObject({
      ok: true,
      value: { state: 'approved', decidedBy: 'bo@example.com', decidedAt: 'later' },
    });
  });

  it('decides only on a review that is waiting', () => {
    const base = { by: 'bo', at: 'x', comment: '', decision: 'approve' as const };
    expect(decideReview(null, base)).toMatchObject({ problems: [{ code: 'REVIEW_E409' }] });
    expect(decideReview(asked({ state: 'approved' }), base)).toMatchObject({
      problems: [{ code: 'REVIEW_E409' }],
    });
  });

  it('finds the nearest folder with the rule, inherited by subfolders, and ends on cycles', () => {
    const parents = new Map<string, string | null>([
      ['top', null],
      ['mid', 'top'],
      ['leaf', 'mid'],
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(approvalRuleFolder(parents, new Set(['top']), 'leaf')).toBe('top');
    expect(approvalRuleFolder(parents, new Set(['mid', 'top']), 'leaf')).toBe('mid');
    expect(approvalRuleFolder(parents, new Set(['leaf']), 'top')).toBeNull();
    expect(approvalRuleFolder(parents, new Set(['top']), 'a')).toBeNull();
    expect(approvalRuleFolder(parents, new Set(['top']), null)).toBeNull();
  });

  it('blocks export of flows under the rule unless their latest version is approved', () => {
    const parents = new Map<string, string | null>([
      ['ruled', null],
      ['free', null],
    ]);
    const rules = new Set(['ruled']);
    const flow = (id: string, folderId: string, review: Review | null, revision = 3) => ({
      id,
      name: id,
      folderId,
      revision,
      review,
    });
    const blocks = approvalBlocks(
      [
        flow('ok', 'ruled', asked({ state: 'approved' })),
        flow('old', 'ruled', asked({ state: 'approved' }), 4),
        flow('none', 'ruled', null),
        flow('waiting', 'ruled', asked()),
        flow('elsewhere', 'free', null),
      ],
      parents,
      rules,
    );
    expect(blocks.map((b) => [b.flowId, b.reason])).toEqual([
      ['old', 'version 4 has not been reviewed'],
      ['none', 'version 3 has not been reviewed'],
      ['waiting', 'version 3 is waiting for review'],
    ]);
  });
});
