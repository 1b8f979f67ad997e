/**
 * Lint findings as SARIF 2.1.0, the format GitHub code scanning reads: one reporting rule per
 * lint rule, one result per finding, located in the file (line and column of the card's
 * `uuid`, so a formatted flopack points at the card's own line) and by the card's JSONPath.
 */
import { RULES } from '../../model/lint/rules.ts';
import type { Severity } from '../../model/lint/lint.ts';
import type { FileLint, LocatedFinding } from './report.ts';

/** The SARIF version written. */
export const SARIF_VERSION = '2.1.0';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** Default level of each rule: the most severe level its findings take in practice. */
const RULE_LEVEL: Record<string, 'error' | 'warning' | 'note'> = {
  'pause-in-delegated': 'error',
  'delegated-input-type': 'error',
  'required-input': 'error',
};

const pascal = (id: string): string =>
  id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase());

/** Line and column (1-based) of the card's `"uuid":"…"` in the text, searched after its flow. */
export function regionOf(
  text: string,
  f: LocatedFinding,
): { startLine: number; startColumn: number } {
  const flowAt = Math.max(0, text.indexOf(JSON.stringify(f.flowId)));
  let at = flowAt;
  if (f.card !== null) {
    const re = new RegExp(`"uuid"\\s*:\\s*${escapeRegExp(JSON.stringify(f.card))}`, 'g');
    re.lastIndex = flowAt;
    const m = re.exec(text) ?? ((re.lastIndex = 0), re.exec(text));
    if (m) at = m.index;
  }
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { startLine: line, startColumn: at - lineStart + 1 };
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A file's findings with the text they were found in (for line numbers). */
export interface SarifInput {
  lint: FileLint;
  text: string;
}

/** The SARIF log of lint findings over several files. */
export function toSarif(inputs: readonly SarifInput[], toolVersion: string): object {
  // Every lint rule, plus any rule id a finding names that the list does not hold.
  const known = RULES.map((r) => ({ id: r.id, title: r.title }));
  for (const { lint } of inputs)
    for (const f of lint.findings)
      if (!known.some((r) => r.id === f.rule)) known.push({ id: f.rule, title: f.rule });
  const ruleIndex = new Map(known.map((r, i) => [r.id, i]));
  const rules = known.map((r) => ({
    id: r.id,
    name: pascal(r.id),
    shortDescription: { text: r.title },
    fullDescription: { text: r.title },
    defaultConfiguration: { level: RULE_LEVEL[r.id] ?? 'warning' },
    properties: { tags: ['okta-workflows', 'flopack'] },
  }));
  const results = inputs.flatMap(({ lint, text }) =>
    lint.findings.map((f) => ({
      ruleId: f.rule,
      ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
      level: LEVEL[f.severity],
      message: {
        text: `Flow “${f.flowName}”${f.cardName === null ? '' : `, card “${f.cardName}”`}: ${f.message}`,
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(lint.file) },
            region: regionOf(text, f),
          },
          logicalLocations: [
            {
              fullyQualifiedName: f.jsonPath,
              name: f.cardName ?? f.flowName,
              kind: f.card === null ? 'object' : 'element',
            },
          ],
        },
      ],
      partialFingerprints: { flopackFinding: `${f.rule}:${f.flowId}:${f.card ?? ''}` },
    })),
  );
  return {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: 'flopack lint',
            version: toolVersion,
            rules,
          },
        },
        results,
      },
    ],
  };
}

/** A relative file path as a URI reference (forward slashes, each segment escaped). */
function toUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}
