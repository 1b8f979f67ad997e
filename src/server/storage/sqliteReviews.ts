/** SQLite: the entity risk policy, version reviews and folders' review rules. */
import type Database from 'better-sqlite3';
import type { Sync } from './asAsync.ts';
import type { Row } from './rows.ts';
import { toFolderReviewRule, toReview, toRiskPolicy } from './rows.ts';
import type { Review, ReviewTx } from './store.ts';

const reviewParams = (r: Review) => ({
  flow_id: r.flowId,
  revision: r.revision,
  state: r.state,
  requested_by: r.requestedBy,
  requested_at: r.requestedAt,
  request_comment: r.requestComment,
  decided_by: r.decidedBy,
  decided_at: r.decidedAt,
  decision_comment: r.decisionComment,
  row_version: r.rowVersion,
});

/** Prepares the governance statements once, for every unit of work on `db`. */
export function sqliteReviews(db: Database.Database): Sync<ReviewTx> {
  const q = {
    riskPolicy: db.prepare<[], Row>(
      'SELECT doc, revision, updated_at, updated_by FROM risk_policy WHERE id = 1',
    ),
    putRiskPolicy: db.prepare(
      `INSERT INTO risk_policy (id, doc, revision, updated_at, updated_by) VALUES (1, @doc, @revision, @updated_at, @updated_by)
       ON CONFLICT(id) DO UPDATE SET doc = excluded.doc, revision = excluded.revision,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ),
    reviews: db.prepare<[string], Row>(
      'SELECT * FROM reviews WHERE flow_id = ? ORDER BY revision DESC',
    ),
    review: db.prepare<[string, number], Row>(
      'SELECT * FROM reviews WHERE flow_id = ? AND revision = ?',
    ),
    insertReview: db.prepare(
      `INSERT INTO reviews (flow_id, revision, state, requested_by, requested_at, request_comment, decided_by, decided_at, decision_comment, row_version)
       VALUES (@flow_id, @revision, @state, @requested_by, @requested_at, @request_comment, @decided_by, @decided_at, @decision_comment, @row_version)
       ON CONFLICT(flow_id, revision) DO NOTHING`,
    ),
    updateReview: db.prepare(
      `UPDATE reviews SET state = @state, requested_by = @requested_by, requested_at = @requested_at,
         request_comment = @request_comment, decided_by = @decided_by, decided_at = @decided_at,
         decision_comment = @decision_comment, row_version = @row_version
       WHERE flow_id = @flow_id AND revision = @revision AND row_version = @expected`,
    ),
    rules: db.prepare<[], Row>('SELECT * FROM folder_review_rules ORDER BY folder_id'),
    putRule: db.prepare(
      `INSERT INTO folder_review_rules (folder_id, require_approval, revision, updated_at, updated_by)
       VALUES (@folder_id, @require_approval, @revision, @updated_at, @updated_by)
       ON CONFLICT(folder_id) DO UPDATE SET require_approval = excluded.require_approval,
         revision = excluded.revision, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ),
  };

  return {
    riskPolicy: () => {
      const r = q.riskPolicy.get();
      return r ? toRiskPolicy(r) : null;
    },
    putRiskPolicy: (p) => {
      q.putRiskPolicy.run({
        doc: p.doc,
        revision: p.revision,
        updated_at: p.updatedAt,
        updated_by: p.updatedBy,
      });
    },
    reviews: (flowId) => q.reviews.all(flowId).map(toReview),
    review: (flowId, revision) => {
      const r = q.review.get(flowId, revision);
      return r ? toReview(r) : null;
    },
    putReview: (r, expected) =>
      (expected === 0
        ? q.insertReview.run(reviewParams(r))
        : q.updateReview.run({ ...reviewParams(r), expected })
      ).changes === 1,
    folderReviewRules: () => q.rules.all().map(toFolderReviewRule),
    putFolderReviewRule: (r) => {
      q.putRule.run({
        folder_id: r.folderId,
        require_approval: r.requireApproval ? 1 : 0,
        revision: r.revision,
        updated_at: r.updatedAt,
        updated_by: r.updatedBy,
      });
    },
  };
}
