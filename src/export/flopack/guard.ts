/**
 * A pass over a parsed document before anything trusts it: depth limit and forbidden keys.
 * Iterative (an explicit stack), so a 10,000-deep document cannot overflow the call stack.
 */
import type { Problem } from '../../model/errors.ts';
import { E } from './codes.ts';

/** Deepest nesting accepted. Real exports nest about 60 levels. */
export const MAX_DEPTH = 200;

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Returns the first problem found, or null. */
export function guardDocument(doc: unknown, maxDepth = MAX_DEPTH): Problem | null {
  const stack: unknown[] = [doc];
  const depths: number[] = [0];
  while (stack.length > 0) {
    const v = stack.pop();
    const depth = depths.pop() ?? 0;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth)
      return {
        code: E.tooDeep,
        message: `The JSON nests deeper than ${maxDepth} levels; real flopacks nest about 60 — this is not a flopack export.`,
      };
    if (Array.isArray(v)) {
      for (const x of v) {
        if (x !== null && typeof x === 'object') {
          stack.push(x);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    for (const key in v) {
      if (FORBIDDEN.has(key))
        return {
          code: E.forbiddenKey,
          message: `The file contains the key "${key}", which flopacks never use and which could corrupt objects — remove it.`,
        };
      const x = (v as Record<string, unknown>)[key];
      if (x !== null && typeof x === 'object') {
        stack.push(x);
        depths.push(depth + 1);
      }
    }
  }
  return null;
}
