import { describe, expect, it } from 'vitest';
import {
  add,
  cardById,
  deepFreeze,
  fieldId,
  flowProblems,
  titles,
  delegatedFlowData,
} from '../../tests/builders.ts';
import { unwrap } from './errors.ts';
import type { CardId } from './ids.ts';
import { mapField, mappingsOf } from './mapping.ts';
import { shiftCard, shiftTarget } from './reorder.ts';
import type { IfElseStep } from './sequence.ts';
import { sequenceOf } from './sequence.ts';

const base = delegatedFlowData;

/** Delegated Flow → Read User → Compose → Deactivate User. */
const three = () => {
  const a = add(base(), 'root:channels:http:okta:readUser');
  const b = add(a.data, 'root:kernel:string:compose');
  const c = add(b.data, 'root:channels:http:okta:deactivateUser');
  return { data: c.data, read: a.id, compose: b.id, deactivate: c.id };
};

const codeOf = (r: { ok: boolean; problems?: { code: string }[] }): string | null =>
  r.ok ? null : (r.problems?.[0]?.code ?? null);

describe('moving a card one step along its lane', () => {
  it('moves a card later and earlier, leaving the input untouched', () => {
    const f = three();
    const d = deepFreeze(f.data);
    const later = unwrap(shiftCard(d, f.read, [], 'later'));
    expect(titles(later)).toEqual(['Delegated Flow', 'Compose', 'Read User', 'Deactivate User']);
    expect(flowProblems(later)).toEqual([]);
    const back = unwrap(shiftCard(later, f.read, [], 'earlier'));
    expect(titles(back)).toEqual(['Delegated Flow', 'Read User', 'Compose', 'Deactivate User']);
    const last = unwrap(shiftCard(d, f.deactivate, [], 'earlier'));
    expect(titles(last)).toEqual(['Delegated Flow', 'Read User', 'Deactivate User', 'Compose']);
  });

  it('refuses to pass the event card or the end of the flow, saying why', () => {
    const f = three();
    const first = shiftCard(f.data, f.read, [], 'earlier');
    expect(codeOf(first)).toBe('EDIT_E010');
    expect(first.ok ? '' : first.problems[0]?.message).toContain('first card after the event');
    expect(codeOf(shiftCard(f.data, f.deactivate, [], 'later'))).toBe('EDIT_E010');
    const event = sequenceOf(f.data).event as CardId;
    expect(codeOf(shiftTarget(f.data, event, [], 'later'))).toBe('EDIT_E008');
  });

  it('refuses a move that would cut a mapping, naming the mapping, and changes nothing', () => {
    const f = three();
    const mapped = unwrap(
      mapField(f.data, {
        from: { card: f.read, output: fieldId(cardById(f.data, f.read), 'outputs', 'ID') },
        to: { card: f.compose, input: fieldId(cardById(f.data, f.compose), 'inputs', '_text_') },
      }),
    );
    const d = deepFreeze(mapped);
    const r = shiftCard(d, f.read, [], 'later');
    expect(codeOf(r)).toBe('EDIT_E011');
    expect(r.ok ? '' : r.problems[0]?.message).toBe(
      'Moving “Read User” later would cut the mapping Compose › Text (from Read User › ID): the source would no longer run before it. Unmap it first, or drag the card.',
    );
    expect(mappingsOf(d)).toHaveLength(1);
  });

  it('keeps a card inside its If/Else branch, stopping at the branch start', () => {
    const a = add(base(), 'root:kernel:control:if');
    const head = (sequenceOf(a.data).steps[1] as IfElseStep).branches[0]?.head as CardId;
    const x = add(a.data, 'root:channels:http:okta:suspendUser', { kind: 'branchStart', head });
    const y = add(x.data, 'root:channels:http:okta:readUser', { kind: 'after', card: x.id });
    const up = unwrap(shiftCard(y.data, y.id, [], 'earlier'));
    const branch = (sequenceOf(up).steps[1] as IfElseStep).branches[0];
    expect(branch?.steps.map((s) => s.id)).toEqual([y.id, x.id]);
    expect(flowProblems(up)).toEqual([]);
    expect(codeOf(shiftCard(up, y.id, [], 'earlier'))).toBe('EDIT_E010');
    expect(codeOf(shiftCard(up, x.id, [], 'later'))).toBe('EDIT_E010');
  });

  it('moves an If/Else with its branches past the next card', () => {
    const a = add(base(), 'root:kernel:control:if');
    const r = add(a.data, 'root:channels:http:okta:readUser');
    const moved = unwrap(shiftCard(r.data, a.id, [], 'later'));
    expect(titles(moved)[1]).toBe('Read User');
    expect(flowProblems(moved)).toEqual([]);
  });
});
