/**
 * A flow's event card: Delegated Flow (Okta User ID, Caller, Execution ID and the admin's
 * form fields) or Helper Flow (its context and parameters).
 */
import type { ReactNode } from 'react';
import { useId } from 'react';
import { typeLabel } from '../../model/cardForm.ts';
import { viewField } from '../../model/cards.ts';
import type { CardAt } from './cardAt.ts';
import { EventInputsEditor } from './EventInputsEditor.tsx';

interface Props {
  at: CardAt;
  /** Which inputs editor to show; null for events that take none (Scheduled Flow). */
  kind: 'delegated' | 'helper' | null;
}

/** The fixed outputs of the event and the editor of its inputs. */
export function EventCardPanel({ at, kind }: Props) {
  const headingId = useId();
  const fixed = Object.values(at.m.node.model.outputs.data)
    .map(viewField)
    .filter((f) => !f.custom && !f.hidden);
  const userId = fixed.findIndex((f) => f.key === 'okta-user-id');
  return (
    <>
      <section className="insp-section" aria-labelledby={headingId}>
        <h3 id={headingId}>Outputs</h3>
        <p className="insp-hint">Every run provides these; later cards map them.</p>
        <ul className="insp-outputs">
          {fixed.map((f, i) => (
            <FixedOutput
              key={f.id}
              label={f.label}
              type={typeLabel(f.type, f.collection)}
              after={kind === 'delegated' && i === userId ? <CallerOutput /> : null}
            />
          ))}
          {kind === 'delegated' && userId < 0 && <CallerOutput />}
        </ul>
      </section>
      {kind && <EventInputsEditor data={at.data} kind={kind} />}
    </>
  );
}

function FixedOutput({ label, type, after }: { label: string; type: string; after: ReactNode }) {
  return (
    <>
      <li>
        <span>{label}</span>
        <span className="insp-type">{type}</span>
      </li>
      {after}
    </>
  );
}

/** Caller is filled in by the Okta product that runs the flow and is not in exports. */
function CallerOutput() {
  return (
    <li className="insp-caller">
      <span>Caller</span>
      <span className="insp-type">Object</span>
      <p className="insp-hint">
        Supplied at run time by the calling Okta product (for example an entity risk policy). It is
        not stored in exports, so it cannot be mapped here.
      </p>
    </li>
  );
}
