/** `flopack diff OLD NEW`: what changed between two flopacks, in words, Markdown, JSON or SVG. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatProblem } from '../../model/errors.ts';
import { reviewMarkdown } from '../../export/diff/markdown.ts';
import { readFlopack } from '../../export/flopack/read.ts';
import { diffSvg } from '../../export/diff/pictures.ts';
import { reviewFile } from '../../export/diff/review.ts';
import { diffLines } from '../../export/diff/words.ts';
import type { Command } from '../command.ts';
import { parseArgs, readInput, UsageError } from '../io.ts';

const FORMATS = ['text', 'md', 'json', 'svg', 'png'] as const;
type Format = (typeof FORMATS)[number];

export const diff: Command = {
  name: 'diff',
  summary: 'list what changed between two flopacks, with pictures marking changed cards',
  usage: 'flopack diff OLD NEW [--format text|md|json|svg|png] [--out FILE] [--exit-code]',
  help: `Compares two flopacks (two versions of a file): flows added, removed or renamed; cards
added, removed, moved or changed; inputs and mappings; flow settings. Ids, key order and
anything without effect are ignored. An empty OLD or NEW (e.g. /dev/null) is a file added or
removed.
  --format text  one sentence per change, or "No changes" (default)
  --format md    Markdown for a pull request: the list and Mermaid pictures, kept under
                 GitHub's 65,536-character comment limit (pictures of unchanged flows, then
                 all pictures, then the end of the list are left out, and it says so)
  --format json  the changes as data (stable shape: format "flopack-diff", version 1)
  --format svg   pictures of the changed flows, added/changed/removed cards marked
  --format png   the same as PNG (needs --out)
  --out FILE     write to FILE instead of standard output
  --exit-code    exit 1 when there are changes (like git diff --exit-code)
Exit status: 0 ok, 1 changes with --exit-code or an unreadable flopack, 2 bad arguments.`,
  async run(argv, io) {
    const { files, options } = parseArgs(argv, {
      format: 'value',
      out: 'value',
      'exit-code': 'flag',
    });
    if (files.length !== 2) throw new UsageError('give OLD and NEW');
    const format = (options.get('format') ?? 'text') as Format;
    if (!FORMATS.includes(format))
      throw new UsageError('--format must be text, md, json, svg or png');
    const out = options.get('out');
    const outFile = typeof out === 'string' ? out : null;
    if (format === 'png' && outFile === null) throw new UsageError('--format png needs --out FILE');
    const [oldFile = '', newFile = ''] = files;
    const text = (f: string): string | null => {
      const t = readInput(io, f);
      return t.trim() === '' ? null : t;
    };
    const oldText = text(oldFile);
    const newText = text(newFile);
    for (const [f, t] of [
      [oldFile, oldText],
      [newFile, newText],
    ] as const) {
      const read = t === null ? null : readFlopack(t);
      if (read && !read.ok) {
        io.out(`${f}: error ${formatProblem(read.problems[0] ?? { code: '?', message: '' })}`);
        return 1;
      }
    }
    const r = reviewFile(`${oldFile} → ${newFile}`, oldText, newText);
    if (!r.diff || !r.pair) {
      io.out(`error ${r.problem ?? 'unreadable'}`);
      return 1;
    }
    let output: string | Uint8Array;
    if (format === 'text') output = diffLines(r.diff).join('\n');
    else if (format === 'json')
      output = JSON.stringify({ ...r.diff, lines: diffLines(r.diff) }, null, 2);
    else if (format === 'md') output = reviewMarkdown([r], { header: '## Flopack diff' }).markdown;
    else {
      const pictures = r.pictures.filter((p) => p.flow.status !== 'unchanged');
      const svg = diffSvg(pictures);
      output = format === 'svg' ? svg : (await import('../../export/render/png.ts')).svgToPng(svg);
    }
    if (outFile === null) io.out(typeof output === 'string' ? output.trimEnd() : '');
    else {
      mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
      writeFileSync(outFile, output);
      io.out(`wrote ${outFile}`);
    }
    return options.has('exit-code') && !r.diff.identical ? 1 : 0;
  },
};
