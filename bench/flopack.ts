/**
 * Import and export speed against the JSON baseline, on the three largest shared flopacks.
 * Goal: import ≤ 1.5× JSON.parse of the same text; export ≤ 1.5× JSON.stringify.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readFlopack } from '../src/export/flopack/read.ts';
import { writeFlopack } from '../src/export/flopack/write.ts';
import { corpusFiles } from '../tests/corpus.ts';
import { pairedMedians, report } from './timing.ts';

/** Runs the flopack benchmark and prints its figures. */
export function benchFlopack(): void {
  const largest = corpusFiles()
    .sort((a, b) => statSync(b).size - statSync(a).size)
    .slice(0, 3);
  let importSum = 0;
  let parseSum = 0;
  let exportSum = 0;
  let stringifySum = 0;
  for (const file of largest) {
    const text = readFileSync(file, 'utf8');
    const [parse = 0, imp = 0] = pairedMedians([
      () => JSON.parse(text) as unknown,
      () => readFlopack(text),
    ]);
    const read = readFlopack(text);
    if (!read.ok) throw new Error(`${file} does not read`);
    // An edited workspace takes the normal export path (not the byte-for-byte shortcut).
    const edited = { ...read.value, flows: { ...read.value.flows } };
    const doc = JSON.parse(text) as unknown;
    const [stringify = 0, exp = 0] = pairedMedians([
      () => JSON.stringify(doc),
      () => writeFlopack(edited, { kind: 'workspace' }),
    ]);
    const name = path.basename(file, '.flopack');
    report(`import_ms.${name}`, imp);
    report(`json_parse_ms.${name}`, parse);
    report(`export_ms.${name}`, exp);
    report(`json_stringify_ms.${name}`, stringify);
    importSum += imp;
    parseSum += parse;
    exportSum += exp;
    stringifySum += stringify;
  }
  report('import_vs_json_parse', importSum / parseSum);
  report('export_vs_json_stringify', exportSum / stringifySum);
}
