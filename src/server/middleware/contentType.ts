/**
 * The API takes JSON only. A browser lets any page send `text/plain`, form-encoded and
 * multipart bodies across sites without asking; `application/json` needs its permission
 * (a CORS preflight this server never grants), so insisting on it closes that door.
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../http.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True for `application/json`, with or without parameters such as a charset. */
export const isJsonType = (value: string | undefined): boolean =>
  value !== undefined && value.split(';')[0]?.trim().toLowerCase() === 'application/json';

/** Refuses a state-changing request that is not declared as JSON with 415 API_E415. */
export function jsonOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE.has(c.req.method) && !isJsonType(c.req.header('content-type')))
      throw new ApiError(
        415,
        'API_E415',
        'The API takes JSON only: send the body (even an empty one) with "Content-Type: application/json".',
      );
    await next();
  };
}
