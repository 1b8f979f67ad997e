/**
 * Rendering speed: every shared flopack read and drawn as SVG (one per flow) and as one
 * Markdown document, in one process. Goal: render_all_shared_ms < 2,000 (the first pass, as a
 * CLI or CI job pays it, JIT warm-up included); the warm median and the split are reported too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readFlopack } from '../src/export/flopack/read.ts';
import { renderPackMarkdown } from '../src/export/render/markdown.ts';
import { renderFlowSvg } from '../src/export/render/svg.ts';
import { corpusFiles } from '../tests/corpus.ts';
import { medianMs, report } from './timing.ts';

/** Runs the render benchmark and prints its figures. */
export function benchRender(): void {
  const texts = corpusFiles().map((f) => [path.basename(f, '.flopack'), readFileSync(f, 'utf8')]);
  let svgMs = 0;
  let mdMs = 0;
  let chars = 0;
  const all = (): void => {
    for (const [name = '', text = ''] of texts) {
      const read = readFlopack(text);
      if (!read.ok) throw new Error(`${name} does not read`);
      const ws = read.value;
      let t = performance.now();
      for (const flow of Object.values(ws.flows)) chars += renderFlowSvg(flow, ws).length;
      svgMs += performance.now() - t;
      t = performance.now();
      chars += renderPackMarkdown(ws, { title: name }).length;
      mdMs += performance.now() - t;
    }
  };
  const t0 = performance.now();
  all();
  const first = performance.now() - t0;
  report('render_all_shared_ms', first, 0);
  report('render_all_shared_svg_ms', svgMs, 0);
  report('render_all_shared_md_ms', mdMs, 0);
  report('render_all_shared_output_mb', chars / 1048576, 1);
  report('render_all_shared_warm_ms', medianMs(all, 5, 1), 0);
}
