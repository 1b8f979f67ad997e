/** PostgreSQL: the entity risk policy, version reviews and folders' review rules. */
import type { PgQuery } from './postgresQuery.ts';
import { toFolderReviewRule, toReview, toRiskPolicy } from './rows.ts';
import type { Review, ReviewTx } from './store.ts';

const reviewValues = (r: Review): unknown[] => [
  r.flowId,
  r.revision,
  r.state,
  r.requestedBy,
  r.requestedAt,
  r.requestComment,
  r.decidedBy,
  r.decidedAt,
  r.decisionComment,
  r.rowVersion,
];

/** The risk policy, reviews and review rules, through one transaction's queries. */
export function postgresReviews({ rows, run, changes }: PgQuery): ReviewTx {
  return {
    riskPolicy: async () => {
      const r = (
        await rows('SELECT doc, revision, updated_at, updated_by FROM risk_policy WHERE id = 1')
      )[0];
      return r ? toRiskPolicy(r) : null;
    },
    putRiskPolicy: (p) =>
      run(
        `INSERT INTO risk_policy (id, doc, revision, updated_at, updated_by) VALUES (1, $1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc, revision = EXCLUDED.revision,
           updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
        [p.doc, p.revision, p.updatedAt, p.updatedBy],
      ),
    reviews: async (flowId) =>
      (await rows('SELECT * FROM reviews WHERE flow_id = $1 ORDER BY revision DESC', [flowId])).map(
        toReview,
      ),
    review: async (flowId, revision) => {
      const r = (
        await rows('SELECT * FROM reviews WHERE flow_id = $1 AND revision = $2', [flowId, revision])
      )[0];
      return r ? toReview(r) : null;
    },
    putReview: async (r, expected) =>
      (expected === 0
        ? await changes(
            `INSERT INTO reviews (flow_id, revision, state, requested_by, requested_at, request_comment, decided_by, decided_at, decision_comment, row_version)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (flow_id, revision) DO NOTHING`,
            reviewValues(r),
          )
        : await changes(
            `UPDATE reviews SET state = $3, requested_by = $4, requested_at = $5, request_comment = $6,
               decided_by = $7, decided_at = $8, decision_comment = $9, row_version = $10
             WHERE flow_id = $1 AND revision = $2 AND row_version = $11`,
            [...reviewValues(r), expected],
          )) === 1,
    folderReviewRules: async () =>
      (await rows('SELECT * FROM folder_review_rules ORDER BY folder_id')).map(toFolderReviewRule),
    putFolderReviewRule: (r) =>
      run(
        `INSERT INTO folder_review_rules (folder_id, require_approval, revision, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (folder_id) DO UPDATE SET require_approval = EXCLUDED.require_approval,
           revision = EXCLUDED.revision, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
        [r.folderId, r.requireApproval, r.revision, r.updatedAt, r.updatedBy],
      ),
  };
}
