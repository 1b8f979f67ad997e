/** The problem collector of the flopack checks, and the helpers they share. */
import type { Problem } from '../../model/errors.ts';
import { E } from './codes.ts';

/** More problems than this are not reported (the first ones say enough). */
export const MAX_PROBLEMS = 20;
/** Inline flows nest at most 2 levels in real exports; allow some headroom. */
export const MAX_INLINE_DEPTH = 8;

/** A JSON object read from the document. */
export type Obj = Record<string, unknown>;
/** A JSON path, or a function building it only when a problem is reported. */
type Path = string | (() => string);
/** True for a JSON object (not an array, not null). */
export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** A JSON path segment for a key. */
export const key = (k: string): string =>
  /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;

/** Collects problems, up to MAX_PROBLEMS. */
export class Checker {
  readonly problems: Problem[] = [];
  full(): boolean {
    return this.problems.length >= MAX_PROBLEMS;
  }
  add(code: string, message: string, path: Path): void {
    if (!this.full())
      this.problems.push({ code, message, path: typeof path === 'string' ? path : path() });
  }
  obj(v: unknown, path: Path, what: string): v is Obj {
    if (isObj(v)) return true;
    const at = typeof path === 'string' ? path : path();
    this.add(
      E.badField,
      `${at} must be an object (${what}) — the file is damaged or not an Okta export.`,
      at,
    );
    return false;
  }
  notObj(path: string, what: string): void {
    this.add(
      E.badField,
      `${path} must be an object (${what}) — the file is damaged or not an Okta export.`,
      path,
    );
  }
  notStr(path: string): void {
    this.add(E.badField, `${path} must be text.`, path);
  }
  str(v: unknown, path: Path): v is string {
    if (typeof v === 'string') return true;
    const at = typeof path === 'string' ? path : path();
    this.add(E.badField, `${at} must be text.`, at);
    return false;
  }
}

/** Everything the cross-reference checks need from the whole file. */
export interface PackIndex {
  flows: Set<string>;
  configs: Set<string>;
  tables: Set<string>;
  groups: Set<string>;
}
