import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusFile, itCorpus } from '../../tests/corpus.ts';
import { fixtureText } from '../../tests/fixtures/flopacks.ts';
import { add, cardById, fieldId, makeDelegatedFlow } from '../../tests/builders.ts';
import {
  cardAppLabel,
  cardHeading,
  inputSections,
  outputSections,
  sourceGroups,
  sourceRefusal,
  sourceText,
  typeLabel,
} from './cardForm.ts';
import { unwrap } from './errors.ts';
import type { CardId } from './ids.ts';
import { mapField, mappingInto, mappingsOf } from './mapping.ts';
import type { RawFloData, RawFlopack } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { forEachScope, scopeAt } from './scope.ts';

function flow() {
  const { ws, flowId } = makeDelegatedFlow();
  const d0 = ws.flows[flowId]?.data as RawFloData;
  const read = add(d0, 'root:channels:http:okta:readUser');
  const slack = add(read.data, 'root:channels:http:slack:sendMessageToChannel2');
  const each = add(slack.data, 'root:kernel:list:each');
  return {
    data: each.data,
    event: d0.methods[0]?.uuid as CardId,
    read: read.id,
    slack: slack.id,
    each: each.id,
  };
}

describe('card form', () => {
  it('names cards "App – Card", functions by their category', () => {
    const f = flow();
    expect(cardHeading(cardById(f.data, f.read)!)).toBe('Okta – Read User');
    expect(cardAppLabel(cardById(f.data, f.each)!)).toBe('List');
    expect(cardHeading(cardById(f.data, f.event)!)).toBe('Events – Delegated Flow');
  });

  it('groups inputs by the card’s groups and puts card options last under "Options"', () => {
    const f = flow();
    const s = inputSections(cardById(f.data, f.slack)!);
    expect(s.map((x) => x.title)).toEqual(['Message', 'Slackbot', 'Options']);
    expect(s[0]?.fields.map((x) => x.label)).toEqual(['Text', 'Thread Timestamp']);
    expect(s[2]?.fields.every((x) => x.option)).toBe(true);
  });

  it('leaves run-time context and hidden fields out of the inputs', () => {
    const f = flow();
    expect(inputSections(cardById(f.data, f.event)!).flatMap((s) => s.fields)).toEqual([]);
  });

  it('lists outputs by group without hidden ones', () => {
    const f = flow();
    const s = outputSections(cardById(f.data, f.read)!);
    expect(s.map((x) => x.title)).toEqual(['System Properties', 'Profile Properties']);
    expect(s[0]?.fields[0]?.label).toBe('ID');
  });

  it('offers the outputs of earlier cards only, grouped by card in execution order', () => {
    const f = flow();
    const groups = sourceGroups(f.data, f.slack);
    expect(groups.map((g) => g.heading)).toEqual(['Events – Delegated Flow', 'Okta – Read User']);
    expect(groups[0]?.outputs.map((o) => o.label)).toEqual([
      'Okta User ID',
      'Execution ID',
      'Caller',
    ]);
    expect(sourceGroups(f.data, f.event)).toEqual([]);
  });

  it('says before choosing which sources an input cannot take (an object into a Text input)', () => {
    const f = flow();
    const text = fieldId(cardById(f.data, f.slack), 'inputs', 'Text');
    const offered = sourceGroups(f.data, f.slack).flatMap((g) => g.outputs);
    const refusal = (label: string) => {
      const o = offered.find((x) => x.label === label);
      if (!o) throw new Error(`no source ${label}`);
      return sourceRefusal(f.data, f.slack, text, o);
    };
    expect(refusal('Okta User ID')).toBeNull();
    expect(refusal('Caller')).toMatch(/Caller.*object/);
    // What the model refuses is what the choice says it would refuse, and the other way round.
    for (const o of offered) {
      const r = mapField(f.data, {
        from: { card: o.card, output: o.output },
        to: { card: f.slack, input: text },
      });
      if (o.path === undefined) expect(r.ok).toBe(sourceRefusal(f.data, f.slack, text, o) === null);
    }
  });

  it('reads a mapping as "Card · Output"', () => {
    const f = flow();
    const input = fieldId(cardById(f.data, f.slack), 'inputs', 'Text');
    const d = unwrap(
      mapField(f.data, {
        from: { card: f.read, output: fieldId(cardById(f.data, f.read), 'outputs', 'ID') },
        to: { card: f.slack, input },
      }),
    );
    expect(sourceText(d, [], mappingInto(d, f.slack, input)!)).toBe('Read User · ID');
  });

  it('names list types the console’s way', () => {
    expect(typeLabel('string', false)).toBe('Text');
    expect(typeLabel('object', true)).toBe('List of Object');
    expect(typeLabel('Date', false)).toBe('Date & Time');
  });

  it('reads a value handed into an inline flow of a fixture as the outside card it came from', () => {
    const pack = JSON.parse(fixtureText('branches')) as RawFlopack;
    const data = Object.values(pack.data.flos).find(
      (f) => f.name === 'If Error with wormholes',
    )!.data;
    const texts: string[] = [];
    forEachScope(data, (scope, path: ScopePath) => {
      if (path.length === 0) return;
      for (const m of mappingsOf(scope)) texts.push(sourceText(data, path, m));
    });
    expect(texts).toContain('Read User · ID');
  });

  itCorpus('reads a value handed into an inline flow as the outside card it came from', () => {
    const file = corpusFile('suspend_okta_account_ispm_remediation_flow');
    const pack = JSON.parse(readFileSync(file, 'utf8')) as RawFlopack;
    const data = Object.values(pack.data.flos)[0]!.data;
    const texts: string[] = [];
    forEachScope(data, (scope, path: ScopePath) => {
      if (path.length === 0) return;
      for (const m of mappingsOf(scope)) texts.push(sourceText(data, path, m));
    });
    expect(texts).toContain('Assign · Category');
    expect(texts.some((t) => /› /.test(t))).toBe(true);
    expect(scopeAt(data, [])).toBe(data);
  });
});
