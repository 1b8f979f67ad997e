/** The Inspector, in the right-hand drawer: edits the selected card. */
import { useEditor } from '../flow/editorContext.ts';
import { CardPanel } from './CardPanel.tsx';
import { pathKey, resolveCard } from './cardAt.ts';
import './inspector.css';

/** The inspector: the selected card's title, inputs, mappings and outputs, or a hint. */
export function Inspector() {
  const selection = useEditor((s) => s.selection);
  const readOnly = useEditor((s) => s.readOnly);
  const data = useEditor((s) => s.flow.data);
  const at = selection ? resolveCard(data, selection.path, selection.card) : null;
  return (
    <aside aria-label="Inspector" className="inspector">
      <div className="insp-bar">
        <span className="insp-bar-name">Inspector</span>
      </div>
      <div className="insp-body">
        {at ? (
          // A disabled fieldset turns every field inside read-only at once (viewers).
          <fieldset className="plain" disabled={readOnly !== null} title={readOnly ?? undefined}>
            <CardPanel key={`${pathKey(at.path)}/${at.card}`} at={at} />
          </fieldset>
        ) : (
          <p className="muted insp-hint-empty">
            {selection
              ? 'The selected card is no longer in this flow.'
              : 'Select a card on the canvas or in the outline to edit its title, inputs and mappings.'}
          </p>
        )}
      </div>
    </aside>
  );
}
