/** After an output is dropped on a card: choose which of its inputs the output feeds. */
import { useEffect, useRef } from 'react';
import type { DraggedOutput } from '../../client/canvas/outputDrag.ts';
import type { EditorStore } from '../../client/editorStore.ts';
import { fieldsOf } from '../../model/cards.ts';
import { ok } from '../../model/errors.ts';
import type { CardId, FieldId } from '../../model/ids.ts';
import { mapField } from '../../model/mapping.ts';
import type { ScopePath } from '../../model/scope.ts';
import { samePath, scopeAt } from '../../model/scope.ts';

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
  const ref = useRef<HTMLUListElement>(null);
  const data = store.getState().flow.data;
  const m = scopeAt(data, target.path)?.methods.find((c) => c.uuid === target.card);
  const inputs = m
    ? fieldsOf(m, 'inputs').filter(
        (f) => !f.hidden && !f.option && f.type !== 'flo' && f.group !== 'context',
      )
    : [];
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [onClose]);
  const choose = (input: FieldId) => {
    onClose();
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
    <ul
      ref={ref}
      role="menu"
      aria-label={`Map ${output.label} into ${m?.node.data.name ?? 'this card'}`}
      className="context-menu"
      style={{ left: x, top: y }}
      onKeyDown={(e) => {
        const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
        const i = items.indexOf(document.activeElement as HTMLElement);
        if (e.key === 'Escape') onClose();
        else if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
        else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
        else return;
        e.preventDefault();
      }}
    >
      {inputs.length === 0 && (
        <li className="muted">“{m?.node.data.name ?? 'This card'}” has no input to map into.</li>
      )}
      {inputs.map((f) => (
        <li
          key={f.id}
          role="menuitem"
          tabIndex={-1}
          onClick={() => choose(f.id)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              choose(f.id);
            }
          }}
        >
          {f.label}
        </li>
      ))}
    </ul>
  );
}
