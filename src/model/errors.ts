/**
 * Errors a user can see carry a stable code and a fix. Model operations return a `Result`
 * instead of throwing, so callers (UI, server, CLI) decide how to show them.
 */

/** A coded, user-facing problem. `path` points into the document when it helps. */
export interface Problem {
  code: string;
  message: string;
  path?: string;
}

/** Success with a value, or failure with one or more problems. */
export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Wraps a value as a success. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** A failure with one problem. */
export const fail = <T = never>(code: string, message: string, path?: string): Result<T> => ({
  ok: false,
  problems: [path === undefined ? { code, message } : { code, message, path }],
});

/** Formats a problem the way the CLI and the API print it: `CODE: message`. */
export const formatProblem = (p: Problem): string => `${p.code}: ${p.message}`;

/** Thrown only for programming errors (broken invariants), never for bad user input. */
export class InvariantError extends Error {
  override name = 'InvariantError';
}

/** Unwraps a result or throws its first problem; for tests and scripts. */
export function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw new InvariantError(r.problems.map(formatProblem).join('; '));
}
