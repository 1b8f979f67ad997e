/**
 * The compiled flopack JSON Schema validator. In the studio, the server and tests it is
 * compiled at first use; the built CLI replaces this module with Ajv standalone code
 * generated at build time (scripts/build-cli.mjs), so the CLI compiles nothing when it starts.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import generated from '../../catalog/flopack.schema.generated.json' with { type: 'json' };

type AddFormats = (ajv: Ajv2020) => unknown;
// ajv-formats is CommonJS: under NodeNext the default import is the module object.
const formatsModule = addFormatsModule as unknown as { default?: AddFormats } & AddFormats;
const addFormats: AddFormats = formatsModule.default ?? formatsModule;

/** Options shared with the build-time standalone compilation. */
export const AJV_OPTIONS = { allErrors: true, strict: false } as const;

/** The flopack schema, for the build-time compilation. */
export const FLOPACK_SCHEMA: object = generated.schema;

/** Compiles the validator (a few hundred milliseconds; call once). */
export function loadValidator(): ValidateFunction {
  const ajv = new Ajv2020(AJV_OPTIONS);
  addFormats(ajv);
  return ajv.compile(FLOPACK_SCHEMA);
}
