/** A note's Markdown as elements, built from the parsed tree: no HTML string is ever injected. */
import { memo, useMemo } from 'react';
import type { NoteInline } from '../../export/render/noteMarkdown.ts';
import { parseNoteMarkdown } from '../../export/render/noteMarkdown.ts';

function Inline({ spans }: { spans: NoteInline[] }) {
  return spans.map((s, i) => {
    switch (s.kind) {
      case 'text':
        return s.text;
      case 'code':
        return <code key={i}>{s.text}</code>;
      case 'strong':
        return (
          <strong key={i}>
            <Inline spans={s.children} />
          </strong>
        );
      case 'em':
        return (
          <em key={i}>
            <Inline spans={s.children} />
          </em>
        );
      case 'link':
        return (
          <a key={i} href={s.href} target="_blank" rel="noopener noreferrer nofollow">
            <Inline spans={s.children} />
          </a>
        );
    }
  });
}

/** Renders a note's Markdown (headings, paragraphs, lists, emphasis, code, safe links). */
export const NoteMarkdown = memo(function NoteMarkdown({ markdown }: { markdown: string }) {
  const blocks = useMemo(() => parseNoteMarkdown(markdown), [markdown]);
  return (
    <div className="note-md">
      {blocks.map((b, i) => {
        if (b.kind === 'heading') {
          const H = b.level === 1 ? 'h4' : b.level === 2 ? 'h5' : 'h6';
          return (
            <H key={i}>
              <Inline spans={b.children} />
            </H>
          );
        }
        if (b.kind === 'list') {
          const L = b.ordered ? 'ol' : 'ul';
          return (
            <L key={i}>
              {b.items.map((item, k) => (
                <li key={k}>
                  <Inline spans={item} />
                </li>
              ))}
            </L>
          );
        }
        return (
          <p key={i}>
            <Inline spans={b.children} />
          </p>
        );
      })}
    </div>
  );
});
