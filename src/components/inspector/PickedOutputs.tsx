/**
 * The outputs an author picks on an extensible card (Object – Get Multiple): each is a key or
 * dotted path of the input object, written as Okta writes it (`ID`, `Type`, `Profile.Name`).
 */
import { useId, useState } from 'react';
import { typeLabel } from '../../model/cardForm.ts';
import { addCustomOutput, removeCustomOutput } from '../../model/customOutputs.ts';
import { ok } from '../../model/errors.ts';
import type { CardId, FieldId } from '../../model/ids.ts';
import type { ScopePath } from '../../model/scope.ts';
import { firstMessage, useFlowEdit } from './useFlowEdit.ts';

const TYPES = ['string', 'number', 'boolean', 'Date', 'object'];

/** A Remove button for one picked output. */
export function RemovePickedOutput({
  card,
  output,
  label,
  path,
  onProblem,
}: {
  card: CardId;
  output: FieldId;
  label: string;
  path: ScopePath;
  onProblem: (message: string | null) => void;
}) {
  const apply = useFlowEdit();
  return (
    <button
      type="button"
      className="danger-quiet"
      aria-label={`Remove output ${label}`}
      onClick={() =>
        onProblem(firstMessage(apply((d) => removeCustomOutput(d, card, output, path))))
      }
    >
      Remove
    </button>
  );
}

/** The "Add field" form under an extensible card's outputs. */
export function AddPickedOutput({
  card,
  path,
  onProblem,
}: {
  card: CardId;
  path: ScopePath;
  onProblem: (message: string | null) => void;
}) {
  const apply = useFlowEdit();
  const [key, setKey] = useState('');
  const [type, setType] = useState('string');
  const id = useId();
  return (
    <form
      className="insp-add"
      aria-label="Add field"
      onSubmit={(e) => {
        e.preventDefault();
        const problems = apply((d) => {
          const r = addCustomOutput(d, card, { key, type }, path);
          return r.ok ? ok(r.value.data) : r;
        });
        onProblem(firstMessage(problems));
        if (!problems) setKey('');
      }}
    >
      <div className="insp-field">
        <label htmlFor={`${id}-key`} className="insp-label">
          Key
        </label>
        <input
          id={`${id}-key`}
          value={key}
          placeholder="Profile.Name"
          aria-describedby={`${id}-hint`}
          onChange={(e) => setKey(e.target.value)}
        />
      </div>
      <div className="insp-field">
        <label htmlFor={`${id}-type`} className="insp-label">
          Type
        </label>
        <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value)}>
          {TYPES.map((t) => (
            <option key={t} value={t}>
              {typeLabel(t, false)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Add field</button>
      <p id={`${id}-hint`} className="insp-hint">
        A key of the input object, or a dotted path into it (Profile.Name).
      </p>
    </form>
  );
}
