/** One card in the inspector: header, title, and the editors its role needs. */
import { cardAppLabel } from '../../model/cardForm.ts';
import { isCallable, isDelegated, isNote } from '../../model/cardRoles.ts';
import { cardTitle } from '../../model/cards.ts';
import { flowKind } from '../../model/flows.ts';
import { inlineFlows } from '../../model/scope.ts';
import { scheduleSummary } from '../../model/schedule.ts';
import { armLabel } from '../../model/summary.ts';
import type { CardAt } from './cardAt.ts';
import { EventCardPanel } from './EventCardPanel.tsx';
import { InputsSection } from './InputsSection.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { OutputsSection } from './OutputsSection.tsx';
import { TitleField } from './TitleField.tsx';

/** The editors for one card. Keyed by card, so local drafts start afresh per card. */
export function CardPanel({ at }: { at: CardAt }) {
  const { m } = at;
  const isFlowEvent = at.path.length === 0 && (isDelegated(m) || isCallable(m));
  // Okta keeps the Helper Flow's "on-demand" text on a Scheduled Flow card: say the schedule.
  const schedule = isFlowEvent ? scheduleSummary(at.data) : null;
  const description = schedule ?? m.node.model.metadata.description;
  const arms = inlineFlows(m).map((e) => armLabel(m, e.group, e.slot.kind));
  return (
    <div className="insp-card">
      <header className="insp-head">
        <p className="insp-app">{cardAppLabel(m)}</p>
        <h2 className="insp-title">{isNote(m) ? 'Note' : cardTitle(m)}</h2>
        {description && !isNote(m) && <p className="insp-desc">{description}</p>}
      </header>
      {isNote(m) ? (
        <NoteEditor at={at} />
      ) : (
        <>
          <TitleField at={at} />
          {isFlowEvent ? (
            <EventCardPanel
              at={at}
              kind={isDelegated(m) ? 'delegated' : flowKind(at.data) === 'helper' ? 'helper' : null}
            />
          ) : (
            <>
              <InputsSection at={at} />
              {arms.length > 0 && (
                <p className="insp-note">
                  Holds {arms.join(', ')} — their cards are listed in the outline below this card.
                </p>
              )}
              <OutputsSection m={m} path={at.path} />
            </>
          )}
        </>
      )}
    </div>
  );
}
