/**
 * Mapping a child field of a typed object output ("Group › ID") by connecting its pill to an
 * input on the canvas: the same checks and the same hidden `object:expand` card as "Map from…".
 */
import { viewField } from './cards.ts';
import { childAt, mapChildField } from './childFields.ts';
import type { InputEnd, OutputEnd } from './connect.ts';
import { connectOutput, mappingProblem } from './connect.ts';
import type { Result } from './errors.ts';
import { fail } from './errors.ts';
import { availableSources } from './positions.ts';
import type { RawFloData } from './raw.ts';
import { cardIn, samePath, scopeAt } from './scope.ts';
import { wireProblem } from './wireTypes.ts';

/** An output end reading one child field of the output (`field` empty: the whole output). */
export interface ChildOutputEnd extends OutputEnd {
  field: readonly string[];
}

/** Why the child field `from` cannot be mapped into `to`, or null when it can. */
export function childMappingProblem(
  data: RawFloData,
  from: ChildOutputEnd,
  to: InputEnd,
): string | null {
  if (from.field.length === 0) return mappingProblem(data, from, to);
  if (from.card === to.card) return 'A card cannot feed its own input.';
  const fromScope = scopeAt(data, from.path);
  const toScope = scopeAt(data, to.path);
  const source = fromScope ? cardIn(fromScope, from.card) : undefined;
  const target = toScope ? cardIn(toScope, to.card) : undefined;
  const output = source?.node.model.outputs.data[from.output];
  const input = target?.node.model.inputs.data[to.input];
  if (!toScope || !source || !target || !output || !input)
    return 'That card or field is no longer in the flow.';
  const into = viewField(input);
  if (into.type === 'flo') return `“${into.label}” takes a helper flow.`;
  const whole = viewField(output).label;
  const child = childAt(output, from.field);
  if (!child) return `“${whole}” has no field ${from.field.join(' › ')}.`;
  if (!samePath(from.path, to.path))
    return `A field of “${whole}” maps only within its own part of the flow — map “${whole}” into the card holding “${target.node.data.name}” first.`;
  if (!availableSources(toScope, to.card).includes(from.card))
    return `“${source.node.data.name}” does not run before “${target.node.data.name}” — only an earlier card can feed it.`;
  return wireProblem(
    { label: `${whole} › ${child.label}`, type: child.type, collection: child.collection },
    { label: into.label, type: input.value.type, collection: input.value.collection },
  );
}

/** Maps a child field (or, with an empty `field`, the whole output) into `to`. */
export function connectChild(
  data: RawFloData,
  from: ChildOutputEnd,
  to: InputEnd,
): Result<RawFloData> {
  if (from.field.length === 0) return connectOutput(data, from, to);
  const problem = childMappingProblem(data, from, to);
  if (problem) return fail('MAP_E020', problem);
  return mapChildField(
    data,
    { card: from.card, output: from.output, path: from.field },
    { card: to.card, input: to.input },
    to.path,
  );
}
