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
import { ScheduleEditor } from './ScheduleEditor.tsx';

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
  // Cards exported before Okta offered Caller lack the field: say what it would carry.
  const noCaller = kind === 'delegated' && !fixed.some((f) => f.key === CALLER_KEY);
  return (
    <>
      {at.data.scheduled && <ScheduleEditor data={at.data} />}
      <section className="insp-section" aria-labelledby={headingId}>
        <h3 id={headingId}>Outputs</h3>
        <p className="insp-hint">Every run provides these; later cards map them.</p>
        <ul className="insp-outputs">
          {fixed.map((f, i) => (
            <FixedOutput
              key={f.id}
              label={f.label}
              type={typeLabel(f.type, f.collection)}
              hint={kind === 'delegated' ? DELEGATED_HINTS[f.key] : undefined}
              after={noCaller && i === userId ? <MissingCaller /> : null}
            />
          ))}
          {noCaller && userId < 0 && <MissingCaller />}
        </ul>
      </section>
      {kind && <EventInputsEditor data={at.data} kind={kind} />}
    </>
  );
}

const CALLER_KEY = 'caller';

/** What the Delegated Flow's fixed outputs carry when an Okta product runs the flow. */
const DELEGATED_HINTS: Record<string, string> = {
  'okta-user-id': 'The user the flow acts on: the at-risk user when an entity risk policy runs it.',
  [CALLER_KEY]:
    'Context from the Okta product that runs the flow (for example an entity risk policy).',
};

function FixedOutput({
  label,
  type,
  hint,
  after,
}: {
  label: string;
  type: string;
  hint: string | undefined;
  after: ReactNode;
}) {
  return (
    <>
      <li>
        <span>{label}</span>
        <span className="insp-type">{type}</span>
        {hint && <p className="insp-hint">{hint}</p>}
      </li>
      {after}
    </>
  );
}

/** A Delegated Flow card exported before Okta offered Caller: nothing to map from. */
function MissingCaller() {
  return (
    <li className="insp-caller">
      <span>Caller</span>
      <span className="insp-type">Object</span>
      <p className="insp-hint">
        This card was exported before Okta offered Caller (context from the calling Okta product),
        so it has no Caller to map; a new Delegated Flow card has one.
      </p>
    </li>
  );
}
