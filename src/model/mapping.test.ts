import { describe, expect, it } from 'vitest';
import { add, cardById, deepFreeze, fieldId, makeDelegatedFlow } from '../../tests/builders.ts';
import { setCardTitle, setInputValue } from './cards.ts';
import { unwrap } from './errors.ts';
import type { CardId } from './ids.ts';
import { availableSources } from './positions.ts';
import { mapField, mappingInto, mappingsOf, unmapField } from './mapping.ts';
import type { RawFloData } from './raw.ts';
import type { IfElseStep } from './sequence.ts';
import { sequenceOf } from './sequence.ts';

function flow() {
  const { ws, flowId } = makeDelegatedFlow();
  const d0 = ws.flows[flowId]?.data as RawFloData;
  const read = add(d0, 'root:channels:http:okta:readUser');
  const deact = add(read.data, 'root:channels:http:okta:deactivateUser');
  const event = d0.methods[0]?.uuid as CardId;
  return { data: deact.data, event, read: read.id, deact: deact.id };
}

describe('mapping outputs to inputs', () => {
  it('maps an earlier output into a later input and marks the output used', () => {
    const f = flow();
    const d = unwrap(
      mapField(deepFreeze(f.data), {
        from: { card: f.read, output: fieldId(cardById(f.data, f.read), 'outputs', 'ID') },
        to: { card: f.deact, input: fieldId(cardById(f.data, f.deact), 'inputs', 'id') },
      }),
    );
    const m = mappingInto(d, f.deact, fieldId(cardById(d, f.deact), 'inputs', 'id'));
    expect(m?.from.card).toBe(f.read);
    expect(cardById(d, f.read)?.node.model.outputs.data[m?.from.output as string]?._used).toBe(
      true,
    );
  });

  it('refuses to map a later card into an earlier one', () => {
    const f = flow();
    const r = mapField(f.data, {
      from: {
        card: f.deact,
        output: Object.keys(cardById(f.data, f.deact)?.node.model.outputs.data ?? {})[0] as never,
      },
      to: { card: f.read, input: fieldId(cardById(f.data, f.read), 'inputs', 'ID or Login') },
    });
    expect(r.ok ? null : r.problems[0]?.code).toMatch(/MAP_E00[35]/);
  });

  it('replaces the old mapping of an input instead of adding a second source', () => {
    const f = flow();
    const target = { card: f.deact, input: fieldId(cardById(f.data, f.deact), 'inputs', 'id') };
    let d = unwrap(
      mapField(f.data, {
        from: { card: f.read, output: fieldId(cardById(f.data, f.read), 'outputs', 'ID') },
        to: target,
      }),
    );
    d = unwrap(
      mapField(d, {
        from: { card: f.event, output: fieldId(cardById(d, f.event), 'outputs', 'okta-user-id') },
        to: target,
      }),
    );
    expect(mappingsOf(d)).toHaveLength(1);
    expect(mappingsOf(d)[0]?.from.card).toBe(f.event);
    expect(Object.keys(cardById(d, f.read)?.pins ?? {})).toEqual([]);
  });

  it('unmaps, and setting a static value replaces a mapping', () => {
    const f = flow();
    const target = { card: f.deact, input: fieldId(cardById(f.data, f.deact), 'inputs', 'id') };
    const mapped = unwrap(
      mapField(f.data, {
        from: { card: f.read, output: fieldId(cardById(f.data, f.read), 'outputs', 'ID') },
        to: target,
      }),
    );
    expect(mappingsOf(unwrap(unmapField(mapped, target)))).toEqual([]);
    const valued = unwrap(setInputValue(mapped, f.deact, target.input, '00u123'));
    expect(mappingsOf(valued)).toEqual([]);
    expect(cardById(valued, f.deact)?.node.model.inputs.data[target.input]?.value.data).toBe(
      '00u123',
    );
  });

  it('refuses a value of the wrong type for an input', () => {
    const f = flow();
    const r = setInputValue(
      f.data,
      f.read,
      fieldId(cardById(f.data, f.read), 'inputs', 'ID or Login'),
      42,
    );
    expect(r.ok ? null : r.problems[0]?.message).toContain('takes text');
  });

  it('offers cards inside a branch only to later cards of the same branch', () => {
    const f = flow();
    const withIf = add(f.data, 'root:kernel:control:if', { kind: 'after', card: f.read });
    const step = () =>
      sequenceOf(inBranch.data).steps.find((s) => s.type === 'ifElse') as IfElseStep;
    const head = (sequenceOf(withIf.data).steps[2] as IfElseStep).branches[0]?.head as CardId;
    const inBranch = add(withIf.data, 'root:kernel:string:compose', { kind: 'branchStart', head });
    const later = add(inBranch.data, 'root:kernel:string:length', {
      kind: 'after',
      card: inBranch.id,
    });
    expect(availableSources(later.data, later.id)).toEqual([
      f.event,
      f.read,
      withIf.id,
      inBranch.id,
    ]);
    expect(availableSources(later.data, f.deact)).toEqual([
      f.event,
      f.read,
      withIf.id,
      step().join,
    ]);
  });
});

describe('edits that change nothing', () => {
  it('return the same content, so they add no undo step and no unsaved change', () => {
    const f = flow();
    const id = fieldId(cardById(f.data, f.read), 'inputs', 'ID or Login');
    const once = unwrap(setInputValue(f.data, f.read, id, '00u1'));
    expect(unwrap(setInputValue(once, f.read, id, '00u1'))).toBe(once);
    expect(unwrap(setCardTitle(once, f.read, 'Read User'))).toBe(once);
    expect(unwrap(setCardTitle(once, f.read, 'Read User '))).toBe(once);
    expect(unwrap(setCardTitle(once, f.read, 'Read the user'))).not.toBe(once);
  });
});
