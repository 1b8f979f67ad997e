import { describe, expect, it } from 'vitest';
import { outputHandle, parseOutputHandle } from './childHandles.ts';

describe('output handle ids', () => {
  it('reads back a whole output and a nested child field', () => {
    expect(parseOutputHandle(outputHandle('qStU0Jf-EU-'))).toEqual({
      output: 'qStU0Jf-EU-',
      field: [],
    });
    expect(outputHandle('abc', ['Profile', 'Name'])).toBe('out:abc/Profile/Name');
    expect(parseOutputHandle(outputHandle('abc', ['Profile', 'Name']))).toEqual({
      output: 'abc',
      field: ['Profile', 'Name'],
    });
  });

  it('keeps a key holding a slash or a percent sign as one step', () => {
    const id = outputHandle('abc', ['a/b', '100%']);
    expect(parseOutputHandle(id)).toEqual({ output: 'abc', field: ['a/b', '100%'] });
  });

  it('is null for input handles, empty ids and malformed escapes', () => {
    expect(parseOutputHandle('in:abc')).toBeNull();
    expect(parseOutputHandle('out:')).toBeNull();
    expect(parseOutputHandle(null)).toBeNull();
    expect(parseOutputHandle('out:abc/%E0%A4%A')).toBeNull();
  });
});
