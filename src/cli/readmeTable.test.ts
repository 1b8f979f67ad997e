import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './main.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The command names in the README's CLI table, in its order. */
function tableCommands(): string[] {
  return [...README.matchAll(/^\| `flopack ([a-z]+)[^`]*`/gm)].map((m) => m[1] ?? '');
}

describe('the README’s CLI table', () => {
  it('lists every command of `flopack --help`, in the same order, and no other', () => {
    expect(tableCommands()).toEqual(COMMANDS.map((c) => c.name));
  });
});
