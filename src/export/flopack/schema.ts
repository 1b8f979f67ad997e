/**
 * JSON Schema check of a flopack (draft 2020-12 schema derived from 125 real exports).
 * Compiled once, lazily: the schema is only needed by the CLI, the server and tests.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Problem } from '../../model/errors.ts';
import { loadValidator } from './schemaValidator.ts';

/** Schema problems carry this code. */
export const SCHEMA_CODE = 'FLOPACK_E030';

let compiled: ValidateFunction | null = null;

function validator(): ValidateFunction {
  compiled ??= loadValidator();
  return compiled;
}

const describe = (e: ErrorObject): string =>
  `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`;

/** Checks a parsed document against the flopack JSON Schema. */
export function schemaProblems(doc: unknown, max = 10): Problem[] {
  const validate = validator();
  if (validate(doc)) return [];
  return (validate.errors ?? []).slice(0, max).map((e) => ({
    code: SCHEMA_CODE,
    message: `Schema: ${describe(e)} — Okta's console may refuse this file.`,
    path: e.instancePath || '/',
  }));
}
