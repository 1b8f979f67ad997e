import { afterEach, describe, expect, it, vi } from 'vitest';
import { motion, prefersReducedMotion } from './motion.ts';

const reduce = (on: boolean) =>
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: on && query === '(prefers-reduced-motion: reduce)',
  }));

describe('motion', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps an animation’s duration when the user has not asked for reduced motion', () => {
    reduce(false);
    expect(prefersReducedMotion()).toBe(false);
    expect(motion(150)).toBe(150);
  });

  it('makes pans and zooms jump (duration 0) under prefers-reduced-motion', () => {
    reduce(true);
    expect(prefersReducedMotion()).toBe(true);
    expect(motion(150)).toBe(0);
  });

  it('animates where there is no matchMedia (outside a browser)', () => {
    vi.stubGlobal('matchMedia', undefined);
    expect(motion(200)).toBe(200);
  });
});
