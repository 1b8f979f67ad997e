/** "Map from…": picks an earlier card's output to feed an input. */
import type { SourceGroup } from '../../model/cardForm.ts';
import { outsideSource, sourceRefusal, sourceText } from '../../model/cardForm.ts';
import type { FieldView } from '../../model/cards.ts';
import type { CardId, FieldId } from '../../model/ids.ts';
import type { Mapping } from '../../model/mapping.ts';
import { mapField, unmapField } from '../../model/mapping.ts';
import type { Result } from '../../model/errors.ts';
import { ok } from '../../model/errors.ts';
import type { RawFloData } from '../../model/raw.ts';
import { dropUnreadWormhole, handedKey, mapFromOutside } from '../../model/wormholes.ts';
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
    outside
      ? path.length
        ? [card, output, 'outside', path]
        : [card, output, 'outside']
      : path.length
        ? [card, output, '', path]
        : [card, output],
  );

/** A select of the outputs of earlier cards, grouped by card. */
export function MapControl({ at, field, sources, mapping, onProblem }: Props) {
  const apply = useFlowEdit();
  // A value handed in from outside shows as its outside option, so the arrow keys move on
  // from it instead of landing on it again.
  const outside = mapping ? outsideSource(at.data, at.path, mapping) : null;
  // A child field mapped through a hidden expand card shows as that child of its output, and
  // as a child of the outside output when the expanded value was handed in.
  const child = mapping ? mappedChild(at.scope, mapping.from.card, mapping.from.output) : null;
  const outsideChild =
    child && mapping
      ? outsideSource(at.data, at.path, {
          ...mapping,
          from: { card: child.card, output: child.output },
        })
      : null;
  const current = outside
    ? keyOf(outside.card, outside.output, true)
    : child && outsideChild
      ? keyOf(outsideChild.card, outsideChild.output, true, child.path)
      : child
        ? keyOf(child.card, child.output, false, child.path)
        : mapping
          ? keyOf(mapping.from.card, mapping.from.output)
          : '';
  const listed = sources.some((g) =>
    g.outputs.some((o) => keyOf(o.card, o.output, g.outside, o.path) === current),
  );
  const to = { card: at.card, input: field.id };
  // Unmapping or re-mapping from inside leaves no unread handed-in value behind.
  const releasing =
    (op: (d: RawFloData) => Result<RawFloData>) =>
    (d: RawFloData): Result<RawFloData> => {
      const before = at.path.length > 0 ? handedKey(d, at.path, to) : null;
      const r = op(d);
      return r.ok && before !== null ? ok(dropUnreadWormhole(r.value, at.path, before)) : r;
    };
  return (
    <select
      className="insp-map"
      aria-label={`Map ${field.label} from`}
      value={current}
      disabled={sources.length === 0 && !mapping}
      onChange={(e) => {
        const value = e.target.value;
        if (value === '') {
          if (mapping) onProblem(firstMessage(apply(releasing((d) => unmapField(d, to, at.path)))));
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
                ? mapFromOutside(d, { card, output, ...(path ? { path } : {}) }, to, at.path)
                : releasing((x) =>
                    path
                      ? mapChildField(x, { card, output, path }, to, at.path)
                      : mapField(x, { from: { card, output }, to }, at.path),
                  )(d),
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
            <SourceOption
              key={keyOf(o.card, o.output, false, o.path)}
              value={keyOf(o.card, o.output, g.outside, o.path)}
              label={o.label}
              // A source the input cannot take is shown but cannot be chosen, so the arrow
              // keys of a closed select step over it instead of being refused on it.
              refusal={sourceRefusal(at.scope, at.card, field.id, o)}
            />
          ))}
        </optgroup>
      ))}
    </select>
  );
}

function SourceOption({
  value,
  label,
  refusal,
}: {
  value: string;
  label: string;
  refusal: string | null;
}) {
  return (
    <option value={value} disabled={refusal !== null} title={refusal ?? undefined}>
      {refusal === null ? label : `${label} (cannot go here)`}
    </option>
  );
}
