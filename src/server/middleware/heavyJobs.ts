/**
 * Imports and exports are the requests whose memory grows with their size. A few run at a
 * time and a few more wait their turn; past that the server answers 503 with Retry-After at
 * once, instead of taking on work (and bodies) it would only have to hold in memory.
 */
import type { MiddlewareHandler } from 'hono';

/** How many heavy requests run at once, how many may wait, and the retry hint in seconds. */
export interface HeavyJobLimits {
  running: number;
  waiting: number;
  retryAfterSeconds: number;
}

export const DEFAULT_HEAVY_JOB_LIMITS: HeavyJobLimits = {
  running: 2,
  waiting: 8,
  retryAfterSeconds: 2,
};

/** One queue shared by every route it is mounted on. */
export function heavyJobs(limits: HeavyJobLimits = DEFAULT_HEAVY_JOB_LIMITS): MiddlewareHandler {
  let running = 0;
  const queue: (() => void)[] = [];
  const release = (): void => {
    const next = queue.shift();
    if (next) next();
    else running--;
  };
  return async (c, next) => {
    if (running < limits.running) running++;
    else if (queue.length < limits.waiting) await new Promise<void>((go) => queue.push(go));
    else
      return c.json(
        {
          code: 'API_E503',
          message: `The server is busy with ${limits.running + limits.waiting} imports and exports; try again in ${limits.retryAfterSeconds} seconds.`,
        },
        503,
        { 'retry-after': String(limits.retryAfterSeconds) },
      );
    try {
      await next();
      return undefined;
    } finally {
      release();
    }
  };
}
