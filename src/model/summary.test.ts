import { describe, expect, it } from 'vitest';
import { cardById, fieldId, readUserThenIfError } from '../../tests/builders.ts';
import { corpusText, itEachCorpusFile } from '../../tests/corpus.ts';
import { layoutFlow } from '../export/layout/layout.ts';
import { parseFlopackText, readFlopack } from '../export/flopack/read.ts';
import { handedInValues } from './cardForm.ts';
import { unwrap } from './errors.ts';
import type { CardId } from './ids.ts';
import { seededIds } from './ids.ts';
import type { RawFloData } from './raw.ts';
import { scopeAt } from './scope.ts';
import { mapFromOutside } from './wormholes.ts';

/** Delegated Flow → Read User → If Error, Suspend User in its Try arm fed Read User's ID. */
function handedIn(): { data: RawFloData; container: CardId; suspend: CardId } {
  const { data: d, read, container, path, suspend } = readUserThenIfError();
  const inner = scopeAt(d, path)!.methods.find((m) => m.uuid === suspend)!;
  const data = unwrap(
    mapFromOutside(
      d,
      { card: read, output: fieldId(cardById(d, read), 'outputs', 'ID') },
      { card: suspend, input: fieldId(inner, 'inputs', 'id') },
      path,
      seededIds(3),
    ),
  );
  return { data, container, suspend };
}

/** Okta's random field keys ("qStU0Jf-EU-"), as opposed to names a person gave. */
const randomKey = (k: string): boolean =>
  /^[A-Za-z0-9_-]{9,12}$/.test(k) && /[A-Z]/.test(k) && /[a-z]/.test(k) && /[0-9_-]/.test(k);

describe('card summaries of inline flows', () => {
  it('read a value handed into an If Error lane by its outside source, not its key', () => {
    const f = handedIn();
    const nodes = layoutFlow(f.data).nodes;
    const suspend = nodes.find((n) => n.card === f.suspend && n.kind === 'card');
    expect(suspend?.summary?.inputs).toContainEqual({
      label: 'ID or Login',
      text: 'Read User · ID',
      mapped: true,
    });
    expect(suspend?.summary?.fields.find((x) => x.label === 'ID or Login')?.text).toBe(
      'Read User · ID',
    );
    // The If Error card names what it hands in by the output's name.
    const container = nodes.find((n) => n.card === f.container && n.kind === 'card');
    expect(container?.summary?.inputs).toEqual([
      { label: 'ID', text: 'Read User · ID', mapped: true },
    ]);
  });

  it('lists what an If Error card hands into its lanes for the Inspector', () => {
    const f = handedIn();
    expect(handedInValues(f.data, [], cardById(f.data, f.container)!)).toEqual([
      expect.objectContaining({ label: 'ID', source: 'Read User · ID' }),
    ]);
    // A card without lanes hands nothing in.
    expect(handedInValues(f.data, [], f.data.methods[0]!)).toEqual([]);
  });

  itEachCorpusFile('no card of %s shows a random wormhole key as a source or label', (name) => {
    const parsed = unwrap(parseFlopackText(corpusText(name)));
    const ws = unwrap(readFlopack(parsed));
    for (const flow of Object.values(ws.flows)) {
      const keys = new Set<string>();
      const walk = (o: unknown, depth: number): void => {
        if (depth > 40 || o === null || typeof o !== 'object') return;
        const x = o as Record<string, unknown>;
        if (x['group'] === 'context' && typeof x['key'] === 'string' && randomKey(x['key']))
          keys.add(x['key']);
        for (const v of Object.values(x)) walk(v, depth + 1);
      };
      walk(flow.data, 0);
      if (keys.size === 0) continue;
      for (const n of layoutFlow(flow.data).nodes)
        for (const line of n.summary?.inputs ?? []) {
          const shown = `${line.label} ← ${line.text}`;
          expect(
            [...keys].filter((k) => shown.includes(k)),
            `${flow.name}: ${shown}`,
          ).toEqual([]);
        }
    }
  });
});
