import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../../tests/fixtures/flopacks.ts';
import { HOSTILE, hostile } from '../../../tests/fixtures/variants.ts';
import { unwrap } from '../../model/errors.ts';
import { diffSvg } from '../diff/pictures.ts';
import { reviewMarkdown } from '../diff/markdown.ts';
import { reviewFile } from '../diff/review.ts';
import { readFlopack } from '../flopack/read.ts';
import { renderPackMarkdown } from './markdown.ts';
import { renderFlowSvg } from './svg.ts';

const original = fixtureText('branches');
const text = hostile(original);
const ws = unwrap(readFlopack(text));
const flow = Object.values(ws.flows)[0];
if (!flow) throw new Error('no flow');

/** Parses SVG as resvg does for PNG; throws on malformed XML. */
const parses = (svg: string): boolean =>
  new Resvg(svg, { font: { loadSystemFonts: false } }).width > 0;

const unescapedPipes = (line: string): number => (line.match(/(?<!\\)\|/g) ?? []).length;

/** Mermaid blocks of a Markdown document. */
const mermaidBlocks = (md: string): string[] =>
  [...md.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1] ?? '');

/** Markdown without its Mermaid blocks, where GitHub links mentions and issue numbers. */
const outsideMermaid = (md: string): string => md.replace(/```mermaid\n[\s\S]*?\n```/g, '');

function expectSafeMermaid(chart: string): void {
  expect(chart).not.toMatch(/%%|`|<script/);
  for (const line of chart.split('\n').slice(1)) {
    // Nodes: n1["…"], n1(["…"]), n1>"…"], n1{{"…"}}; the label holds no quote of its own.
    if (/^ {2}n\d+[[(>{]/.test(line))
      expect(line).toMatch(/^ {2}n\d+(?:\(\[|\[|>|\{\{)"[^"]*"(?:\]\)|\]|\}\})$/);
    else
      expect(line).toMatch(
        /^ {2}(?:n\d+ -\.?->(?:\|"[^"]*"\|)? n\d+|classDef \w+ [^"]+|class [n\d,]+ \w+)$/,
      );
  }
}

describe('a flopack with hostile names and values', () => {
  it('is still a valid flopack whose names carry the hostile text', () => {
    expect(flow.name).toBe(HOSTILE);
    expect(JSON.stringify(flow.data)).toContain('<script>');
  });

  it('renders to SVG where every name is text, never markup', () => {
    const svg = renderFlowSvg(flow, ws);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain(']]>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; | &quot;x&quot;');
    expect(parses(svg)).toBe(true);
  });

  it('renders to Markdown with no HTML, table breakout, fence breakout or mention', () => {
    const md = renderPackMarkdown(ws, { title: HOSTILE });
    expect(md).not.toContain('<script');
    expect(outsideMermaid(md)).not.toMatch(/@admins|#1|(?<!\\)\]\(http/);
    expect(md.split('\n').filter((l) => l.startsWith('# '))).toEqual([
      '# &lt;script&gt;alert(1)&lt;/script&gt; \\| "x" \\`y\\` \\]\\]&gt; --&gt; %% @\u200badmins #\u200b1 \\[z\\](http\u200b://e) \\$x\\$',
    ]);
    for (const row of md.split('\n').filter((l) => l.startsWith('| ')))
      expect(unescapedPipes(row), row).toBe(5);
    expect(md.match(/```/g)).toHaveLength(2 * Object.keys(ws.flows).length);
    for (const block of mermaidBlocks(md)) expectSafeMermaid(block);
    const [chart] = mermaidBlocks(md);
    expect(chart).toContain('#lt;script#gt;alert(1)#lt;/script#gt; #124; #quot;x#quot; #96;y#96;');
  });

  it('keeps the diff list, its Markdown and its picture safe too', () => {
    const r = reviewFile(HOSTILE, original, text);
    const lines = r.diff?.flows.flatMap((f) => f.changes) ?? [];
    expect(lines.length).toBeGreaterThan(5);
    const { markdown } = reviewMarkdown([r]);
    expect(markdown).not.toContain('<script');
    expect(outsideMermaid(markdown)).not.toMatch(/@admins|#1|(?<!\\)\]\(http/);
    for (const summary of markdown.match(/<summary>.*<\/summary>/g) ?? [])
      expect(summary.slice(9, -10)).not.toMatch(/[<>]/);
    for (const chart of mermaidBlocks(markdown)) expectSafeMermaid(chart);
    const svg = diffSvg(r.pictures);
    expect(svg).not.toContain('<script');
    expect(parses(svg)).toBe(true);
  });
});
