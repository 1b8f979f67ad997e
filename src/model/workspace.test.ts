import { describe, expect, it } from 'vitest';
import type { FolderId } from './ids.ts';
import type { Folder, Workspace } from './workspace.ts';
import { emptyWorkspace, heightOf, subtree, treeProblems, withoutCycles } from './workspace.ts';

const folder = (id: string, parentId: string | null): Folder => ({
  id: id as FolderId,
  name: id,
  description: '',
  parentId: parentId as FolderId | null,
  raw: null,
});
const ws = (...folders: Folder[]): Workspace => ({
  ...emptyWorkspace(),
  folders: Object.fromEntries(folders.map((f) => [f.id, f])),
});

describe('folder tree walks', () => {
  it('stop on a folder that is its own parent', () => {
    const w = ws(folder('a', 'a'), folder('b', 'a'));
    expect(subtree(w, 'a' as FolderId).map((f) => f.id)).toEqual(['a', 'b']);
    expect(heightOf(w, 'a' as FolderId)).toBe(2);
  });

  it('stop on a parent cycle A ↔ B', () => {
    const w = ws(folder('a', 'b'), folder('b', 'a'), folder('c', 'b'));
    expect(subtree(w, 'a' as FolderId).map((f) => f.id)).toEqual(['a', 'b', 'c']);
    expect(heightOf(w, 'b' as FolderId)).toBe(2);
  });
});

describe('treeProblems', () => {
  it('names a self-parent and a two-folder cycle with a coded problem each', () => {
    const problems = treeProblems(
      ws(folder('a', 'a'), folder('b', 'c'), folder('c', 'b'), folder('d', null)).folders,
    );
    expect(problems.map((p) => p.code)).toEqual(['FOLDER_E006', 'FOLDER_E006']);
    expect(problems[0]?.message).toMatch(/a is its own parent/);
    expect(problems[1]?.message).toMatch(/b → c → b/);
  });

  it('accepts a tree, missing parents included', () => {
    expect(treeProblems(ws(folder('a', null), folder('b', 'a'), folder('c', 'x')).folders)).toEqual(
      [],
    );
  });
});

describe('withoutCycles', () => {
  it('moves the folder that closes each cycle to the top level and keeps the rest', () => {
    const fixed = withoutCycles([
      folder('a', 'a'),
      folder('b', 'c'),
      folder('c', 'b'),
      folder('d', 'b'),
    ]);
    expect(fixed.map((f) => [f.id, f.parentId])).toEqual([
      ['a', null],
      ['b', null],
      ['c', 'b'],
      ['d', 'b'],
    ]);
    expect(treeProblems(Object.fromEntries(fixed.map((f) => [f.id, f])))).toEqual([]);
  });
});
