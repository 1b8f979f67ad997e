/**
 * Review of one file from its two versions' text: read both, diff them, draw the pictures.
 * A missing side (null) is a file added or removed; an unreadable one is reported, not thrown.
 */
import { formatProblem } from '../../model/errors.ts';
import type { Workspace } from '../../model/workspace.ts';
import { readFlopack } from '../flopack/read.ts';
import type { FileReview } from './markdown.ts';
import type { PackPair } from './packDiff.ts';
import { diffPair, pairOf } from './packDiff.ts';
import { diffPictures } from './pictures.ts';

/** A file's review plus the workspaces it was made from (for SVG/PNG output). */
export interface FileResult extends FileReview {
  pair: PackPair | null;
}

function read(
  text: string | null,
  which: string,
): { ws: Workspace | null; problem: string | null } {
  if (text === null) return { ws: null, problem: null };
  const r = readFlopack(text);
  if (r.ok) return { ws: r.value, problem: null };
  const first = r.problems[0];
  return { ws: null, problem: `${which} version: ${first ? formatProblem(first) : 'unreadable'}` };
}

/** Reviews one file given the text of its old and new versions (null: not there). */
export function reviewFile(
  label: string,
  oldText: string | null,
  newText: string | null,
): FileResult {
  const status = oldText === null ? 'added' : newText === null ? 'removed' : 'modified';
  const a = read(oldText, 'old');
  const b = read(newText, 'new');
  const problem = a.problem ?? b.problem;
  if (problem !== null)
    return { label, status: 'unreadable', diff: null, pictures: [], problem, pair: null };
  const pair = pairOf(a.ws, b.ws);
  const diff = diffPair(pair);
  return {
    label,
    status,
    diff,
    pictures: diffPictures(pair, diff, { unchanged: true }),
    problem: null,
    pair,
  };
}
