/**
 * JSON Schema check of a flopack (draft 2020-12 schema derived from 125 real exports).
 * Compiled once, lazily: the schema is only needed by the CLI, the server and tests.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import generated from '../../catalog/flopack.schema.generated.json' with { type: 'json' };
import type { Problem } from '../../model/errors.ts';

/** Schema problems carry this code. */
export const SCHEMA_CODE = 'FLOPACK_E030';

type AddFormats = (ajv: Ajv2020) => unknown;
// ajv-formats is CommonJS: under NodeNext the default import is the module object.
const formatsModule = addFormatsModule as unknown as { default?: AddFormats } & AddFormats;
const addFormats: AddFormats = formatsModule.default ?? formatsModule;

let compiled: ValidateFunction | null = null;

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    compiled = ajv.compile(generated.schema);
  }
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
