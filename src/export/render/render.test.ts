import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { corpusText, describeCorpus, hasCorpus, itEachCorpusFile } from '../../../tests/corpus.ts';
import { fixtureFiles } from '../../../tests/fixtures/flopacks.ts';
import { unwrap } from '../../model/errors.ts';
import type { Workspace } from '../../model/workspace.ts';
import { emptyWorkspace } from '../../model/workspace.ts';
import { readFlopack } from '../flopack/read.ts';
import { layoutFlow } from '../layout/layout.ts';
import { drawFlow } from './drawing.ts';
import { visibleCards } from './lanes.ts';
import { renderPackMarkdown } from './markdown.ts';
import { drawingMermaid } from './mermaid.ts';
import { namesOf } from './names.ts';
import { renderFlowSvg } from './svg.ts';

const read = (text: string): Workspace => unwrap(readFlopack(text));

/** Draws a flopack as SVG and Markdown and checks every card is in both. */
function drawsEveryCard(name: string, file: string): void {
  const ws = read(readFileSync(file, 'utf8'));
  const md = renderPackMarkdown(ws, { title: name });
  for (const flow of Object.values(ws.flows)) {
    const svg = renderFlowSvg(flow, ws);
    // resvg parses what the PNG renderer would: malformed XML throws.
    expect(new Resvg(svg, { font: { loadSystemFonts: false } }).width).toBeGreaterThan(0);
    const cards = visibleCards(flow.data);
    expect(svg.match(/<g transform="translate\([^)]*\)"><title>/g)).toHaveLength(cards.length);
    // Card heights come from the layout's summaries; the faces drawn must fit them.
    const layout = layoutFlow(flow.data);
    const drawing = drawFlow(flow.data, namesOf(ws));
    for (const n of drawing.nodes) {
      const summary = layout.nodes.find((x) => x.id === n.id)?.summary;
      expect(n.face?.rows.length).toBe(summary?.inputs.length);
    }
  }
  const tables = md.split('\n').filter((l) => /^\| \d+ \| /.test(l));
  const total = Object.values(ws.flows).reduce((k, f) => k + visibleCards(f.data).length, 0);
  expect(tables).toHaveLength(total);
  expect(md.match(/^## /gm)).toHaveLength(Object.keys(ws.flows).length);
}

describe('rendering the generated fixtures', () => {
  it.each(fixtureFiles().map((f) => [path.basename(f, '.flopack'), f]))(
    'draws %s as SVG and Markdown, every card in both',
    drawsEveryCard,
  );
});

describeCorpus('rendering every real flopack', () => {
  itEachCorpusFile('draws %s as SVG and Markdown, every card in both', drawsEveryCard);
});

describeCorpus('Mermaid pictures', () => {
  const ws = hasCorpus ? read(corpusText('googledrive_file_transfer')) : emptyWorkspace();
  const flow = Object.values(ws.flows).find((f) => f.name.startsWith('[1.1]'));

  it('turns If/Else branches into labelled edges between cards', () => {
    const chart = drawingMermaid(drawFlow(flow!.data, namesOf(ws)), { colors: 'app' });
    expect(chart.text.split('\n').filter((l) => l.includes('-->'))).toEqual([
      '  n1 --> n2',
      '  n2 --> n3',
      '  n3 --> n4',
      '  n4 -->|"True"| n5',
      '  n5 --> n6',
    ]);
    expect(chart.tooLarge).toBeNull();
  });

  it('says when a flow is beyond Mermaid’s edge limit', () => {
    const card = drawFlow(flow!.data, namesOf(ws)).nodes[0]!;
    const nodes = Array.from({ length: 601 }, (_, i) => ({ ...card, id: `c${i}` }));
    const edges = nodes
      .slice(1)
      .map((n, i) => ({ id: `e${i}`, kind: 'next' as const, from: `c${i}`, to: n.id }));
    const chain = { nodes, edges, width: 0, height: 0 };
    expect(drawingMermaid(chain, { colors: 'app' }).tooLarge).toBe(
      '600 connections (Mermaid draws at most 500)',
    );
  });
});
