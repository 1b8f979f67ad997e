import { describe, expect, it } from 'vitest';
import { deepFreeze, makeWorkspace } from '../../tests/builders.ts';
import { unwrap } from './errors.ts';
import {
  createFolder,
  deleteFolder,
  MAX_FOLDER_DEPTH,
  moveFolder,
  renameFolder,
} from './folders.ts';
import { createFlow } from './flows.ts';
import type { FolderId } from './ids.ts';
import { seededIds } from './ids.ts';
import type { Workspace } from './workspace.ts';
import { depthOf } from './workspace.ts';

function chain(levels: number): { ws: Workspace; ids: FolderId[] } {
  let ws = makeWorkspace().ws;
  const ids: FolderId[] = [Object.keys(ws.folders)[0] as FolderId];
  for (let i = 2; i <= levels; i++) {
    const made = unwrap(
      createFolder(ws, { name: `Level ${i}`, parentId: ids[ids.length - 1] ?? null }, seededIds(i)),
    );
    ws = made.workspace;
    ids.push(made.folder.id);
  }
  return { ws, ids };
}

describe('folders', () => {
  it('creates a subfolder under its parent without touching the input', () => {
    const { ws, folderId } = makeWorkspace();
    deepFreeze(ws);
    const made = unwrap(createFolder(ws, { name: 'Low risk', parentId: folderId }));
    expect(made.folder.parentId).toBe(folderId);
    expect(depthOf(made.workspace, made.folder.id)).toBe(2);
    expect(Object.keys(ws.folders)).toHaveLength(1);
  });

  it(`allows ${MAX_FOLDER_DEPTH} levels and refuses a sixth with a message`, () => {
    const { ws, ids } = chain(MAX_FOLDER_DEPTH);
    const r = createFolder(ws, { name: 'Too deep', parentId: ids[ids.length - 1] ?? null });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]?.code).toBe('FOLDER_E002');
      expect(r.problems[0]?.message).toContain('5 levels');
    }
  });

  it('refuses a blank, over-long or control-character name', () => {
    const { ws } = makeWorkspace();
    for (const name of ['   ', 'x'.repeat(201), 'bad\u0000name']) {
      const r = createFolder(ws, { name, parentId: null });
      expect(r.ok).toBe(false);
    }
  });

  it('refuses a second folder with the same name beside the first, ignoring case', () => {
    const { ws } = makeWorkspace();
    const r = createFolder(ws, { name: 'entity risk', parentId: null });
    expect(r.ok ? null : r.problems[0]?.code).toBe('FOLDER_E003');
  });

  it('renames a folder and keeps a hostile name as plain text', () => {
    const { ws, folderId } = makeWorkspace();
    const name = '<img src=x onerror=alert(1)> "Risk"';
    const next = unwrap(renameFolder(ws, folderId, name));
    expect(next.folders[folderId]?.name).toBe(name);
  });

  it('moves a folder with its subtree, and refuses a move into its own subfolder', () => {
    const { ws, ids } = chain(3);
    const [top, mid, leaf] = ids as [FolderId, FolderId, FolderId];
    const moved = unwrap(moveFolder(ws, leaf, null));
    expect(moved.folders[leaf]?.parentId).toBeNull();
    const cyc = moveFolder(ws, top, mid);
    expect(cyc.ok ? null : cyc.problems[0]?.code).toBe('FOLDER_E004');
  });

  it('refuses a move that would nest deeper than the limit', () => {
    const a = chain(4);
    let ws = a.ws;
    const other = unwrap(createFolder(ws, { name: 'Other', parentId: null }, seededIds(50)));
    ws = other.workspace;
    const sub = unwrap(createFolder(ws, { name: 'Sub', parentId: other.folder.id }, seededIds(51)));
    const r = moveFolder(sub.workspace, other.folder.id, a.ids[3] ?? null);
    expect(r.ok ? null : r.problems[0]?.code).toBe('FOLDER_E002');
  });

  it('refuses to delete a folder with flows unless asked, then deletes everything in it', () => {
    const { ws, folderId } = makeWorkspace();
    const withFlow = unwrap(createFlow(ws, folderId)).workspace;
    const refused = deleteFolder(withFlow, folderId);
    expect(refused.ok ? null : refused.problems[0]?.code).toBe('FOLDER_E005');
    const gone = unwrap(deleteFolder(withFlow, folderId, { recursive: true }));
    expect(Object.keys(gone.folders)).toHaveLength(0);
    expect(Object.keys(gone.flows)).toHaveLength(0);
  });
});
