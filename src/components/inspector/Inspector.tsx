/** The right-hand panel that edits the selected card. */
import { useId, useState } from 'react';
import { useEditor } from '../flow/editorContext.ts';
import { CardPanel } from './CardPanel.tsx';
import { pathKey, resolveCard } from './cardAt.ts';
import './inspector.css';

/** The inspector: the selected card's title, inputs, mappings and outputs, or a hint. */
export function Inspector() {
  const selection = useEditor((s) => s.selection);
  const readOnly = useEditor((s) => s.readOnly);
  const data = useEditor((s) => s.flow.data);
  const [open, setOpen] = useState(true);
  const bodyId = useId();
  const at = selection ? resolveCard(data, selection.path, selection.card) : null;
  return (
    <aside aria-label="Inspector" className={open ? 'inspector' : 'inspector inspector-closed'}>
      <div className="insp-bar">
        {open && <span className="insp-bar-name">Inspector</span>}
        <button
          type="button"
          className="icon"
          aria-expanded={open}
          aria-controls={bodyId}
          aria-label={open ? 'Hide inspector' : 'Show inspector'}
          title={open ? 'Hide inspector' : 'Show inspector'}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '⟩' : '⟨'}</span>
        </button>
      </div>
      {open && (
        <div id={bodyId} className="insp-body">
          {at ? (
            // A disabled fieldset turns every field inside read-only at once (viewers).
            <fieldset className="plain" disabled={readOnly !== null} title={readOnly ?? undefined}>
              <CardPanel key={`${pathKey(at.path)}/${at.card}`} at={at} />
            </fieldset>
          ) : (
            <p className="muted insp-hint-empty">
              {selection
                ? 'The selected card is no longer in this flow.'
                : 'Select a card in the outline or on the canvas to edit its title, inputs and mappings.'}
            </p>
          )}
        </div>
      )}
    </aside>
  );
}
