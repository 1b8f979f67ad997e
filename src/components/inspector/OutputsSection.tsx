/** The card's outputs: what later cards can map from. */
import { useId } from 'react';
import { outputSections, typeLabel } from '../../model/cardForm.ts';
import type { RawMethod } from '../../model/raw.ts';

/** The "Outputs" section, grouped like the card groups them. */
export function OutputsSection({ m }: { m: RawMethod }) {
  const headingId = useId();
  const sections = outputSections(m);
  return (
    <section className="insp-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Outputs</h3>
      {sections.length === 0 && <p className="muted">This card has no outputs.</p>}
      {sections.map((s) => (
        <div key={s.title ?? ''} className="insp-group">
          {s.title && <h4>{s.title}</h4>}
          <ul className="insp-outputs">
            {s.fields.map((f) => (
              <li key={f.id}>
                <span>{f.label}</span>
                <span className="insp-type">{typeLabel(f.type, f.collection)}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
