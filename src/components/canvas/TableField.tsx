/** A card's table input on the canvas: the table by name, chosen from the workspace's tables. */
import { useContext } from 'react';
import type { CardData } from '../../client/canvas/project.ts';
import type { FieldLine } from '../../model/summary.ts';
import { TableSelect, chooseTableOp } from '../workspace/TableSelect.tsx';
import { useFlowEdit } from '../inspector/useFlowEdit.ts';
import { CardActionsContext } from './cardActions.ts';

/** The inline table select of a card row. */
export function TableField({ data, field }: { data: CardData; field: FieldLine }) {
  const actions = useContext(CardActionsContext);
  const apply = useFlowEdit();
  return (
    <TableSelect
      className="nodrag cv-inline"
      label={`${field.label} of ${data.summary.title}`}
      value={field.text}
      readOnly={actions?.readOnly ?? null}
      // The row is a table input, so choosing cannot be refused for want of one.
      onChoose={(t) => apply(chooseTableOp(data.summary.id, t, data.path))}
    />
  );
}
