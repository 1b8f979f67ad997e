import { readFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../model/errors.ts';
import { RULES } from '../../model/lint/rules.ts';
import { templatePacks } from '../../../tests/templatePacks.ts';
import { canonicalFlopack } from '../flopack/canonical.ts';
import { readFlopack } from '../flopack/read.ts';
import { lintWorkspace } from './report.ts';
import { editFlowContent } from '../../model/flows.ts';
import type { CardId } from '../../model/ids.ts';
import { removeCard } from '../../model/insert.ts';
import { writeFlopack } from '../flopack/write.ts';
import { toSarif } from './sarif.ts';

// The official OASIS SARIF 2.1.0 schema (draft-04), as shipped in the npm package
// @microsoft/jest-sarif 1.0.0-beta.0 at lib/schemas/sarif-2.1.0-rtm.5.json.
const schema = JSON.parse(
  readFileSync(path.resolve('tests/fixtures/sarif-2.1.0-rtm.5.schema.json'), 'utf8'),
) as object;
const validate = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(
  schema,
);

/** The quarantine template with the helper's Everyone guard taken out: a finding on a card. */
function unguarded(): string {
  const ws = unwrap(readFlopack(templatePacks()[2]?.[1] ?? ''));
  const helper = Object.values(ws.flows).find((f) => f.name === 'Remove user from group');
  const guard = helper?.data.methods.find((m) => m.node.key === 'continueIf');
  if (!helper || !guard) throw new Error('the quarantine template changed');
  const edited = unwrap(editFlowContent(ws, helper.id, (d) => removeCard(d, guard.uuid as CardId)));
  return unwrap(writeFlopack(edited, { kind: 'workspace' }, { now: new Date(0) }));
}

type Log = {
  version: string;
  runs: {
    tool: { driver: { rules: { id: string }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number };
        };
        logicalLocations: { fullyQualifiedName: string }[];
      }[];
    }[];
  }[];
};

describe('lint findings as SARIF 2.1.0', () => {
  it('validates against the official schema, one rule per lint rule', () => {
    const text = unguarded();
    const lint = lintWorkspace('flows/quarantine.folder', unwrap(readFlopack(text)));
    expect(lint.findings.length).toBeGreaterThan(0);
    const log = toSarif([{ lint, text }], '1.2.3') as Log;
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
    expect(log.runs[0]?.tool.driver.rules.map((r) => r.id).slice(0, RULES.length)).toEqual(
      RULES.map((r) => r.id),
    );
  });

  it('locates each finding by file, line and the JSONPath of its card', () => {
    const text = canonicalFlopack(JSON.parse(unguarded()));
    const ws = unwrap(readFlopack(text));
    const lint = lintWorkspace('flows/quarantine.folder', ws);
    expect(lint.findings.length).toBeGreaterThan(0);
    const log = toSarif([{ lint, text }], 'dev') as Log;
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = log.runs[0]?.results ?? [];
    expect(results).toHaveLength(lint.findings.length);
    const doc = JSON.parse(text) as unknown;
    const lines = text.split('\n');
    for (const [i, r] of results.entries()) {
      const f = lint.findings[i];
      const loc = r.locations[0];
      expect(loc?.physicalLocation.artifactLocation.uri).toBe('flows/quarantine.folder');
      expect(log.runs[0]?.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
      const jsonPath = loc?.logicalLocations[0]?.fullyQualifiedName ?? '';
      expect(jsonPath).toBe(f?.jsonPath);
      const target = resolve(doc, jsonPath) as { uuid?: string } | undefined;
      if (f?.card) {
        expect(target?.uuid).toBe(f.card);
        const line = lines[(loc?.physicalLocation.region.startLine ?? 0) - 1] ?? '';
        expect(line).toContain(`"uuid": "${f.card}"`);
      }
    }
  });
});

/** Follows a JSONPath of the form $.a["b"][3].c. */
function resolve(doc: unknown, jsonPath: string): unknown {
  const parts = jsonPath.slice(1).match(/\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\]/g) ?? [];
  let cur: unknown = doc;
  for (const p of parts) {
    const key = p.startsWith('.')
      ? p.slice(1)
      : p.startsWith('["')
        ? (JSON.parse(p.slice(1, -1)) as string)
        : Number(p.slice(1, -1));
    cur = (cur as Record<string | number, unknown> | undefined)?.[key];
  }
  return cur;
}
