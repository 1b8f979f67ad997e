/**
 * Motion that respects the user's "reduce motion" setting: canvas pans and zooms jump instead
 * of animating when the system asks for reduced motion.
 */

/** Whether the user asked for reduced motion (read each time: the setting can change). */
export const prefersReducedMotion = (): boolean =>
  globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

/** An animation's duration in ms: `ms`, or 0 under reduced motion. */
export const motion = (ms: number): number => (prefersReducedMotion() ? 0 : ms);
