/**
 * Flows as Mermaid flowcharts, which GitHub draws in Markdown. Cards and notes become nodes
 * with safe ids (n1, n2, …) and escaped labels; branch pills, merge points and inline-flow arms
 * become labelled edges, which Mermaid lays out better than extra nodes.
 */
import type { Drawing, DrawNode, Mark } from './drawing.ts';
import { escapeMermaid } from './escape.ts';
import { colorOf, MARK_COLORS } from './palette.ts';

/** Mermaid's default `maxTextSize`: larger diagrams are refused by the renderer. */
export const MERMAID_MAX_TEXT = 50_000;
/** Mermaid's default `maxEdges`. */
export const MERMAID_MAX_EDGES = 500;

/** A Mermaid diagram and its size against Mermaid's limits. */
export interface MermaidChart {
  text: string;
  edges: number;
  /** Null when the diagram is within limits, else why it is not. */
  tooLarge: string | null;
}

/** Options of `drawingMermaid`. */
export interface MermaidOptions {
  /** Colour nodes by app (plain render) or by review mark (diff). */
  colors: 'app' | 'marks';
}

const isCard = (x: DrawNode): boolean => x.face !== null;

function label(x: DrawNode): string {
  const f = x.face;
  if (!f) return '';
  const lines =
    f.role === 'note'
      ? [`✎ ${escapeMermaid(f.note?.title || f.title)}`]
      : [escapeMermaid(f.title), escapeMermaid(f.app)];
  if (f.calls !== null) lines.push(`→ ${escapeMermaid(f.calls)}`);
  if (x.mark !== 'unchanged') lines.push(MARK_COLORS[x.mark].label);
  return lines.join('<br/>');
}

function shape(x: DrawNode, id: string): string {
  const text = `"${label(x)}"`;
  switch (x.face?.role) {
    case 'note':
      return `${id}>${text}]`;
    case 'event':
      return `${id}([${text}])`;
    case 'ifElse':
      return `${id}{{${text}}}`;
    default:
      return `${id}[${text}]`;
  }
}

interface Link {
  from: string;
  to: string;
  label: string | null;
  dotted: boolean;
}

/** Edges between cards, passing through pills, merges and arms. */
function links(d: Drawing): Link[] {
  const byId = new Map(d.nodes.map((x) => [x.id, x]));
  const out = new Map<string, { to: string; kind: string }[]>();
  for (const e of d.edges) {
    const list = out.get(e.from) ?? [];
    list.push({ to: e.to, kind: e.kind });
    out.set(e.from, list);
  }
  const result: Link[] = [];
  const seen = new Set<string>();
  for (const start of d.nodes.filter(isCard)) {
    const walk = (at: string, lbl: string | null, dotted: boolean, depth: number): void => {
      for (const e of out.get(at) ?? []) {
        const next = byId.get(e.to);
        if (!next || depth > 50) continue;
        const dot = dotted || e.kind === 'inline' || e.kind === 'ghost';
        if (isCard(next)) {
          const key = `${start.id}>${next.id}`;
          if (seen.has(key)) continue;
          seen.add(key);
          result.push({ from: start.id, to: next.id, label: lbl, dotted: dot });
        } else {
          const own = next.kind === 'merge' ? null : next.label;
          walk(next.id, lbl ?? own, dot, depth + 1);
        }
      }
    };
    walk(start.id, null, false, 0);
  }
  return result;
}

const MARK_STYLE: Record<Exclude<Mark, 'unchanged'>, string> = {
  added: `fill:${MARK_COLORS.added.fill},stroke:${MARK_COLORS.added.stroke},stroke-width:3px,color:#14532d`,
  changed: `fill:${MARK_COLORS.changed.fill},stroke:${MARK_COLORS.changed.stroke},stroke-width:3px,color:#78350f`,
  removed: `fill:${MARK_COLORS.removed.fill},stroke:${MARK_COLORS.removed.stroke},stroke-width:2px,stroke-dasharray:5 4,color:#7f1d1d`,
};

/** A drawing as a Mermaid `flowchart LR`. */
export function drawingMermaid(d: Drawing, opts: MermaidOptions): MermaidChart {
  const ids = new Map<string, string>();
  const lines = ['flowchart LR'];
  for (const x of d.nodes.filter(isCard)) {
    const id = `n${ids.size + 1}`;
    ids.set(x.id, id);
    lines.push(`  ${shape(x, id)}`);
  }
  const edges = links(d);
  for (const l of edges) {
    const arrow = l.dotted ? '-.->' : '-->';
    const text = l.label ? `|"${escapeMermaid(l.label)}"|` : '';
    lines.push(`  ${ids.get(l.from)} ${arrow}${text} ${ids.get(l.to)}`);
  }
  const classes = new Map<string, string[]>();
  const styles = new Map<string, string>();
  for (const x of d.nodes.filter(isCard)) {
    const id = ids.get(x.id) ?? '';
    let cls: string | null = null;
    if (opts.colors === 'marks') {
      if (x.mark !== 'unchanged') {
        cls = x.mark;
        styles.set(cls, MARK_STYLE[x.mark]);
      }
    } else if (x.face?.role === 'note') {
      cls = 'note';
      styles.set(cls, 'fill:#fef9c3,stroke:#eab308,color:#422006');
    } else {
      const c = colorOf(x.face?.app ?? '');
      cls = `c${c.band.slice(1)}`;
      styles.set(cls, `fill:${c.band},stroke:${c.band},color:${c.text}`);
    }
    if (cls) classes.set(cls, [...(classes.get(cls) ?? []), id]);
  }
  for (const [cls, style] of styles) lines.push(`  classDef ${cls} ${style}`);
  for (const [cls, members] of classes) lines.push(`  class ${members.join(',')} ${cls}`);
  const text = lines.join('\n');
  const tooLarge =
    edges.length > MERMAID_MAX_EDGES
      ? `${edges.length} connections (Mermaid draws at most ${MERMAID_MAX_EDGES})`
      : text.length > MERMAID_MAX_TEXT
        ? `${text.length.toLocaleString('en-US')} characters (Mermaid draws at most ${MERMAID_MAX_TEXT.toLocaleString('en-US')})`
        : null;
  return { text, edges: edges.length, tooLarge };
}

/** A fenced Mermaid block for Markdown. */
export const mermaidBlock = (chart: MermaidChart): string => `\`\`\`mermaid\n${chart.text}\n\`\`\``;
