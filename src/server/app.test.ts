import { describe, expect, it } from 'vitest';
import type { TreeDto } from './dto.ts';
import { localTestApp } from '../../tests/localTestApp.ts';

const studio = localTestApp();

describe('persistence', () => {
  it('keeps everything in the SQLite file across a reopen', async () => {
    const f = await studio.folder('Persisted');
    await studio.call('POST', '/api/flows', { folderId: f.id, name: 'Kept' });
    await studio.reopen();
    const tree = (await studio.call<TreeDto>('GET', '/api/workspace')).json;
    expect(tree.flows.map((x) => x.name)).toEqual(['Kept']);
  });
});
