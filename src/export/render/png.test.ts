import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../../tests/fixtures/flopacks.ts';
import { unwrap } from '../../model/errors.ts';
import { readFlopack } from '../flopack/read.ts';
import { svgToPng } from './png.ts';
import { renderFlowSvg } from './svg.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk. */
function sizeOf(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('PNG pictures', () => {
  const ws = unwrap(readFlopack(fixtureText('helpers')));
  const svg = renderFlowSvg(Object.values(ws.flows)[0]!, ws);
  const [, w = '0', h = '0'] = /width="(\d+)" height="(\d+)"/.exec(svg) ?? [];

  it('renders a flow at the SVG size', () => {
    const png = svgToPng(svg);
    expect([...png.slice(0, 8)]).toEqual(SIGNATURE);
    expect(sizeOf(png)).toEqual({ width: Number(w), height: Number(h) });
  });

  it('draws the text with a system font', () => {
    const bare = svg.replace(/<text[\s\S]*?<\/text>/g, '');
    expect(Buffer.from(svgToPng(svg)).equals(Buffer.from(svgToPng(bare)))).toBe(false);
  });

  it('scales a huge picture down to the pixel budget', () => {
    const png = svgToPng(svg, { maxPixels: 100_000 });
    const size = sizeOf(png);
    expect(size.width * size.height).toBeLessThanOrEqual(100_000 * 1.02);
    expect(size.width).toBeLessThan(Number(w));
  });
});
