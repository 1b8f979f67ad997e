import { describe, expect, it } from 'vitest';
import { add, cardById, fieldId, makeDelegatedFlow } from '../../../tests/builders.ts';
import { layoutFlow } from '../../export/layout/layout.ts';
import { unwrap } from '../../model/errors.ts';
import { moveCard, removeCard } from '../../model/insert.ts';
import { mapField, unmapField } from '../../model/mapping.ts';
import type { RawFloData } from '../../model/raw.ts';
import { describeChange } from './announce.ts';
import type { Snapshot } from './announce.ts';

const snap = (data: RawFloData): Snapshot => ({ data, layout: layoutFlow(data) });

/** Delegated Flow → Read User → Compose. */
function flow() {
  const { ws, flowId } = makeDelegatedFlow();
  const d0 = ws.flows[flowId]?.data as RawFloData;
  const a = add(d0, 'root:channels:http:okta:readUser');
  const b = add(a.data, 'root:kernel:string:compose');
  return { d0, withRead: a.data, data: b.data, read: a.id, compose: b.id };
}

const mapReadIdIntoText = (d: RawFloData, read: string, compose: string): RawFloData =>
  unwrap(
    mapField(d, {
      from: { card: read as never, output: fieldId(cardById(d, read), 'outputs', 'ID') },
      to: { card: compose as never, input: fieldId(cardById(d, compose), 'inputs', '_text_') },
    }),
  );

describe('live-region sentences for canvas edits', () => {
  it('says which card was added and where', () => {
    const f = flow();
    expect(describeChange(snap(f.withRead), snap(f.data))).toBe('Compose added, card 3 of 3');
  });

  it('says which card was deleted and how many are left', () => {
    const f = flow();
    const gone = unwrap(removeCard(f.data, f.read));
    expect(describeChange(snap(f.data), snap(gone))).toBe('Read User deleted, 2 cards left');
  });

  it('says which card moved and where to, preferring the focused card', () => {
    const f = flow();
    const moved = unwrap(moveCard(f.data, f.read, { kind: 'after', card: f.compose })).data;
    expect(describeChange(snap(f.data), snap(moved), f.read)).toBe(
      'Read User moved to card 3 of 3',
    );
    expect(describeChange(snap(f.data), snap(moved), f.compose)).toBe(
      'Compose moved to card 2 of 3',
    );
  });

  it('names the output and the input of a new mapping, and of an unmapped one', () => {
    const f = flow();
    const mapped = mapReadIdIntoText(f.data, f.read, f.compose);
    expect(describeChange(snap(f.data), snap(mapped))).toBe(
      'Read User › ID mapped to Compose › Text',
    );
    const input = fieldId(cardById(mapped, f.compose), 'inputs', '_text_');
    const unmapped = unwrap(unmapField(mapped, { card: f.compose, input }));
    expect(describeChange(snap(mapped), snap(unmapped))).toBe(
      'Read User › ID unmapped from Compose › Text',
    );
  });

  it('says a move that cut a mapping cut it', () => {
    const f = flow();
    const mapped = mapReadIdIntoText(f.data, f.read, f.compose);
    const moved = unwrap(moveCard(mapped, f.read, { kind: 'after', card: f.compose })).data;
    expect(describeChange(snap(mapped), snap(moved), f.read)).toBe(
      'Read User moved to card 3 of 3. Read User › ID unmapped from Compose › Text',
    );
  });

  it('does not repeat the mappings of a deleted card, and says nothing for an unchanged draft', () => {
    const f = flow();
    const mapped = mapReadIdIntoText(f.data, f.read, f.compose);
    const gone = unwrap(removeCard(mapped, f.read));
    expect(describeChange(snap(mapped), snap(gone))).toBe('Read User deleted, 2 cards left');
    expect(describeChange(snap(mapped), snap(mapped))).toBeNull();
  });
});
