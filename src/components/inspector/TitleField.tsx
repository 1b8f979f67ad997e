/** The card's title, renamed as the user types (a typing burst is one undo step). */
import { useId, useState } from 'react';
import { cardTitle, setCardTitle } from '../../model/cards.ts';
import type { CardAt } from './cardAt.ts';
import { useDraft } from './useDraft.ts';
import { firstMessage, useFlowEdit } from './useFlowEdit.ts';

/** The "Title" field. */
export function TitleField({ at }: { at: CardAt }) {
  const apply = useFlowEdit();
  const title = cardTitle(at.m);
  const [draft, setDraft] = useDraft(title);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  return (
    <div className="insp-field">
      <label htmlFor={id} className="insp-label">
        Title
      </label>
      <input
        id={id}
        value={draft}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => {
          const text = e.target.value;
          const problems = apply(
            (d) => setCardTitle(d, at.card, text, at.path),
            `title:${at.card}`,
          );
          setProblem(firstMessage(problems));
          setDraft(text, problems ? title : text.trim());
        }}
        onBlur={() => {
          if (problem === null) return;
          setProblem(null);
          setDraft(title, title);
        }}
      />
      {problem && (
        <p id={`${id}-problem`} role="alert" className="insp-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
