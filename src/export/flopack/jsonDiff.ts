/** Structural comparison of two JSON values, reporting the first difference as a path. */
import type { Json } from '../../model/raw.ts';

const seg = (k: string): string =>
  /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;

/** The JSON path of the first difference (key order included), or null when equal. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (a === b) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return path;
  if (Array.isArray(a) !== Array.isArray(b)) return path;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const d = firstDifference(a[i] as Json, b[i] as Json, `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  const n = Math.max(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const k = ka[i];
    if (k === undefined || k !== kb[i]) return `${path}${seg(k ?? kb[i] ?? '')}`;
    const d = firstDifference(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
      `${path}${seg(k)}`,
    );
    if (d) return d;
  }
  return null;
}
