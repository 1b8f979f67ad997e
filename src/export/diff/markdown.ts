/**
 * A review as Markdown for GitHub: per file the worded change list and Mermaid pictures with
 * added, changed and removed cards marked. It stays under GitHub's comment limit and Mermaid's
 * size limits by leaving out, in turn, pictures of unchanged flows, all pictures, and the end
 * of the list, and says so.
 */
import { escapeMarkdown } from '../render/escape.ts';
import { drawingMermaid, mermaidBlock } from '../render/mermaid.ts';
import type { FlowPicture } from './pictures.ts';
import type { PackDiff } from './types.ts';
import { changeLine } from './words.ts';

/** GitHub's limit on the body of an issue or pull-request comment. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** One compared file. */
export interface FileReview {
  /** The file's path (or "OLD → NEW"). */
  label: string;
  status: 'added' | 'removed' | 'modified' | 'unreadable';
  diff: PackDiff | null;
  /** Pictures of every flow of the file (unchanged ones included). */
  pictures: FlowPicture[];
  /** Why an unreadable file could not be compared. */
  problem: string | null;
  /** Its files in the workflow artifact (paths inside the artifact), when one is uploaded. */
  artifactFiles?: ArtifactFiles;
}

/** A reviewed file's pictures and HTML page in the workflow artifact. */
export interface ArtifactFiles {
  /** The self-contained HTML page of the new version (`flopack render --format html`). */
  page: string | null;
  /** SVG and PNG pictures of its changed flows. */
  pictures: string[];
}

/** How much of the review fit: everything, changed flows' pictures, the list, part of it. */
export type ReviewLevel = 'full' | 'changed' | 'list' | 'truncated';

/** Options of `reviewMarkdown`. */
export interface ReviewOptions {
  /** Text placed first (a heading, a hidden marker). */
  header?: string;
  /** Size limit in characters (default GitHub's comment limit). */
  maxChars?: number;
  /** Where the full pictures are, said when pictures are left out. */
  picturesElsewhere?: string;
  /** Address of the workflow artifact that holds each file's pictures and HTML page. */
  artifactUrl?: string;
}

const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

function summaryOf(d: PackDiff): string {
  if (d.identical) return 'No changes';
  const s = d.summary;
  const parts = [
    s.flowsChanged ? `${s.flowsChanged} changed` : '',
    s.flowsAdded ? `${s.flowsAdded} added` : '',
    s.flowsRemoved ? `${s.flowsRemoved} removed` : '',
  ].filter((x) => x !== '');
  const flows = s.flowsChanged + s.flowsAdded + s.flowsRemoved;
  return `${plural(s.changes, 'change')} in ${plural(flows, 'flow')} (${parts.join(', ')})`;
}

function picture(p: FlowPicture): string {
  const chart = drawingMermaid(p.drawing, { colors: 'marks' });
  const body = chart.tooLarge
    ? `*Picture left out: this flow has ${chart.tooLarge}. See the SVG.*`
    : mermaidBlock(chart);
  return `<details><summary>${escapeMarkdown(p.title)} — ${escapeMarkdown(p.subtitle)}</summary>\n\n${body}\n\n</details>`;
}

/** The line naming a file's HTML page and pictures in the artifact, linked when its address is known. */
export function artifactLine(files: ArtifactFiles, url: string | undefined): string | null {
  const names = [
    ...(files.page
      ? [`\`${files.page}\` (HTML page: every flow, pan and zoom, card details)`]
      : []),
    ...files.pictures.map((p) => `\`${p}\``),
  ];
  if (names.length === 0) return null;
  const where = url ? `[workflow artifact](${url})` : 'workflow artifact';
  return `In the ${where}: ${names.join(', ')}.`;
}

function fileSection(
  f: FileReview,
  level: ReviewLevel,
  budget: { lines: number },
  artifactUrl: string | undefined,
): string {
  const parts = [`### ${escapeMarkdown(f.label)} — ${f.status}`];
  const inArtifact = f.artifactFiles ? artifactLine(f.artifactFiles, artifactUrl) : null;
  if (!f.diff) {
    parts.push(`Not compared: ${escapeMarkdown(f.problem ?? 'the file could not be read')}`);
    return parts.join('\n\n');
  }
  parts.push(summaryOf(f.diff));
  if (inArtifact) parts.push(inArtifact);
  const lines = f.diff.flows.flatMap((x) => x.changes.map(changeLine));
  if (lines.length) {
    const shown = lines.slice(0, Math.max(0, budget.lines));
    budget.lines -= shown.length;
    const list = shown.map((l) => `- ${escapeMarkdown(l)}`);
    if (shown.length < lines.length) list.push(`- … and ${lines.length - shown.length} more`);
    parts.push(list.join('\n'));
  }
  if (level === 'full' || level === 'changed') {
    const pics = f.pictures.filter((p) => level === 'full' || p.flow.status !== 'unchanged');
    parts.push(...pics.map(picture));
  }
  return parts.join('\n\n');
}

const NOTES: Record<Exclude<ReviewLevel, 'full'>, string> = {
  changed: 'Pictures of unchanged flows are left out',
  list: 'Pictures are left out',
  truncated: 'Pictures are left out and the change list is cut short',
};

/** The review of one or more files as Markdown within `maxChars`. */
export function reviewMarkdown(
  files: readonly FileReview[],
  opts: ReviewOptions = {},
): { markdown: string; level: ReviewLevel } {
  const max = opts.maxChars ?? GITHUB_COMMENT_LIMIT;
  const total = files.reduce(
    (n, f) => n + (f.diff?.flows.reduce((k, x) => k + x.changes.length, 0) ?? 0),
    0,
  );
  const anyPictures = files.some((f) => f.pictures.length > 0);
  const build = (level: ReviewLevel, lines: number): string => {
    const budget = { lines };
    const parts: string[] = [];
    if (opts.header) parts.push(opts.header);
    if (level !== 'full')
      parts.push(
        `> **Note:** ${NOTES[level]} to stay under GitHub's ${max.toLocaleString('en-US')}-character limit${opts.picturesElsewhere ? `; ${opts.picturesElsewhere}` : ''}.`,
      );
    else if (anyPictures)
      parts.push('Pictures mark cards 🟩 added, 🟧 changed and 🟥 removed (dashed).');
    parts.push(...files.map((f) => fileSection(f, level, budget, opts.artifactUrl)));
    return `${parts.join('\n\n')}\n`;
  };
  for (const level of ['full', 'changed', 'list'] as const) {
    const md = build(level, total);
    if (md.length <= max) return { markdown: md, level };
  }
  // Binary search for the longest list that fits.
  let lo = 0;
  let hi = total;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (build('truncated', mid).length <= max) lo = mid;
    else hi = mid - 1;
  }
  return { markdown: build('truncated', lo), level: 'truncated' };
}
