import { describe, expect, it } from 'vitest';
import { add, makeDelegatedFlow } from '../../../tests/builders.ts';
import type { CardId } from '../../model/ids.ts';
import type { RawFloData } from '../../model/raw.ts';
import type { IfElseStep } from '../../model/sequence.ts';
import { sequenceOf } from '../../model/sequence.ts';
import { cardOrder, navigate } from './navigation.ts';

function flow() {
  const { ws, flowId } = makeDelegatedFlow();
  const d0 = ws.flows[flowId]?.data as RawFloData;
  const withIf = add(d0, 'root:kernel:control:if');
  const step = sequenceOf(withIf.data).steps[1] as IfElseStep;
  const yes = add(withIf.data, 'root:channels:http:okta:suspendUser', {
    kind: 'branchStart',
    head: step.branches[0]?.head as CardId,
  });
  const no = add(yes.data, 'root:channels:http:okta:readUser', {
    kind: 'branchStart',
    head: step.branches[1]?.head as CardId,
  });
  const after = add(no.data, 'root:channels:http:okta:deactivateUser');
  return {
    d: after.data,
    ifId: withIf.id,
    yes: yes.id,
    no: no.id,
    after: after.id,
    event: d0.methods[0]?.uuid as CardId,
  };
}

describe('keyboard navigation between cards', () => {
  it('moves along execution order with next and previous, starting at the event', () => {
    const f = flow();
    expect(cardOrder(f.d)).toEqual([f.event, f.ifId, f.yes, f.no, f.after]);
    expect(navigate(f.d, null, 'next')?.card).toBe(f.event);
    expect(navigate(f.d, { card: f.ifId, path: [] }, 'next')?.card).toBe(f.yes);
    expect(navigate(f.d, { card: f.yes, path: [] }, 'previous')?.card).toBe(f.ifId);
    expect(navigate(f.d, { card: f.after, path: [] }, 'next')).toBeNull();
  });

  it('moves down from the True lane to the False lane and back up', () => {
    const f = flow();
    expect(navigate(f.d, { card: f.yes, path: [] }, 'down')?.card).toBe(f.no);
    expect(navigate(f.d, { card: f.no, path: [] }, 'up')?.card).toBe(f.yes);
    expect(navigate(f.d, { card: f.yes, path: [] }, 'up')).toBeNull();
  });
});
