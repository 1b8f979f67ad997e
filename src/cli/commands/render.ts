/** `flopack render FILE`: flows as SVG, PNG, or Markdown with Mermaid pictures. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatProblem } from '../../model/errors.ts';
import { readFlopack } from '../../export/flopack/read.ts';
import { slug } from '../../export/render/escape.ts';
import { flowFileNames } from '../../export/render/names.ts';
import { renderPackHtml } from '../../export/render/html.ts';
import { renderPackMarkdown } from '../../export/render/markdown.ts';
import { renderFlowSvg } from '../../export/render/svg.ts';
import type { Command } from '../command.ts';
import { parseArgs, readInput, UsageError } from '../io.ts';

const FORMATS = ['svg', 'png', 'md', 'html'] as const;
type Format = (typeof FORMATS)[number];

function write(dir: string, name: string, data: string | Uint8Array): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
}

export const render: Command = {
  name: 'render',
  summary: 'draw flows as SVG or PNG, or as Markdown with Mermaid pictures and input tables',
  usage: 'flopack render FILE [--flow NAME] [--format svg|png|md|html] [--out DIR]',
  help: `Draws each flow of FILE with the canvas's layout: cards coloured by app, branches as
lanes, notes, helper-flow calls named.
  --format svg   one SVG per flow (default)
  --format png   one PNG per flow (needs --out)
  --format md    one Markdown document: per flow a Mermaid flowchart (GitHub draws it) and a
                 table of every card's inputs and where each comes from; helper calls linked
  --format html  one self-contained HTML page for the whole file: every flow drawn, pan and
                 zoom, click a card for its inputs, mappings and outputs, links to helper
                 flows, dark theme, printable; it loads nothing from the network
  --flow NAME    only the flow with this name
  --out DIR      write files into DIR (created if missing) and print their paths; without it,
                 Markdown and a single flow's SVG go to standard output
Exit status: 0 ok, 1 not a valid flopack, 2 unreadable file, unknown flow or bad arguments.`,
  async run(argv, io) {
    const { files, options } = parseArgs(argv, { flow: 'value', format: 'value', out: 'value' });
    if (files.length !== 1) throw new UsageError('give exactly one FILE');
    const file = files[0] ?? '';
    const format = (options.get('format') ?? 'svg') as Format;
    if (!FORMATS.includes(format)) throw new UsageError('--format must be svg, png, md or html');
    const out = options.get('out');
    const dir = typeof out === 'string' ? out : null;
    const read = readFlopack(readInput(io, file));
    if (!read.ok) {
      io.out(`${file}: error ${formatProblem(read.problems[0] ?? { code: '?', message: '' })}`);
      return 1;
    }
    const ws = read.value;
    const wanted = options.get('flow');
    let flows = Object.values(ws.flows);
    if (typeof wanted === 'string') {
      flows = flows.filter((f) => f.name === wanted || f.name.trim() === wanted.trim());
      if (flows.length === 0)
        throw new UsageError(
          `no flow named "${wanted}" in ${file}; its flows: ${Object.values(ws.flows)
            .map((f) => `"${f.name}"`)
            .join(', ')}`,
        );
    }
    const base = path.basename(file).replace(/\.(flopack|folder|flow|json)$/i, '');
    if (format === 'html') {
      const html = renderPackHtml(ws, path.basename(file));
      if (dir === null) io.out(html.trimEnd());
      else io.out(`wrote ${write(dir, `${slug(base, 'flopack')}.html`, html)}`);
      return 0;
    }
    if (format === 'md') {
      const md = renderPackMarkdown(ws, { title: base, flows });
      if (dir === null) io.out(md.trimEnd());
      else io.out(`wrote ${write(dir, `${slug(base, 'flopack')}.md`, md)}`);
      return 0;
    }
    if (dir === null) {
      if (format === 'png') throw new UsageError('--format png needs --out DIR');
      if (flows.length !== 1)
        throw new UsageError(`${file} has ${flows.length} flows: give --out DIR or --flow NAME`);
    }
    const names = flowFileNames(flows, format);
    const toPng = format === 'png' ? (await import('../../export/render/png.ts')).svgToPng : null;
    for (const flow of flows) {
      const svg = renderFlowSvg(flow, ws);
      if (dir === null) io.out(svg.trimEnd());
      else io.out(`wrote ${write(dir, names.get(flow.id) ?? 'flow', toPng ? toPng(svg) : svg)}`);
    }
    return 0;
  },
};
