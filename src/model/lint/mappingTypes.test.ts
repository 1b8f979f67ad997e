import { describe, expect, it } from 'vitest';
import { add, cardById, makeDelegatedFlow } from '../../../tests/builders.ts';
import { corpusFiles, corpusName, corpusText, itCorpus } from '../../../tests/corpus.ts';
import { readFlopack } from '../../export/flopack/read.ts';
import type { RawFloData } from '../raw.ts';
import type { Flow } from '../workspace.ts';
import { lintFlow } from './lint.ts';
import { mappingType } from './mappingTypes.ts';

/** A delegated flow whose Read User output pins go wherever `pin` says, written raw. */
function flowWith(pin: (d: RawFloData, read: string, compose: string) => RawFloData): Flow {
  const { ws, flowId } = makeDelegatedFlow();
  const flow = ws.flows[flowId] as Flow;
  const r = add(flow.data, 'root:channels:http:okta:readUser');
  const c = add(r.data, 'root:kernel:control:continueIf');
  return { ...flow, data: pin(c.data, r.id, c.id) };
}

/** Pins an output (by key) of `from` into an input (by key) of `to`, as a file may hold it. */
function rawPin(
  d: RawFloData,
  from: string,
  output: string,
  to: string,
  input: string,
  transform: unknown = null,
): RawFloData {
  const src = cardById(d, from)!;
  const out = Object.values(src.node.model.outputs.data).find((f) => f.key === output)!;
  const inp = Object.values(cardById(d, to)!.node.model.inputs.data).find((f) => f.key === input)!;
  const objectOut = { ...out, value: { ...out.value, type: 'object' } };
  const m = {
    ...src,
    pins: { [out.id]: { [to]: [{ input: inp.id, transform: transform as null }] } },
    node: {
      ...src.node,
      model: {
        ...src.node.model,
        outputs: {
          ...src.node.model.outputs,
          data: { ...src.node.model.outputs.data, [out.id]: objectOut },
        },
      },
    },
  };
  return { ...d, methods: d.methods.map((x) => (x.uuid === from ? m : x)) };
}

describe('the mapping-type rule', () => {
  it('flags an object mapped into a Text input without a conversion', () => {
    const flow = flowWith((d, read, guard) => rawPin(d, read, 'Status', guard, 'left-operand'));
    const found = mappingType.check(flow, { flows: [] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'mapping-type', severity: 'error' });
    expect(found[0]?.message).toMatch(/is an object; .* takes a text/);
    expect(lintFlow(flow, { flows: [] }).some((x) => x.rule === 'mapping-type')).toBe(true);
  });

  it('accepts the same pin when Okta’s conversion is written on it', () => {
    const flow = flowWith((d, read, guard) =>
      rawPin(d, read, 'Status', guard, 'left-operand', { x: { convert: 'stringify' } }),
    );
    expect(mappingType.check(flow, { flows: [] })).toEqual([]);
  });

  itCorpus('finds nothing in Okta’s own flows', () => {
    let flows = 0;
    for (const name of corpusFiles()) {
      const read = readFlopack(corpusText(corpusName(name)));
      if (!read.ok) continue;
      for (const flow of Object.values(read.value.flows)) {
        flows++;
        expect(
          mappingType.check(flow, { flows: [] }),
          `${corpusName(name)} · ${flow.name}`,
        ).toEqual([]);
      }
    }
    expect(flows).toBeGreaterThan(0);
  });
});
