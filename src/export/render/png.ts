/**
 * SVG → PNG with resvg. Node only: this is the one module of src/export that loads a native
 * binary, so the browser bundle must never import it (the app exports SVG, or PNG through
 * the browser's own canvas).
 */
import { Resvg } from '@resvg/resvg-js';

/** Options of `svgToPng`. */
export interface PngOptions {
  /** Pixels per SVG unit (default 1). Lowered automatically past `maxPixels`. */
  scale?: number;
  /** Largest image in pixels (default 40 million, about 160 MB of RGBA while rendering). */
  maxPixels?: number;
}

function sizeOf(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  return { width: Number(m?.[1] ?? 0), height: Number(m?.[2] ?? 0) };
}

/** Renders an SVG document to PNG bytes with the system fonts (DejaVu Sans on Linux). */
export function svgToPng(svg: string, opts: PngOptions = {}): Uint8Array {
  const { width, height } = sizeOf(svg);
  const maxPixels = opts.maxPixels ?? 40_000_000;
  let scale = opts.scale ?? 1;
  const area = width * height * scale * scale;
  if (area > maxPixels && area > 0) scale *= Math.sqrt(maxPixels / area);
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'zoom', value: scale },
    background: '#f8fafc',
  });
  return resvg.render().asPng();
}
