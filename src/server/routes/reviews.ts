/** Review-before-release routes: reviews of flow versions and folders' review rules. */
import type { Hono } from 'hono';
import { decideReviewBody, folderRuleBody, requestReviewBody } from '../../contract/review.ts';
import { ApiError, readJson } from '../http.ts';
import type { ReviewService } from '../reviewService.ts';

const revisionParam = (raw: string): number => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new ApiError(400, 'API_E402', `"${raw}" is not a version number.`);
  return n;
};

/** Mounts /api/flows/:id/reviews, the review and decision routes, and /api/review-rules. */
export function reviewRoutes(app: Hono, reviews: ReviewService): void {
  app.get('/api/flows/:id/reviews', async (c) => c.json(await reviews.reviews(c.req.param('id'))));
  app.post('/api/flows/:id/versions/:rev/review', async (c) => {
    const { comment } = await readJson(c, requestReviewBody);
    return c.json(
      await reviews.request(c.req.param('id'), revisionParam(c.req.param('rev')), comment),
    );
  });
  app.post('/api/flows/:id/versions/:rev/decision', async (c) => {
    const { decision, comment } = await readJson(c, decideReviewBody);
    return c.json(
      await reviews.decide(c.req.param('id'), revisionParam(c.req.param('rev')), decision, comment),
    );
  });
  app.get('/api/review-rules', async (c) => c.json(await reviews.rules()));
  app.put('/api/folders/:id/review-rule', async (c) => {
    const { requireApproval, baseRevision } = await readJson(c, folderRuleBody);
    return c.json(await reviews.setRule(c.req.param('id'), requireApproval, baseRevision));
  });
}
