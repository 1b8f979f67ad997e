import { describe, expect, it } from 'vitest';
import {
  add,
  cardById,
  flowProblems,
  titles,
  deepFreeze,
  fieldId,
  makeDelegatedFlow,
} from '../../tests/builders.ts';
import { fixtureText } from '../../tests/fixtures/flopacks.ts';
import { readFlopack } from '../export/flopack/read.ts';
import { copyCards, duplicateCard, pasteClip } from './clipboard.ts';
import { unwrap } from './errors.ts';
import { newFlowData } from './flows.ts';
import type { CardId, FlowId } from './ids.ts';
import { seededIds } from './ids.ts';
import { mapField, mappingsOf } from './mapping.ts';
import type { RawFloData } from './raw.ts';
import { allCardIds, forEachScope } from './scope.ts';
import type { IfElseStep } from './sequence.ts';
import { sequenceOf } from './sequence.ts';

/** Delegated Flow → Read User (ID or Login ← Okta User ID) → Deactivate User (id ← Read User · ID). */
function source() {
  const { ws, flowId } = makeDelegatedFlow();
  const d0 = ws.flows[flowId]?.data as RawFloData;
  const read = add(d0, 'root:channels:http:okta:readUser');
  const deact = add(read.data, 'root:channels:http:okta:deactivateUser');
  const event = d0.methods[0]?.uuid as CardId;
  let d = unwrap(
    mapField(deact.data, {
      from: {
        card: event,
        output: fieldId(cardById(deact.data, event), 'outputs', 'okta-user-id'),
      },
      to: { card: read.id, input: fieldId(cardById(deact.data, read.id), 'inputs', 'ID or Login') },
    }),
  );
  d = unwrap(
    mapField(d, {
      from: { card: read.id, output: fieldId(cardById(d, read.id), 'outputs', 'ID') },
      to: { card: deact.id, input: fieldId(cardById(d, deact.id), 'inputs', 'id') },
    }),
  );
  return { data: d, read: read.id, deact: deact.id, event };
}

describe('copy and paste', () => {
  it('pastes two cards into another flow with new ids, keeping the mapping between them and the one from the same event', () => {
    const src = source();
    const clip = unwrap(copyCards(deepFreeze(src.data), [src.deact, src.read]));
    expect(clip.titles).toEqual(['Read User', 'Deactivate User']);
    const target = makeDelegatedFlow('Other', 1234).ws;
    const dest = Object.values(target.flows)[0]?.data as RawFloData;
    const pasted = unwrap(pasteClip(dest, { kind: 'end' }, clip, seededIds(77)));
    expect(titles(pasted.data)).toEqual(['Delegated Flow', 'Read User', 'Deactivate User']);
    expect(pasted.dropped).toBe(0);
    expect(pasted.lost).toEqual([]);
    expect(pasted.cards).toHaveLength(2);
    for (const id of pasted.cards) expect([src.read, src.deact]).not.toContain(id);
    const maps = mappingsOf(pasted.data);
    expect(maps).toHaveLength(2);
    // The event mapping now reads the target flow's own Delegated Flow card.
    const targetEvent = dest.methods[0];
    const fromEvent = maps.find((m) => m.to.card === pasted.cards[0]);
    expect(fromEvent?.from).toEqual({
      card: targetEvent?.uuid,
      output: fieldId(targetEvent, 'outputs', 'okta-user-id'),
    });
    expect(fromEvent?.from.card).not.toBe(src.event);
    expect(flowProblems(pasted.data)).toEqual([]);
  });

  it('drops, and names, mappings whose source was not copied or is another event', () => {
    const src = source();
    const alone = unwrap(copyCards(src.data, [src.deact]));
    const other = Object.values(makeDelegatedFlow('Other', 1234).ws.flows)[0]?.data as RawFloData;
    const pasted = unwrap(pasteClip(other, { kind: 'end' }, alone, seededIds(78)));
    expect(pasted.lost).toEqual(['ID or Login of Deactivate User ← Read User · ID']);
    expect(mappingsOf(pasted.data)).toHaveLength(0);
    const both = unwrap(copyCards(src.data, [src.read, src.deact]));
    const noEvent = newFlowData('f-noop' as FlowId, null, seededIds(9));
    const intoNoop = unwrap(pasteClip(noEvent, { kind: 'end' }, both, seededIds(79)));
    expect(intoNoop.lost).toEqual(['ID or Login of Read User ← Delegated Flow · Okta User ID']);
    expect(mappingsOf(intoNoop.data)).toHaveLength(1);
  });

  it('pasting again into the same flow keeps a mapping whose source runs before the paste', () => {
    const src = source();
    const clip = unwrap(copyCards(src.data, [src.deact]));
    const pasted = unwrap(pasteClip(src.data, { kind: 'end' }, clip, seededIds(3)));
    expect(pasted.dropped).toBe(0);
    expect(mappingsOf(pasted.data)).toHaveLength(3);
    expect(flowProblems(pasted.data)).toEqual([]);
  });

  it('duplicates a card right after itself with its mappings', () => {
    const src = source();
    const dup = unwrap(duplicateCard(src.data, src.read));
    expect(titles(dup.data)).toEqual([
      'Delegated Flow',
      'Read User',
      'Read User',
      'Deactivate User',
    ]);
    expect(mappingsOf(dup.data).filter((m) => m.to.card === dup.cards[0])).toHaveLength(1);
    expect(flowProblems(dup.data)).toEqual([]);
  });

  it('copies an If/Else with its branch cards and pastes a valid copy', () => {
    const src = source();
    const withIf = add(src.data, 'root:kernel:control:if', { kind: 'after', card: src.read });
    const head = (sequenceOf(withIf.data).steps[2] as IfElseStep).branches[0]?.head as CardId;
    const inBranch = add(withIf.data, 'root:channels:http:okta:suspendUser', {
      kind: 'branchStart',
      head,
    });
    const clip = unwrap(copyCards(inBranch.data, [withIf.id]));
    const pasted = unwrap(pasteClip(inBranch.data, { kind: 'end' }, clip, seededIds(5)));
    expect(titles(pasted.data)).toEqual([
      'Delegated Flow',
      'Read User',
      'If/Else',
      'Suspend User',
      'Deactivate User',
      'If/Else',
      'Suspend User',
    ]);
    expect(flowProblems(pasted.data)).toEqual([]);
  });

  it('refuses cards from two lanes and the event card alone', () => {
    const src = source();
    const withIf = add(src.data, 'root:kernel:control:if');
    const head = (sequenceOf(withIf.data).steps[3] as IfElseStep).branches[0]?.head as CardId;
    const inBranch = add(withIf.data, 'root:channels:http:okta:suspendUser', {
      kind: 'branchStart',
      head,
    });
    const r = copyCards(inBranch.data, [src.read, inBranch.id]);
    expect(r.ok ? null : r.problems[0]?.code).toBe('CLIP_E003');
    expect(copyCards(src.data, [src.event]).ok).toBe(false);
  });

  it('gives cards inside copied inline flows new ids too', () => {
    const ws = unwrap(readFlopack(fixtureText('branches')));
    const flow = Object.values(ws.flows).find((f) =>
      f.data.methods.some((m) => m.node.key === 'tryCatch'),
    )!;
    const tryCatch = flow.data.methods.find((m) => m.node.key === 'tryCatch')!;
    const clip = unwrap(copyCards(flow.data, [tryCatch.uuid]));
    const pasted = unwrap(pasteClip(flow.data, { kind: 'end' }, clip, seededIds(11)));
    const before = allCardIds(flow.data);
    let count = 0;
    forEachScope(pasted.data, (s) => (count += s.methods.length));
    expect(allCardIds(pasted.data).size).toBe(count);
    expect(allCardIds(pasted.data).size).toBeGreaterThan(before.size);
    expect(flowProblems(pasted.data)).toEqual([]);
  });
});
