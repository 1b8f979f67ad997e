/** A note's title and Markdown text. */
import { useId, useState } from 'react';
import type { NoteText } from '../../model/cards.ts';
import { noteText, setNoteText } from '../../model/cards.ts';
import { ok } from '../../model/errors.ts';
import { cardIn, scopeAt } from '../../model/scope.ts';
import type { CardAt } from './cardAt.ts';
import { firstMessage, useFlowEdit } from './useFlowEdit.ts';

/** Title and text fields of a note; typing in either is one undo step per burst. */
export function NoteEditor({ at }: { at: CardAt }) {
  const apply = useFlowEdit();
  const note = noteText(at.m);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  const change = (patch: Partial<NoteText>) => {
    const problems = apply((d) => {
      const scope = scopeAt(d, at.path);
      const m = scope && cardIn(scope, at.card);
      if (!m) return ok(d);
      return setNoteText(d, at.card, { ...noteText(m), ...patch }, at.path);
    }, `note:${at.card}`);
    setProblem(firstMessage(problems));
  };

  return (
    <section className="insp-section" aria-label="Note">
      <div className="insp-field">
        <label htmlFor={`${id}-title`} className="insp-label">
          Title
        </label>
        <input
          id={`${id}-title`}
          value={note.title}
          onChange={(e) => change({ title: e.target.value })}
        />
      </div>
      <div className="insp-field">
        <label htmlFor={`${id}-text`} className="insp-label">
          Text (Markdown)
        </label>
        <textarea
          id={`${id}-text`}
          rows={8}
          value={note.markdown}
          onChange={(e) => change({ markdown: e.target.value })}
        />
      </div>
      {problem && (
        <p role="alert" className="insp-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
