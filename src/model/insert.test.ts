import { describe, expect, it } from 'vitest';
import {
  add,
  cardById,
  catalog,
  deepFreeze,
  fieldId,
  flowProblems,
  titles,
  delegatedFlowData,
} from '../../tests/builders.ts';
import { corpusText, itCorpus } from '../../tests/corpus.ts';
import { fixtureText } from '../../tests/fixtures/flopacks.ts';
import { readFlopack } from '../export/flopack/read.ts';
import { writeFlopack } from '../export/flopack/write.ts';
import { createCard } from './catalog.ts';
import { unwrap } from './errors.ts';
import { editFlowContent } from './flows.ts';
import type { CardId } from './ids.ts';
import { seededIds } from './ids.ts';
import { cardsInOrder, insertCard, moveCard, removeCard } from './insert.ts';
import { mapField, mappingsOf } from './mapping.ts';
import { allCardIds } from './scope.ts';
import type { IfElseStep } from './sequence.ts';
import { sequenceOf } from './sequence.ts';

const base = delegatedFlowData;

describe('inserting cards', () => {
  it('appends at the end of the sequence with one new edge', () => {
    const d0 = deepFreeze(base());
    const a = add(d0, 'root:channels:http:okta:readUser');
    const b = add(a.data, 'root:channels:http:okta:deactivateUser');
    expect(titles(b.data)).toEqual(['Delegated Flow', 'Read User', 'Deactivate User']);
    expect(Object.keys(b.data.orderings)).toHaveLength(2);
    expect(flowProblems(b.data)).toEqual([]);
  });

  it('inserts between two cards, keeping the edge id into the new card', () => {
    const a = add(base(), 'root:channels:http:okta:readUser');
    const b = add(a.data, 'root:channels:http:okta:deactivateUser');
    const mid = add(b.data, 'root:kernel:string:compose', { kind: 'after', card: a.id });
    expect(titles(mid.data)).toEqual(['Delegated Flow', 'Read User', 'Compose', 'Deactivate User']);
    expect(Object.keys(mid.data.orderings)).toHaveLength(3);
    expect(flowProblems(mid.data)).toEqual([]);
  });

  it('gives an If/Else two noop-headed branches and a Join, and continues after the Join', () => {
    const a = add(base(), 'root:kernel:control:if');
    const b = add(a.data, 'root:channels:http:okta:deactivateUser');
    const seq = sequenceOf(b.data);
    const step = seq.steps[1] as IfElseStep;
    expect(step.type).toBe('ifElse');
    expect(step.branches.map((x) => x.value)).toEqual([true, false]);
    expect(step.join).not.toBeNull();
    expect(seq.steps[2]?.id).toBe(b.id);
    expect(cardById(b.data, a.id)?.branches).toEqual({
      [step.branches[0]?.head as string]: true,
      [step.branches[1]?.head as string]: false,
    });
    expect(flowProblems(b.data)).toEqual([]);
  });

  it('inserts into a branch at its start and after a branch card, with edges to the Join', () => {
    const a = add(base(), 'root:kernel:control:if');
    const step = () => sequenceOf(x.data).steps[1] as IfElseStep;
    let x = add(a.data, 'root:channels:http:okta:suspendUser', {
      kind: 'branchStart',
      head: (sequenceOf(a.data).steps[1] as IfElseStep).branches[0]?.head as CardId,
    });
    const suspend = x.id;
    x = add(x.data, 'root:channels:http:slack:sendMessageToChannel2', {
      kind: 'after',
      card: suspend,
    });
    const yes = step().branches[0];
    expect(yes?.steps.map((s) => cardById(x.data, s.id)?.node.data.name)).toEqual([
      'Suspend User',
      'Send Message to Channel',
    ]);
    const join = step().join as string;
    const intoJoin = Object.values(x.data.orderings)
      .filter(([, to]) => to === join)
      .map(([from]) => from);
    expect(intoJoin).toEqual(expect.arrayContaining([suspend, x.id, yes?.head]));
    expect(flowProblems(x.data)).toEqual([]);
  });

  it('nests an If/Else inside a branch', () => {
    const a = add(base(), 'root:kernel:control:if');
    const head = (sequenceOf(a.data).steps[1] as IfElseStep).branches[1]?.head as CardId;
    const inner = add(a.data, 'root:kernel:control:if', { kind: 'branchStart', head });
    const innerHead = (sequenceOf(inner.data).steps[1] as IfElseStep).branches[1]
      ?.steps[0] as IfElseStep;
    expect(innerHead.type).toBe('ifElse');
    const deep = add(inner.data, 'root:channels:http:okta:readUser', {
      kind: 'branchStart',
      head: innerHead.branches[0]?.head as CardId,
    });
    const after = add(deep.data, 'root:kernel:string:compose', { kind: 'after', card: inner.id });
    expect(titles(after.data)).toEqual([
      'Delegated Flow',
      'If/Else',
      'If/Else',
      'Read User',
      'Compose',
    ]);
    expect(flowProblems(after.data)).toEqual([]);
  });

  it('refuses an event card and a card id already in the flow', () => {
    const d = base();
    const ev = createCard(catalog, 'root:kernel:http:delegated', allCardIds(d), seededIds(5));
    expect(insertCard(d, { kind: 'end' }, ev, { catalog }).ok).toBe(false);
    const dup = {
      ...createCard(catalog, 'root:channels:http:okta:readUser'),
      uuid: d.methods[0]?.uuid as string,
    };
    const r = insertCard(d, { kind: 'end' }, dup, { catalog });
    expect(r.ok ? null : r.problems[0]?.code).toBe('EDIT_E007');
  });
});

describe('removing cards', () => {
  it('removes a card and the mappings into and out of it, bridging the sequence', () => {
    const a = add(base(), 'root:channels:http:okta:readUser');
    const b = add(a.data, 'root:kernel:string:compose');
    const c = add(b.data, 'root:channels:http:okta:deactivateUser');
    const ev = c.data.methods[0];
    let d = unwrap(
      mapField(c.data, {
        from: { card: ev?.uuid as CardId, output: fieldId(ev, 'outputs', 'okta-user-id') },
        to: { card: a.id, input: fieldId(cardById(c.data, a.id), 'inputs', 'ID or Login') },
      }),
    );
    d = unwrap(
      mapField(d, {
        from: { card: a.id, output: fieldId(cardById(d, a.id), 'outputs', 'ID') },
        to: { card: c.id, input: fieldId(cardById(d, c.id), 'inputs', 'id') },
      }),
    );
    const removed = unwrap(removeCard(deepFreeze(d), a.id));
    expect(titles(removed)).toEqual(['Delegated Flow', 'Compose', 'Deactivate User']);
    expect(mappingsOf(removed)).toEqual([]);
    const out = removed.methods[0]?.node.model.outputs.data[fieldId(ev, 'outputs', 'okta-user-id')];
    expect(out?._used).toBeUndefined();
    expect(flowProblems(removed)).toEqual([]);
  });

  it('removes an If/Else with both branches and its Join', () => {
    const a = add(base(), 'root:kernel:control:if');
    const head = (sequenceOf(a.data).steps[1] as IfElseStep).branches[0]?.head as CardId;
    const inBranch = add(a.data, 'root:channels:http:okta:suspendUser', {
      kind: 'branchStart',
      head,
    });
    const tail = add(inBranch.data, 'root:channels:http:okta:readUser');
    const gone = unwrap(removeCard(tail.data, a.id));
    expect(titles(gone)).toEqual(['Delegated Flow', 'Read User']);
    expect(gone.methods).toHaveLength(2);
    expect(flowProblems(gone)).toEqual([]);
  });

  it('refuses to remove the event card', () => {
    const d = base();
    const r = removeCard(d, d.methods[0]?.uuid as CardId);
    expect(r.ok ? null : r.problems[0]?.code).toBe('EDIT_E008');
  });
});

describe('moving cards', () => {
  it('moves a card later and drops a mapping whose source now runs after its target', () => {
    const a = add(base(), 'root:channels:http:okta:readUser');
    const b = add(a.data, 'root:kernel:string:compose');
    const c = add(b.data, 'root:channels:http:okta:deactivateUser');
    const d = unwrap(
      mapField(c.data, {
        from: { card: a.id, output: fieldId(cardById(c.data, a.id), 'outputs', 'ID') },
        to: { card: b.id, input: fieldId(cardById(c.data, b.id), 'inputs', '_text_') },
      }),
    );
    const moved = unwrap(moveCard(d, a.id, { kind: 'after', card: c.id }));
    expect(titles(moved.data)).toEqual([
      'Delegated Flow',
      'Compose',
      'Deactivate User',
      'Read User',
    ]);
    expect(moved.dropped).toBe(1);
    expect(mappingsOf(moved.data)).toEqual([]);
    expect(flowProblems(moved.data)).toEqual([]);
  });

  it('moves a card into a branch and an If/Else with its branches to the end', () => {
    const a = add(base(), 'root:kernel:control:if');
    const r = add(a.data, 'root:channels:http:okta:readUser');
    const s = add(r.data, 'root:channels:http:okta:suspendUser');
    const head = (sequenceOf(s.data).steps[1] as IfElseStep).branches[1]?.head as CardId;
    const intoBranch = unwrap(moveCard(s.data, r.id, { kind: 'branchStart', head }));
    const step = sequenceOf(intoBranch.data).steps[1] as IfElseStep;
    expect(step.branches[1]?.steps.map((x) => x.id)).toEqual([r.id]);
    expect(flowProblems(intoBranch.data)).toEqual([]);
    const ifToEnd = unwrap(moveCard(intoBranch.data, a.id, { kind: 'end' }));
    expect(titles(ifToEnd.data)).toEqual([
      'Delegated Flow',
      'Suspend User',
      'If/Else',
      'Read User',
    ]);
    expect(flowProblems(ifToEnd.data)).toEqual([]);
  });

  it('refuses to move an If/Else into its own branch', () => {
    const a = add(base(), 'root:kernel:control:if');
    const head = (sequenceOf(a.data).steps[1] as IfElseStep).branches[0]?.head as CardId;
    const r = moveCard(a.data, a.id, { kind: 'branchStart', head });
    expect(r.ok ? null : r.problems[0]?.code).toBe('EDIT_E009');
  });
});

describe('editing real flows', () => {
  const randomEdits = (source: string): void => {
    const ws = unwrap(readFlopack(source));
    const ids = seededIds(42);
    let next = ws;
    const pick = <T>(xs: T[], n: number): T | undefined => xs[n % Math.max(1, xs.length)];
    for (const flow of Object.values(ws.flows)) {
      let data = flow.data;
      for (let i = 0; i < 12; i++) {
        const cards = cardsInOrder(data).filter((m) => m.uuid !== sequenceOf(data).event);
        const roll = ids.short().charCodeAt(0) + i;
        const target = pick(cards, roll);
        if (i % 3 === 0 || !target) {
          const c = createCard(
            catalog,
            i % 2 ? 'root:kernel:control:if' : 'root:channels:http:okta:readUser',
            allCardIds(data),
            ids,
          );
          data = unwrap(
            insertCard(
              data,
              target ? { kind: 'after', card: target.uuid as CardId } : { kind: 'end' },
              c,
              { catalog, ids },
            ),
          ).data;
        } else if (i % 3 === 1) {
          data = unwrap(removeCard(data, target.uuid as CardId));
        } else {
          const dest = pick(cards, roll + 5);
          if (dest && dest.uuid !== target.uuid) {
            const r = moveCard(
              data,
              target.uuid as CardId,
              { kind: 'after', card: dest.uuid as CardId },
              ids,
            );
            if (r.ok) data = r.value.data;
          }
        }
        expect(flowProblems(data), `${flow.name} after edit ${i}`).toEqual([]);
      }
      next = unwrap(editFlowContent(next, flow.id, () => ({ ok: true, value: data })));
    }
    const text = unwrap(writeFlopack(next));
    expect(readFlopack(text).ok).toBe(true);
  };

  it.each(['branches', 'helpers', 'app-event'] as const)(
    'keeps every flow of fixture %s valid through a series of random edits',
    (name) => randomEdits(fixtureText(name)),
  );

  itCorpus('keeps every flow of a real export valid through a series of random edits', () =>
    randomEdits(corpusText('automate_sso_application_creation')),
  );
});
