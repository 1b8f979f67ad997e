import { describe, expect, it } from 'vitest';
import { mutatePack, twoFolderPack } from '../../../tests/hostile.ts';
import { readFlopack } from './read.ts';

describe('reading a flopack whose folders are not a tree', () => {
  const pack = twoFolderPack();

  it('reads the well-formed pack', () => {
    expect(readFlopack(pack.text).ok).toBe(true);
  });

  it('refuses a folder whose path names itself with FLOPACK_E022', () => {
    const text = mutatePack(pack.text, (d) => {
      const a = d.data.groups[pack.a];
      if (a) a.data.path = pack.a;
    });
    const r = readFlopack(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.code)).toContain('FLOPACK_E022');
  });

  it('refuses folders that are each other’s parent with FLOPACK_E022', () => {
    const text = mutatePack(pack.text, (d) => {
      const a = d.data.groups[pack.a];
      if (a) a.data.path = pack.b;
    });
    const r = readFlopack(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]?.code).toBe('FLOPACK_E022');
      expect(r.problems[0]?.message).toMatch(/each other's parents/);
    }
  });
});
