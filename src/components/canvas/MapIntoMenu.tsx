/** After an output is dropped on a card: choose which of its inputs the output feeds. */
import type { DraggedOutput } from '../../client/canvas/outputDrag.ts';
import type { EditorStore } from '../../client/editorStore.ts';
import { fieldsOf } from '../../model/cards.ts';
import { ok } from '../../model/errors.ts';
import type { CardId, FieldId } from '../../model/ids.ts';
import { mapField } from '../../model/mapping.ts';
import type { ScopePath } from '../../model/scope.ts';
import { samePath, scopeAt } from '../../model/scope.ts';
import { Menu } from '../ui/Menu.tsx';

interface Props {
  store: EditorStore;
  target: { card: CardId; path: ScopePath };
  output: DraggedOutput;
  x: number;
  y: number;
  onClose: () => void;
  report: (problems: { message: string }[] | null, notice?: string) => void;
}

/** A menu of the target card's mappable inputs. */
export function MapIntoMenu({ store, target, output, x, y, onClose, report }: Props) {
  const data = store.getState().flow.data;
  const m = scopeAt(data, target.path)?.methods.find((c) => c.uuid === target.card);
  const inputs = m
    ? fieldsOf(m, 'inputs').filter(
        (f) => !f.hidden && !f.option && f.type !== 'flo' && f.group !== 'context',
      )
    : [];
  const choose = (input: FieldId) => {
    if (!samePath(target.path, output.path))
      return report([
        {
          message:
            'A mapping stays inside one part of the flow (an inline flow cannot read a card outside it).',
        },
      ]);
    const problems = store.getState().edit((f) => {
      const r = mapField(
        f.data,
        { from: { card: output.card, output: output.output }, to: { card: target.card, input } },
        target.path,
      );
      return r.ok ? ok({ ...f, data: r.value }) : r;
    });
    report(problems);
  };
  return (
    <Menu
      label={`Map ${output.label} into ${m?.node.data.name ?? 'this card'}`}
      items={inputs.map((f) => ({ id: f.id, label: f.label, onSelect: () => choose(f.id) }))}
      x={x}
      y={y}
      onClose={onClose}
      empty={`“${m?.node.data.name ?? 'This card'}” has no input to map into.`}
    />
  );
}
