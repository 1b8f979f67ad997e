/**
 * The Markdown of a note, parsed into a small tree of blocks and inline spans — the subset
 * Okta's notes use (headings, paragraphs, lists, bold, italic, code, links). Raw HTML is never
 * interpreted: it stays text, and links keep only http(s) and mailto targets, so a renderer
 * that builds elements from this tree cannot be made to inject markup or script.
 */

/** An inline span of a note. */
export type NoteInline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em'; children: NoteInline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: NoteInline[] };

/** A block of a note. */
export type NoteBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; children: NoteInline[] }
  | { kind: 'paragraph'; children: NoteInline[] }
  | { kind: 'list'; ordered: boolean; items: NoteInline[][] };

/** The longest note text parsed (a note past it is cut, so parsing stays linear and small). */
export const NOTE_MARKDOWN_LIMIT = 20_000;

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

/** Parses inline Markdown; unmatched markers stay as text. */
export function parseInline(src: string, depth = 0): NoteInline[] {
  const out: NoteInline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    if (rest.startsWith('`')) {
      const end = src.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ kind: 'code', text: src.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    const strong = rest.startsWith('**') ? '**' : rest.startsWith('__') ? '__' : null;
    if (strong && depth < 4) {
      const end = src.indexOf(strong, i + 2);
      if (end > i + 2) {
        flush();
        out.push({ kind: 'strong', children: parseInline(src.slice(i + 2, end), depth + 1) });
        i = end + 2;
        continue;
      }
    }
    const em = rest[0] === '*' || rest[0] === '_' ? rest[0] : null;
    if (em && depth < 4 && rest[1] !== ' ' && rest[1] !== undefined) {
      const end = src.indexOf(em, i + 1);
      if (end > i + 1) {
        flush();
        out.push({ kind: 'em', children: parseInline(src.slice(i + 1, end), depth + 1) });
        i = end + 1;
        continue;
      }
    }
    if (rest[0] === '[') {
      const m = /^\[([^\]]*)\]\(([^)\s]*)\)/.exec(rest);
      if (m) {
        flush();
        const label = parseInline(m[1] ?? '', depth + 1);
        const href = m[2] ?? '';
        if (SAFE_HREF.test(href)) out.push({ kind: 'link', href, children: label });
        else out.push(...label);
        i += m[0].length;
        continue;
      }
    }
    text += rest[0];
    i++;
  }
  flush();
  return out;
}

interface OpenList {
  ordered: boolean;
  items: NoteInline[][];
}

/** Parses a note's Markdown into blocks. */
export function parseNoteMarkdown(markdown: string): NoteBlock[] {
  const lines = markdown.slice(0, NOTE_MARKDOWN_LIMIT).replace(/\r\n?/g, '\n').split('\n');
  const blocks: NoteBlock[] = [];
  let para: string[] = [];
  // In an object: TypeScript does not follow a `let` the closures below reset.
  const open: { list: OpenList | null } = { list: null };
  const endPara = () => {
    if (para.length) blocks.push({ kind: 'paragraph', children: parseInline(para.join(' ')) });
    para = [];
  };
  const endList = () => {
    if (open.list) blocks.push({ kind: 'list', ...open.list });
    open.list = null;
  };
  for (const raw of lines) {
    const line = raw.trim();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
    if (!line) {
      endPara();
      endList();
    } else if (heading) {
      endPara();
      endList();
      const level = Math.min(3, heading[1]?.length ?? 1) as 1 | 2 | 3;
      blocks.push({ kind: 'heading', level, children: parseInline(heading[2] ?? '') });
    } else if (bullet || numbered) {
      endPara();
      const ordered = numbered !== null;
      let current = open.list;
      if (current === null || current.ordered !== ordered) {
        endList();
        current = { ordered, items: [] };
        open.list = current;
      }
      current.items.push(parseInline((bullet ?? numbered)?.[1] ?? ''));
    } else {
      endList();
      para.push(line);
    }
  }
  endPara();
  endList();
  return blocks;
}
