import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { heavyJobs } from './heavyJobs.ts';

/** An app whose one route waits until the test lets each request finish, in order. */
function gatedApp(): { app: Hono; started: number[]; finish: () => void } {
  const app = new Hono();
  const started: number[] = [];
  const gates: (() => void)[] = [];
  app.use('/job/*', heavyJobs({ running: 2, waiting: 3, retryAfterSeconds: 7 }));
  app.get('/job/:n', async (c) => {
    started.push(Number(c.req.param('n')));
    await new Promise<void>((go) => gates.push(go));
    return c.text('done');
  });
  return { app, started, finish: () => gates.shift()?.() };
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 10));

describe('heavyJobs', () => {
  it('runs two at a time, queues three in order, and answers the rest 503 with Retry-After', async () => {
    const { app, started, finish } = gatedApp();
    const answers = Array.from({ length: 7 }, (_, n) => Promise.resolve(app.request(`/job/${n}`)));
    await tick();
    expect(started).toEqual([0, 1]);
    const refused = await Promise.all([answers[5], answers[6]]);
    for (const r of refused) {
      expect(r?.status).toBe(503);
      expect(r?.headers.get('retry-after')).toBe('7');
      expect(((await r?.json()) as { code: string }).code).toBe('API_E503');
    }
    finish();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (let i = 0; i < 4; i++) {
      finish();
      await tick();
    }
    expect(started).toEqual([0, 1, 2, 3, 4]);
    const done = await Promise.all(answers.slice(0, 5));
    expect(done.map((r) => r?.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it('frees its place when a request fails, so failures never use up the slots', async () => {
    const app = new Hono();
    app.use('/boom', heavyJobs({ running: 1, waiting: 0, retryAfterSeconds: 1 }));
    app.get('/boom', () => {
      throw new Error('boom');
    });
    app.onError((_, c) => c.text('failed', 500));
    for (let i = 0; i < 3; i++) expect((await app.request('/boom')).status).toBe(500);
  });
});
