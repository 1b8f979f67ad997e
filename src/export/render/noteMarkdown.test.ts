import { describe, expect, it } from 'vitest';
import { parseInline, parseNoteMarkdown } from './noteMarkdown.ts';

describe('note Markdown', () => {
  it('reads headings, paragraphs, lists, bold, italic, code and links', () => {
    expect(
      parseNoteMarkdown(
        '# Why\nRemoves **every** group but *Everyone*.\n\n- `OKTA_GROUP` only\n- see [docs](https://help.okta.com)',
      ),
    ).toEqual([
      { kind: 'heading', level: 1, children: [{ kind: 'text', text: 'Why' }] },
      {
        kind: 'paragraph',
        children: [
          { kind: 'text', text: 'Removes ' },
          { kind: 'strong', children: [{ kind: 'text', text: 'every' }] },
          { kind: 'text', text: ' group but ' },
          { kind: 'em', children: [{ kind: 'text', text: 'Everyone' }] },
          { kind: 'text', text: '.' },
        ],
      },
      {
        kind: 'list',
        ordered: false,
        items: [
          [
            { kind: 'code', text: 'OKTA_GROUP' },
            { kind: 'text', text: ' only' },
          ],
          [
            { kind: 'text', text: 'see ' },
            {
              kind: 'link',
              href: 'https://help.okta.com',
              children: [{ kind: 'text', text: 'docs' }],
            },
          ],
        ],
      },
    ]);
  });

  it('keeps raw HTML as text and drops links to script', () => {
    expect(parseNoteMarkdown('<img src=x onerror=alert(1)>')).toEqual([
      { kind: 'paragraph', children: [{ kind: 'text', text: '<img src=x onerror=alert(1)>' }] },
    ]);
    expect(parseInline('[click](javascript:alert(1))')).toEqual([
      { kind: 'text', text: 'click' },
      { kind: 'text', text: ')' },
    ]);
  });

  it('leaves unmatched markers as they are', () => {
    expect(parseInline('2 * 3 and **open')).toEqual([{ kind: 'text', text: '2 * 3 and **open' }]);
  });
});
