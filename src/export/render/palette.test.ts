import { describe, expect, it } from 'vitest';
import { colorOf, FALLBACK_BANDS, PALETTE } from './palette.ts';

/** WCAG 2 relative luminance of a #rrggbb colour. */
const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
};

/** WCAG 2 contrast ratio of two colours. */
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
};

describe('card colours', () => {
  it('give every known app and category text that meets WCAG AA contrast (4.5:1) on its band', () => {
    const weak = Object.entries(PALETTE)
      .filter(([, c]) => contrast(c.band, c.text) < 4.5)
      .map(([name, c]) => `${name} ${c.band}: ${contrast(c.band, c.text).toFixed(2)}`);
    expect(weak).toEqual([]);
  });

  it('give unknown apps a band white text is readable on', () => {
    const weak = FALLBACK_BANDS.filter((band) => contrast(band, '#ffffff') < 4.5);
    expect(weak).toEqual([]);
    expect(contrast(colorOf('Some Custom Connector').band, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('measures contrast as WCAG does (black on white is 21:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
