/** Timing helpers for `npm run bench`. */

/** Median wall time of `fn` in milliseconds over `runs` runs (after `warmup` runs). */
export function medianMs(fn: () => unknown, runs = 25, warmup = 5): number {
  return pairedMedians([fn], runs, warmup)[0] ?? 0;
}

/**
 * Medians of several functions measured in alternation, run after run, so heap state and
 * CPU frequency drift affect all of them alike (fair ratios).
 */
export function pairedMedians(fns: readonly (() => unknown)[], runs = 41, warmup = 5): number[] {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const times = fns.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, j) => {
      const t = performance.now();
      fn();
      times[j]?.push(performance.now() - t);
    });
  }
  return times.map((list) => {
    list.sort((a, b) => a - b);
    return list[Math.floor(list.length / 2)] ?? 0;
  });
}

/** Prints one `name: value` line. */
export const report = (name: string, value: number, digits = 2): void => {
  console.log(`${name}: ${value.toFixed(digits)}`);
};
