/**
 * Handle ids of output pills on the canvas: `out:<output>` for a whole output and
 * `out:<output>/<Profile>/<Name>` for one of its child fields (each step URI-encoded, so a
 * key holding "/" stays one step).
 */
import type { FieldId } from '../../model/ids.ts';

/** The handle id of an output pill, or of its child field at `field`. */
export const outputHandle = (output: string, field: readonly string[] = []): string =>
  ['out:' + output, ...field.map(encodeURIComponent)].join('/');

/** The output and child path a handle id stands for; null for a handle that is no output. */
export function parseOutputHandle(
  handle: string | null | undefined,
): { output: FieldId; field: string[] } | null {
  if (!handle?.startsWith('out:')) return null;
  const [output, ...steps] = handle.slice(4).split('/');
  if (!output) return null;
  try {
    return { output: output as FieldId, field: steps.map(decodeURIComponent) };
  } catch {
    return null; // a malformed escape: not one of ours
  }
}
