/** Names of folders, flows and cards: validation and clash resolution. */
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';

/** Longest name accepted for a folder or flow. */
export const MAX_NAME_LENGTH = 200;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Bidirectional controls: they reorder the text around them (a name can fake another). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_RUNS = new RegExp(`${UNSAFE_ALL.source}+`, 'g');

/**
 * The one name rule, for typed and imported names alike: trimmed, not empty or only spaces,
 * at most 200 characters, no control characters and no bidirectional overrides.
 */
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
  if (BIDI.test(name))
    return fail(
      'NAME_E004',
      `The ${what} name contains right-to-left override characters, which reorder how it reads — remove them.`,
    );
  return ok(name);
}

/**
 * An imported name made to obey the name rule: each run of control or bidi characters becomes
 * one space, the result is trimmed and cut to the limit; nothing left → `fallback`.
 */
export function sanitizeName(raw: unknown, fallback: string): string {
  if (typeof raw !== 'string') return fallback;
  const spaced = raw.replace(UNSAFE_RUNS, ' ').trim();
  let cut = '';
  for (const ch of spaced) {
    if (cut.length + ch.length > MAX_NAME_LENGTH) break;
    cut += ch;
  }
  cut = cut.trim();
  return cut === '' ? fallback : cut;
}

/** A name shown safely in a report or a terminal: invisible characters as `\u{…}`, cut short. */
export function visibleName(raw: string, max = 80): string {
  const shown = raw.replace(UNSAFE_ALL, (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`);
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
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
