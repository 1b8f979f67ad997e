/**
 * The flopack files a pull request changes, read from git: Node only (it runs `git`), used by
 * the review Action and local dry runs; the diff itself stays pure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** File name endings of flopacks: Okta exports a folder as .folder and a flow as .flow. */
export const FLOPACK_PATTERNS = ['*.flopack', '*.folder', '*.flow'] as const;

/** One changed file: its path (old and new for a rename) and the text of both versions. */
export interface ChangedFlopack {
  path: string;
  oldPath: string | null;
  /** null: the file did not exist on that side (added or removed). */
  oldText: string | null;
  newText: string | null;
}

const git = (cwd: string, args: string[]): string =>
  execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

/** The commit the pull request branched from (`git merge-base`), or `base` itself. */
export function mergeBase(cwd: string, base: string, head: string | null): string {
  const r = spawnSync('git', ['merge-base', base, head ?? 'HEAD'], { cwd, encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : base;
}

/** A file's text at a revision, or null when it does not exist there. */
export function readAt(cwd: string, rev: string, file: string): string | null {
  const r = spawnSync('git', ['show', `${rev}:${file}`], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return r.status === 0 ? r.stdout : null;
}

/**
 * The flopack files changed between `base` and `head` (a commit, or null for the working
 * tree), compared from their merge base as GitHub's "Files changed" tab does.
 */
export function changedFlopacks(opts: {
  cwd: string;
  base: string;
  head: string | null;
}): ChangedFlopack[] {
  const { cwd, head } = opts;
  const from = mergeBase(cwd, opts.base, head);
  const range = head === null ? [from] : [from, head];
  const out = git(cwd, ['diff', '--name-status', '-z', '-M', ...range, '--', ...FLOPACK_PATTERNS]);
  const parts = out.split('\0').filter((p) => p !== '');
  const newText = (file: string): string | null => {
    if (head !== null) return readAt(cwd, head, file);
    try {
      return readFileSync(path.join(cwd, file), 'utf8');
    } catch {
      return null;
    }
  };
  const files: ChangedFlopack[] = [];
  for (let i = 0; i < parts.length;) {
    const status = parts[i++] ?? '';
    if (status.startsWith('R') || status.startsWith('C')) {
      const oldPath = parts[i++] ?? '';
      const file = parts[i++] ?? '';
      files.push({
        path: file,
        oldPath,
        oldText: status.startsWith('R') ? readAt(cwd, from, oldPath) : null,
        newText: newText(file),
      });
    } else {
      const file = parts[i++] ?? '';
      files.push({
        path: file,
        oldPath: null,
        oldText: status === 'A' ? null : readAt(cwd, from, file),
        newText: status === 'D' ? null : newText(file),
      });
    }
  }
  return files;
}
