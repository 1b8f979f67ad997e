/** The card's inputs, grouped as the card groups them, each with its value and mapping. */
import { useId } from 'react';
import {
  handedInValues,
  inputSections,
  outsideSourceGroups,
  sourceGroups,
} from '../../model/cardForm.ts';
import { composeLabels, isCompose } from '../../model/compose.ts';
import { mappingInto } from '../../model/mapping.ts';
import type { CardAt } from './cardAt.ts';
import { itemRoute, takesItems } from '../../model/helperItem.ts';
import { InputRow } from './InputRow.tsx';
import { ItemRouteField } from './ItemRouteField.tsx';
import { ComposeEditor } from './ComposeEditor.tsx';

/** The "Inputs" section. */
export function InputsSection({ at }: { at: CardAt }) {
  const headingId = useId();
  const sections = inputSections(at.m);
  const sources = [...sourceGroups(at.scope, at.card), ...outsideSourceGroups(at.data, at.path)];
  const handed = handedInValues(at.data, at.path, at.m);
  // Compose's text and fields are edited together as text with pills (unless the text itself
  // is mapped from an earlier output).
  const composeIds = isCompose(at.m) ? composeLabels(at.m) : new Map<string, string>();
  const template = [...composeIds.keys()][0];
  const pills = template !== undefined && !mappingInto(at.scope, at.card, template);
  const shown = pills
    ? sections
        .map((s) => ({ ...s, fields: s.fields.filter((f) => !composeIds.has(f.id)) }))
        .filter((s) => s.fields.length > 0)
    : sections;
  return (
    <section className="insp-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Inputs</h3>
      {shown.length === 0 && handed.length === 0 && !pills && (
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
      {pills && <ComposeEditor key={at.card} at={at} sources={sources} />}
      {shown.map((s) => (
        <div key={s.title ?? ''} className="insp-group">
          {s.title && <h4>{s.title}</h4>}
          {s.fields.map((f) => (
            <InputRow key={f.id} at={at} field={f} sources={sources} />
          ))}
        </div>
      ))}
    </section>
  );
}
