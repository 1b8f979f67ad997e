import { describe, expect, it } from 'vitest';
import { mutatePack, twoFolderPack } from '../../../tests/hostile.ts';
import { reviewMarkdown } from './markdown.ts';
import { reviewFile } from './review.ts';

describe('review Markdown of a hostile rename', () => {
  it('shows a URL in a flow name as text, not as a link', () => {
    const pack = twoFolderPack();
    const after = mutatePack(pack.text, (d) => {
      const f = d.data.flos[pack.flow];
      if (f) f.name = 'Pay at https://evil.example/login or www.evil.example';
    });
    const { markdown } = reviewMarkdown([reviewFile('flows/x.flopack', pack.text, after)]);
    expect(markdown.replace(/\u200b/g, '')).toContain('https://evil.example/login');
    expect(markdown).not.toMatch(/https:\/\/evil/);
    expect(markdown).not.toMatch(/www\.evil/);
  });
});
