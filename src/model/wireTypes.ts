/** Which value types an input can take without a conversion on the wire. */
import type { Json, RawField } from './raw.ts';

/** The type of a value on the wire: what an output (or one of its child fields) carries. */
export interface WireType {
  label: string;
  /** A type name (`string`, `object`, …) or a structured descriptor. */
  type: Json;
  collection: boolean;
}

const SCALARS = new Set(['string', 'number', 'boolean', 'Date']);
const SCALAR_WORDS: Record<string, string> = {
  string: 'text',
  number: 'number',
  boolean: 'true/false',
  Date: 'date & time',
};
const isObjectType = (t: Json): boolean =>
  t === 'object' || (t !== null && typeof t === 'object' && !Array.isArray(t));

/**
 * Why a value of type `o` cannot feed an input of type `i` without a conversion, or null when
 * it can: a list into a single value (or the reverse), an object into a text, number,
 * true/false or date input. Okta writes a `transform` on such a pin; the studio maps without.
 */
export function wireProblem(o: WireType, i: WireType): string | null {
  const iScalar = typeof i.type === 'string' && SCALARS.has(i.type);
  const oScalar = typeof o.type === 'string' && SCALARS.has(o.type);
  const word = (t: Json): string => (typeof t === 'string' ? (SCALAR_WORDS[t] ?? t) : 'object');
  if (o.collection && !i.collection && iScalar)
    return `“${o.label}” is a list; “${i.label}” takes a single ${word(i.type)}.`;
  if (!o.collection && i.collection && oScalar && i.type !== o.type)
    return `“${i.label}” takes a list; “${o.label}” is a single ${word(o.type)}.`;
  if (!o.collection && !i.collection && isObjectType(o.type) && iScalar)
    return `“${o.label}” is an object; “${i.label}” takes a ${word(i.type)} — map one of its fields instead.`;
  return null;
}

const wireOf = (f: RawField): WireType => ({
  label:
    typeof f.metadata.displayname === 'string' && f.metadata.displayname !== ''
      ? f.metadata.displayname
      : f.key,
  type: f.value.type,
  collection: f.value.collection,
});

/** Why an output's type cannot feed an input, or null when it can. */
export function typeProblem(output: RawField, input: RawField): string | null {
  return wireProblem(wireOf(output), wireOf(input));
}
