/**
 * Mapping by connecting an output to an input on the canvas: which inputs an output can feed
 * (and why not), and the mapping itself — within one part of the flow, or handed into an
 * inline flow through Okta's wormhole.
 */
import type { Result } from './errors.ts';
import { fail } from './errors.ts';
import type { CardId, FieldId } from './ids.ts';
import { mapField } from './mapping.ts';
import { availableSources } from './positions.ts';
import type { RawFloData } from './raw.ts';
import { typeProblem } from './wireTypes.ts';
import type { ScopePath } from './scope.ts';
import { samePath, scopeAt } from './scope.ts';
import { viewField } from './cards.ts';
import { mapFromOutside } from './wormholes.ts';

export { typeProblem } from './wireTypes.ts';

/** One end of a canvas connection. */
export interface OutputEnd {
  card: CardId;
  output: FieldId;
  path: ScopePath;
}
export interface InputEnd {
  card: CardId;
  input: FieldId;
  path: ScopePath;
}

const isParentPath = (outer: ScopePath, inner: ScopePath): boolean =>
  inner.length === outer.length + 1 && samePath(outer, inner.slice(0, -1));

/** Why `from` cannot be mapped into `to`, or null when it can. */
export function mappingProblem(data: RawFloData, from: OutputEnd, to: InputEnd): string | null {
  if (from.card === to.card) return 'A card cannot feed its own input.';
  const toScope = scopeAt(data, to.path);
  const fromScope = scopeAt(data, from.path);
  const source = fromScope?.methods.find((m) => m.uuid === from.card);
  const target = toScope?.methods.find((m) => m.uuid === to.card);
  const output = source?.node.model.outputs.data[from.output];
  const input = target?.node.model.inputs.data[to.input];
  if (!toScope || !fromScope || !source || !target || !output || !input)
    return 'That card or field is no longer in the flow.';
  if (viewField(input).type === 'flo') return `“${viewField(input).label}” takes a helper flow.`;
  if (samePath(from.path, to.path)) {
    if (!availableSources(toScope, to.card).includes(from.card))
      return `“${source.node.data.name}” does not run before “${target.node.data.name}” — only an earlier card can feed it.`;
  } else if (isParentPath(from.path, to.path)) {
    const step = to.path[to.path.length - 1];
    if (step && !availableSources(fromScope, step.card).includes(from.card))
      return `“${source.node.data.name}” does not run before the card holding “${target.node.data.name}”.`;
  } else
    return `“${source.node.data.name}” is in another part of the flow than “${target.node.data.name}”.`;
  return typeProblem(output, input);
}

/** Maps `from` into `to` (replacing the input's old source). */
export function connectOutput(data: RawFloData, from: OutputEnd, to: InputEnd): Result<RawFloData> {
  const problem = mappingProblem(data, from, to);
  if (problem) return fail('MAP_E020', problem);
  return samePath(from.path, to.path)
    ? mapField(
        data,
        { from: { card: from.card, output: from.output }, to: { card: to.card, input: to.input } },
        to.path,
      )
    : mapFromOutside(
        data,
        { card: from.card, output: from.output },
        { card: to.card, input: to.input },
        to.path,
      );
}
