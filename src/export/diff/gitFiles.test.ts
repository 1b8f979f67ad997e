import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { changedFlopacks, readAt } from './gitFiles.ts';

const repo = mkdtempSync(path.join(tmpdir(), 'flopack-git-'));
const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
const put = (file: string, text: string): void => {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
};
const commit = (message: string): string => {
  git('add', '-A');
  git('commit', '-q', '-m', message);
  return git('rev-parse', 'HEAD');
};

let base = '';
let head = '';

beforeAll(() => {
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'ci@example.com');
  git('config', 'user.name', 'CI');
  put('flows/risk.flopack', '{"v":1}');
  put('flows/old.folder', '{"gone":true}');
  put('flows/move me.flow', '{"same":"content, long enough to be detected as a rename"}');
  put('notes.txt', 'not a flopack');
  commit('base');
  git('checkout', '-q', '-b', 'change');
  put('flows/risk.flopack', '{"v":2}');
  put('flows/new.flopack', '{"new":true}');
  rmSync(path.join(repo, 'flows/old.folder'));
  renameSync(path.join(repo, 'flows/move me.flow'), path.join(repo, 'flows/moved.flow'));
  put('notes.txt', 'changed, still not a flopack');
  head = commit('change');
  // The base branch moves on after the branch was made; that is not the pull request's change.
  git('checkout', '-q', 'main');
  put('flows/later.flopack', '{"later":true}');
  base = commit('later on main');
});

describe('changed flopack files between two commits', () => {
  it('lists added, modified, removed and renamed flopacks with both versions, nothing else', () => {
    const files = changedFlopacks({ cwd: repo, base, head });
    expect(files.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      {
        path: 'flows/moved.flow',
        oldPath: 'flows/move me.flow',
        oldText: '{"same":"content, long enough to be detected as a rename"}',
        newText: '{"same":"content, long enough to be detected as a rename"}',
      },
      { path: 'flows/new.flopack', oldPath: null, oldText: null, newText: '{"new":true}' },
      { path: 'flows/old.folder', oldPath: null, oldText: '{"gone":true}', newText: null },
      { path: 'flows/risk.flopack', oldPath: null, oldText: '{"v":1}', newText: '{"v":2}' },
    ]);
  });

  it('compares the working tree when no head commit is given', () => {
    git('checkout', '-q', 'change');
    put('flows/risk.flopack', '{"v":3}');
    const files = changedFlopacks({ cwd: repo, base, head: null });
    expect(files.find((f) => f.path === 'flows/risk.flopack')?.newText).toBe('{"v":3}');
    git('checkout', '-q', '--', 'flows/risk.flopack');
  });

  it('reads a missing file as null', () => {
    expect(readAt(repo, base, 'flows/new.flopack')).toBeNull();
    expect(readAt(repo, head, 'flows/new.flopack')).toBe('{"new":true}');
  });
});
