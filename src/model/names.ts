/** Names of folders, flows and cards: validation and clash resolution. */
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';

/** Longest name accepted for a folder or flow. */
export const MAX_NAME_LENGTH = 200;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Trims a name and checks it is non-empty, not too long and free of control characters. */
export function cleanName(raw: unknown, what: string): Result<string> {
  if (typeof raw !== 'string') return fail('NAME_E001', `The ${what} name must be text.`);
  const name = raw.trim();
  if (name === '') return fail('NAME_E001', `The ${what} name is empty — type a name.`);
  if (name.length > MAX_NAME_LENGTH)
    return fail(
      'NAME_E002',
      `The ${what} name has ${name.length} characters; the limit is ${MAX_NAME_LENGTH} — shorten it.`,
    );
  if (CONTROL.test(name))
    return fail('NAME_E003', `The ${what} name contains control characters — remove them.`);
  return ok(name);
}

/** Names compare without case and surrounding space. */
export const sameName = (a: string, b: string): boolean =>
  a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** `base`, or `base (2)`, `base (3)`, … — the first that is not taken. */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const names = new Set(Array.from(taken, (n) => n.trim().toLocaleLowerCase()));
  if (!names.has(base.trim().toLocaleLowerCase())) return base;
  const stem = base.replace(/ \((\d+)\)$/, '');
  for (let i = 2; ; i++) {
    const candidate = `${stem} (${i})`;
    if (!names.has(candidate.toLocaleLowerCase())) return candidate;
  }
}
