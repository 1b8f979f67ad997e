/** "Map from…": picks an earlier card's output to feed an input. */
import type { SourceGroup } from '../../model/cardForm.ts';
import { sourceText } from '../../model/cardForm.ts';
import type { FieldView } from '../../model/cards.ts';
import type { CardId, FieldId } from '../../model/ids.ts';
import type { Mapping } from '../../model/mapping.ts';
import { mapField, unmapField } from '../../model/mapping.ts';
import { mapFromOutside } from '../../model/wormholes.ts';
import { mapChildField, mappedChild } from '../../model/childFields.ts';
import type { CardAt } from './cardAt.ts';
import { firstMessage, useFlowEdit } from './useFlowEdit.ts';

interface Props {
  at: CardAt;
  field: FieldView;
  sources: SourceGroup[];
  mapping: Mapping | undefined;
  onProblem: (message: string | null) => void;
}

const keyOf = (
  card: string,
  output: string,
  outside = false,
  path: readonly string[] = [],
): string =>
  JSON.stringify(
    outside ? [card, output, 'outside'] : path.length ? [card, output, '', path] : [card, output],
  );

/** A select of the outputs of earlier cards, grouped by card. */
export function MapControl({ at, field, sources, mapping, onProblem }: Props) {
  const apply = useFlowEdit();
  // A child field mapped through a hidden expand card shows as that child of its output.
  const child = mapping ? mappedChild(at.scope, mapping.from.card, mapping.from.output) : null;
  const current = child
    ? keyOf(child.card, child.output, false, child.path)
    : mapping
      ? keyOf(mapping.from.card, mapping.from.output)
      : '';
  const listed = sources.some((g) =>
    g.outputs.some((o) => keyOf(o.card, o.output, false, o.path) === current),
  );
  const to = { card: at.card, input: field.id };
  return (
    <select
      className="insp-map"
      aria-label={`Map ${field.label} from`}
      value={current}
      disabled={sources.length === 0 && !mapping}
      onChange={(e) => {
        const value = e.target.value;
        if (value === '') {
          if (mapping) onProblem(firstMessage(apply((d) => unmapField(d, to, at.path))));
          return;
        }
        const [card, output, outside, path] = JSON.parse(value) as [
          CardId,
          FieldId,
          string?,
          string[]?,
        ];
        onProblem(
          firstMessage(
            apply((d) =>
              outside
                ? mapFromOutside(d, { card, output }, to, at.path)
                : path
                  ? mapChildField(d, { card, output, path }, to, at.path)
                  : mapField(d, { from: { card, output }, to }, at.path),
            ),
          ),
        );
      }}
    >
      <option value="">
        {sources.length === 0 ? 'No earlier card has outputs to map' : 'Map from…'}
      </option>
      {mapping && !listed && (
        <option value={current}>{sourceText(at.data, at.path, mapping)}</option>
      )}
      {sources.map((g) => (
        <optgroup key={`${g.outside ? 'out:' : ''}${g.card}`} label={g.heading}>
          {g.outputs.map((o) => (
            <option
              key={keyOf(o.card, o.output, false, o.path)}
              value={keyOf(o.card, o.output, g.outside, o.path)}
            >
              {o.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
