import { describe, expect, it } from 'vitest';
import type { FolderDto, TreeDto } from '../dto.ts';
import { localTestApp } from '../../../tests/localTestApp.ts';

const { call, folder } = localTestApp();

describe('folders API', () => {
  it('creates folders and subfolders and lists them', async () => {
    const top = await folder('Entity Risk');
    const sub = await folder('Low', top.id);
    const tree = (await call<TreeDto>('GET', '/api/workspace')).json;
    expect(tree.folders.map((f) => [f.name, f.parentId])).toEqual([
      ['Entity Risk', null],
      ['Low', top.id],
    ]);
    expect(sub.parentId).toBe(top.id);
  });

  it('enforces the depth limit with a coded 422', async () => {
    let parent: string | null = null;
    for (let i = 1; i <= 5; i++) parent = (await folder(`L${i}`, parent)).id;
    const r = await call<{ code: string; message: string }>('POST', '/api/folders', {
      name: 'L6',
      parentId: parent,
    });
    expect(r.status).toBe(422);
    expect(r.json.code).toBe('FOLDER_E002');
  });

  it('renames, moves and refuses to delete a non-empty folder unless asked', async () => {
    const a = await folder('A');
    const b = await folder('B');
    expect(
      (await call<FolderDto>('PATCH', `/api/folders/${b.id}`, { name: 'B2', parentId: a.id })).json,
    ).toMatchObject({ name: 'B2', parentId: a.id });
    const refused = await call<{ code: string }>('DELETE', `/api/folders/${a.id}`);
    expect(refused.status).toBe(422);
    expect(refused.json.code).toBe('FOLDER_E005');
    await call('POST', '/api/flows', { folderId: b.id });
    expect((await call('DELETE', `/api/folders/${a.id}?recursive=true`)).json).toEqual({
      folders: 2,
      flows: 1,
    });
    expect((await call<TreeDto>('GET', '/api/workspace')).json).toEqual({ folders: [], flows: [] });
  });

  it('answers unknown ids with 404 and bad bodies with 400', async () => {
    expect((await call('PATCH', '/api/folders/nope', { name: 'x' })).status).toBe(404);
    expect((await call('POST', '/api/folders', undefined, '{not json')).status).toBe(400);
    expect((await call('POST', '/api/folders', { name: 42 })).status).toBe(400);
    expect((await call('GET', '/api/nowhere')).status).toBe(404);
  });
});
