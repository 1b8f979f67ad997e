import { describe, expect, it } from 'vitest';
import { add, cardById, deepFreeze, fieldId, makeDelegatedFlow } from '../../tests/builders.ts';
import { connectOutput, mappingProblem } from './connect.ts';
import type { CardId, FieldId } from './ids.ts';
import { mappingInto } from './mapping.ts';
import type { RawFloData } from './raw.ts';

function flow() {
  const { ws, flowId } = makeDelegatedFlow();
  const d0 = ws.flows[flowId]?.data as RawFloData;
  const read = add(d0, 'root:channels:http:okta:readUser');
  const deact = add(read.data, 'root:channels:http:okta:deactivateUser');
  const again = add(deact.data, 'root:channels:http:okta:readUser');
  return { data: again.data, read: read.id, deact: deact.id, again: again.id };
}

const out = (d: RawFloData, card: CardId, key: string) => ({
  card,
  output: fieldId(cardById(d, card), 'outputs', key),
  path: [],
});
const inp = (d: RawFloData, card: CardId, key: string) => ({
  card,
  input: fieldId(cardById(d, card), 'inputs', key),
  path: [],
});

describe('mapping by connecting an output to an input', () => {
  it('maps an earlier card’s output into a later card’s input', () => {
    const f = flow();
    const from = out(f.data, f.read, 'ID');
    const to = inp(f.data, f.deact, 'id');
    expect(mappingProblem(f.data, from, to)).toBeNull();
    const r = connectOutput(deepFreeze(f.data), from, to);
    expect(r.ok).toBe(true);
    if (r.ok) expect(mappingInto(r.value, f.deact, to.input)?.from.card).toBe(f.read);
  });

  it('refuses a later card, with the reason, and changes nothing', () => {
    const f = flow();
    const from = out(f.data, f.again, 'ID');
    const to = inp(f.data, f.read, 'ID or Login');
    expect(mappingProblem(f.data, from, to)).toMatch(/does not run before .*only an earlier card/);
    const r = connectOutput(deepFreeze(f.data), from, to);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.code).toBe('MAP_E020');
  });

  it('refuses a card feeding itself and a field that is gone', () => {
    const f = flow();
    expect(
      mappingProblem(f.data, out(f.data, f.read, 'ID'), inp(f.data, f.read, 'ID or Login')),
    ).toMatch(/own input/);
    expect(
      mappingProblem(f.data, out(f.data, f.read, 'ID'), {
        card: f.deact,
        input: 'nope' as FieldId,
        path: [],
      }),
    ).toMatch(/no longer in the flow/);
  });
});
