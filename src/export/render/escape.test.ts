import { describe, expect, it } from 'vitest';
import { escapeCell, escapeMarkdown, escapeMermaid, escapeXml, slug } from './escape.ts';

describe('escaping text from a flopack', () => {
  it('turns XML specials into entities and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0001`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it('keeps Markdown text on one line with no HTML, emphasis, links, code, tables or math', () => {
    expect(escapeMarkdown('a\n\n<b>*x*</b> [l](u) `c` | $m$ ~s~ _u_ \\')).toBe(
      'a &lt;b&gt;\\*x\\*&lt;/b&gt; \\[l\\](u) \\`c\\` \\| \\$m\\$ \\~s\\~ \\_u\\_ \\\\',
    );
  });

  it('breaks mentions and issue references with a zero-width space', () => {
    expect(escapeMarkdown('@admins #12')).toBe('@\u200badmins #\u200b12');
  });

  it('keeps bare URLs in names from becoming live links', () => {
    const out = escapeMarkdown('Visit https://evil.example/x or www.evil.example now');
    expect(out).not.toMatch(/https:\/\//);
    expect(out).not.toMatch(/www\./);
    expect(out.replace(/\u200b/g, '')).toBe('Visit https://evil.example/x or www.evil.example now');
  });

  it('escapes what would start a list only when the text starts a line', () => {
    expect(escapeMarkdown('- a')).toBe('- a');
    expect(escapeMarkdown('- a', { lineStart: true })).toBe('\\- a');
    expect(escapeMarkdown('1. a', { lineStart: true })).toBe('1\\. a');
  });

  it('shows an empty table cell as a dash', () => {
    expect(escapeCell('  ')).toBe('—');
    expect(escapeCell('a|b')).toBe('a\\|b');
  });

  it('writes Mermaid label specials as entity codes, once each', () => {
    expect(escapeMermaid('"x" <y> & #1; `z` | 100% \\')).toBe(
      '#quot;x#quot; #lt;y#gt; #amp; #35;1#59; #96;z#96; #124; 100#37; #92;',
    );
  });

  it('makes slugs of letters, digits and dashes', () => {
    expect(slug('[1.0] Start Transfer')).toBe('1-0-start-transfer');
    expect(slug('Ünïcode — naïve')).toBe('unicode-naive');
    expect(slug('<>')).toBe('flow');
  });
});
