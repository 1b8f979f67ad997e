/** One input: its label, a value editor fitting its type, and where it is mapped from. */
import { useId, useState } from 'react';
import type { SourceGroup } from '../../model/cardForm.ts';
import { sourceText, typeLabel } from '../../model/cardForm.ts';
import type { FieldView } from '../../model/cards.ts';
import { setInputValue } from '../../model/cards.ts';
import { mappingInto, unmapField } from '../../model/mapping.ts';
import type { Json } from '../../model/raw.ts';
import { editorKind } from '../../model/valueText.ts';
import { itemRoute } from '../../model/helperItem.ts';
import { itemText } from '../../model/summary.ts';
import type { CardAt } from './cardAt.ts';
import { HelperFlowField } from './HelperFlowField.tsx';
import { TableSelect, chooseTableOp } from '../workspace/TableSelect.tsx';
import { MapControl } from './MapControl.tsx';
import { firstMessage, useFlowEdit } from './useFlowEdit.ts';
import { ValueEditor } from './ValueEditor.tsx';

interface Props {
  at: CardAt;
  field: FieldView;
  sources: SourceGroup[];
}

/** An input row of the inspector. */
export function InputRow({ at, field, sources }: Props) {
  const apply = useFlowEdit();
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const kind = editorKind(field);
  const mapping = mappingInto(at.scope, at.card, field.id);
  const route = itemRoute(at.m);
  const item = route?.field === field.id ? route : null;
  // Card options are chosen, not mapped; flows are picked by name; the item is the item.
  const mappable = !field.option && kind !== 'flow' && item === null;
  const problemId = `${id}-problem`;
  const hintId = `${id}-hint`;
  const describedBy =
    [problem ? problemId : null, field.description ? hintId : null].filter(Boolean).join(' ') ||
    undefined;

  const setValue = (value: Json, burst?: string): boolean => {
    const problems = apply((d) => setInputValue(d, at.card, field.id, value, at.path), burst);
    setProblem(firstMessage(problems));
    return problems === null;
  };

  return (
    <div className={mapping ? 'insp-field insp-input is-mapped' : 'insp-field insp-input'}>
      <div className="insp-label-row">
        {kind === 'file' ? (
          <span id={id} className="insp-label">
            {field.label}
          </span>
        ) : (
          <label htmlFor={id} className="insp-label">
            {field.label}
          </label>
        )}
        {field.required && (
          <span className="insp-required" aria-hidden="true" title="Required">
            *
          </span>
        )}
        <span className="insp-spacer" />
        <span className="insp-type">{typeLabel(field.type, field.collection)}</span>
      </div>
      {mapping && (
        <p className="insp-mapped">
          <span className="insp-source">← {sourceText(at.data, at.path, mapping)}</span>
          <button
            type="button"
            aria-label={`Unmap ${field.label}`}
            onClick={() => {
              const problems = apply((d) =>
                unmapField(d, { card: at.card, input: field.id }, at.path),
              );
              setProblem(firstMessage(problems));
            }}
          >
            Unmap
          </button>
        </p>
      )}
      {item && <p className="insp-mapped insp-source">← {itemText(item.path)}</p>}
      {item ? null : kind === 'flow' ? (
        <HelperFlowField
          id={id}
          field={field}
          at={at}
          onCommit={(v) => setValue(v)}
          onProblem={setProblem}
        />
      ) : field.key === 'stash' && field.group === 'parameters' && !mapping ? (
        <TableSelect
          id={id}
          value={typeof field.value === 'string' ? field.value : ''}
          onChoose={(t) => setProblem(firstMessage(apply(chooseTableOp(at.card, t, at.path))))}
        />
      ) : kind === 'file' ? (
        <p className="insp-hint">Files come from an earlier card — map one below.</p>
      ) : (
        <ValueEditor
          id={id}
          field={field}
          value={mapping ? null : field.value}
          mapped={mapping !== undefined}
          invalid={problem !== null}
          describedBy={describedBy}
          burst={`input:${at.card}${field.id}`}
          onCommit={setValue}
          onProblem={setProblem}
        />
      )}
      {mappable && (
        <MapControl
          at={at}
          field={field}
          sources={sources}
          mapping={mapping}
          onProblem={setProblem}
        />
      )}
      {problem && (
        <p id={problemId} role="alert" className="insp-problem">
          {problem}
        </p>
      )}
      {field.description && (
        <p id={hintId} className="insp-hint">
          {field.description}
        </p>
      )}
    </div>
  );
}
