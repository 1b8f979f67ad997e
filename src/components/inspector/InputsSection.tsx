/** The card's inputs, grouped as the card groups them, each with its value and mapping. */
import { useId, useState } from 'react';
import {
  handedInValues,
  inputSections,
  outsideSourceGroups,
  sourceGroups,
} from '../../model/cardForm.ts';
import { addComposeField, isCompose } from '../../model/compose.ts';
import { ok } from '../../model/errors.ts';
import type { CardAt } from './cardAt.ts';
import { itemRoute, takesItems } from '../../model/helperItem.ts';
import { InputRow } from './InputRow.tsx';
import { ItemRouteField } from './ItemRouteField.tsx';
import { firstMessage, useFlowEdit } from './useFlowEdit.ts';

/** The "Inputs" section. */
export function InputsSection({ at }: { at: CardAt }) {
  const headingId = useId();
  const sections = inputSections(at.m);
  const sources = [...sourceGroups(at.scope, at.card), ...outsideSourceGroups(at.data, at.path)];
  const handed = handedInValues(at.data, at.path, at.m);
  return (
    <section className="insp-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Inputs</h3>
      {sections.length === 0 && handed.length === 0 && (
        <p className="muted">This card has no inputs to set.</p>
      )}
      {handed.length > 0 && (
        <div className="insp-group">
          <h4>Handed into its lanes</h4>
          <ul className="insp-handed" aria-label="Values handed into its lanes">
            {handed.map((h) => (
              <li key={h.id}>
                <span className="insp-handed-name">{h.label}</span> ← {h.source}
              </li>
            ))}
          </ul>
          <p className="insp-hint">
            Map an earlier card’s output into a card inside a lane to hand it in.
          </p>
        </div>
      )}
      {takesItems(at.m) && <ItemRouteField key={itemRoute(at.m)?.path ?? ''} at={at} />}
      {sections.map((s) => (
        <div key={s.title ?? ''} className="insp-group">
          {s.title && <h4>{s.title}</h4>}
          {s.fields.map((f) => (
            <InputRow key={f.id} at={at} field={f} sources={sources} />
          ))}
        </div>
      ))}
      {isCompose(at.m) && <ComposeFieldButton at={at} />}
    </section>
  );
}

function ComposeFieldButton({ at }: { at: CardAt }) {
  const apply = useFlowEdit();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="insp-field">
      <button
        type="button"
        onClick={() => {
          const problems = apply((d) => {
            const r = addComposeField(d, at.card, at.path);
            return r.ok ? ok(r.value.data) : r;
          });
          setProblem(firstMessage(problems));
        }}
      >
        Insert field
      </button>
      <p className="insp-hint">
        Adds a field to the end of the text; map an earlier card’s output into it below.
      </p>
      {problem && (
        <p role="alert" className="insp-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
