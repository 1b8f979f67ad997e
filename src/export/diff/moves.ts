/**
 * Which matched cards moved: those outside the longest common subsequence of the two
 * execution orders, or whose lane (branch, inline arm) changed. One card moved elsewhere is
 * one move, not a shuffle of every neighbour's predecessor.
 */

/** Indices into `b` of a longest common subsequence of `a` and `b`. */
export function lcsKeep(a: readonly string[], b: readonly string[]): Set<string> {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const t = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      t[i * w + j] =
        a[i] === b[j]
          ? (t[(i + 1) * w + j + 1] ?? 0) + 1
          : Math.max(t[(i + 1) * w + j] ?? 0, t[i * w + j + 1] ?? 0);
  const keep = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      keep.add(b[j] ?? '');
      i++;
      j++;
    } else if ((t[(i + 1) * w + j] ?? 0) >= (t[i * w + j + 1] ?? 0)) i++;
    else j++;
  }
  return keep;
}
