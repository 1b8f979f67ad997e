/** HTTP helpers: coded JSON errors, size-capped bodies, zod-validated input. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { Problem } from '../model/errors.ts';

/** An error the API returns as `{code, message, …}` with an HTTP status. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Turns model problems into a 4xx error (the first problem names it). */
export function problemError(
  problems: readonly Problem[],
  status: ContentfulStatusCode = 422,
): ApiError {
  const first = problems[0] ?? { code: 'API_E422', message: 'The request was refused.' };
  return new ApiError(status, first.code, first.message, { problems });
}

/** Default cap for JSON bodies (a flow's content); imports have their own, larger cap. */
export const MAX_JSON_BYTES = 5 * 1024 * 1024;

/**
 * Cap for a whole-workspace backup imported at the top level (a flopack imported into a folder
 * keeps the 25 MB cap). Reading stops at the cap, so memory stays bounded by it.
 */
export const MAX_ARCHIVE_BYTES = 200 * 1024 * 1024;

/**
 * Reads the raw body, refusing more than `max` bytes with 413. The cap holds while reading,
 * chunked or not: reading stops at the first byte over it, so a huge upload costs at most `max`
 * bytes of memory (the HTTP layer then discards what is still arriving and closes the socket).
 */
export async function readBody(c: Context, max: number): Promise<string> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > max) throw tooLarge(max, declared);
  const body = c.req.raw.body;
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const parts: string[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      reader.releaseLock();
      throw tooLarge(max);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

const tooLarge = (max: number, size?: number): ApiError =>
  new ApiError(
    413,
    'API_E413',
    `The request is ${size === undefined ? 'larger than the limit' : `${(size / 1048576).toFixed(1)} MB`}; the limit is ${(max / 1048576).toFixed(0)} MB.`,
  );

/** Reads and validates a JSON body. */
export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  max = MAX_JSON_BYTES,
): Promise<z.infer<S>> {
  const text = await readBody(c, max);
  let value: unknown;
  try {
    value = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    throw new ApiError(400, 'API_E400', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new ApiError(
      400,
      'API_E401',
      `Invalid request${where}: ${issue?.message ?? 'bad input'}.`,
    );
  }
  return parsed.data;
}
