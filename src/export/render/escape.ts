/**
 * Escaping for everything taken from a flopack (flow, card and note names, values) before it
 * goes into SVG, HTML, Markdown or Mermaid. A flopack is untrusted input: a hostile name must
 * come out as text, never as markup, a table column, a code fence or a Mermaid statement.
 */

const XML: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// XML 1.0 forbids most C0 controls even as character references; drop them.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Escapes text for SVG/XML/HTML text content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => XML[c] ?? c);
}

/** Collapses line breaks and runs of white space to single spaces. */
export const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

// Characters Markdown (CommonMark/GFM) may read as syntax anywhere in a line: HTML specials
// become entities; the rest is ASCII punctuation, which CommonMark lets us backslash-escape
// (`$` starts GitHub math). `@` and `#` get a zero-width space after them, so a name can
// neither mention (notify) a user or team nor reference an issue.
const MD_CHARS = /[&<>@\\`*_{}[\]#!|~$]/g;
const MD_SPECIAL: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '@': '@\u200b',
  '#': '#\u200b',
};
// At the start of a line these begin a list item, a heading underline or a numbered item.
const MD_LEADING = /^(?:[-+=]|\d+(?=[.)]))/;

// GitHub turns bare `http://…`, `https://…` and `www.…` into live links (extended autolinks);
// a zero-width space after the scheme or `www` keeps the text readable but no longer a link.
const AUTOLINK = /\b(https?|ftp)(?=:\/\/)|\b(www)(?=\.)/gi;

/** Breaks GitHub's bare-URL autolinks in text taken from a file (names, values). */
export const unlink = (s: string): string => s.replace(AUTOLINK, (m) => `${m}\u200b`);

/**
 * Escapes text for inline Markdown (headings, list items, table cells, HTML block content):
 * one line, no raw HTML, no emphasis, links (bare URLs included), code spans, tables, math or
 * mentions.
 * `lineStart` also escapes what would begin a list item when the text starts a line.
 */
export function escapeMarkdown(s: string, opts: { lineStart?: boolean } = {}): string {
  const out = unlink(
    oneLine(s)
      .replace(XML_INVALID, '')
      .replace(MD_CHARS, (c) => MD_SPECIAL[c] ?? `\\${c}`),
  );
  return opts.lineStart
    ? out.replace(MD_LEADING, (c) => (/^\d/.test(c) ? `${c}\\` : `\\${c}`))
    : out;
}

/** Escapes text for a Markdown table cell (also safe inline); empty text becomes a dash. */
export function escapeCell(s: string): string {
  const out = escapeMarkdown(s);
  return out === '' ? '—' : out;
}

const MERMAID: Record<string, string> = {
  '"': '#quot;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '#': '#35;',
  '`': '#96;',
  '|': '#124;',
  '%': '#37;',
  ';': '#59;',
  '\\': '#92;',
};

/**
 * Escapes text for a quoted Mermaid label (`n1["…"]`): one line, and every character that
 * could end the string, start a comment (`%%`), a Markdown string (backtick), an entity or a
 * tag written as a Mermaid entity code (`#quot;`, `#lt;`, …).
 */
export function escapeMermaid(s: string): string {
  // Entity codes contain '#' and ';', so the replacement runs once over the original text.
  return oneLine(s)
    .replace(XML_INVALID, '')
    .replace(/["&<>#`|%;\\]/g, (c) => MERMAID[c] ?? c);
}

/** A slug of letters, digits and dashes, safe as an HTML id or a file name. */
export function slug(s: string, fallback = 'flow'): string {
  const out = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return out === '' ? fallback : out;
}
