import { describe, expect, it } from 'vitest';
import { add, catalog, makeWorkspace } from '../../../tests/builders.ts';
import { createCard } from '../../model/catalog.ts';
import { unwrap } from '../../model/errors.ts';
import { createFlow, setEvent } from '../../model/flows.ts';
import { seededIds } from '../../model/ids.ts';
import type { RawFloData } from '../../model/raw.ts';
import { allCardIds } from '../../model/scope.ts';
import { layoutFlow } from '../layout/layout.ts';
import { visibleCards } from '../render/lanes.ts';
import { compareFlow } from './compare.ts';

/** A new flow as the studio creates it: Okta's hidden Noop placeholder as its event. */
function newFlow(): RawFloData {
  const { ws, folderId } = makeWorkspace();
  return unwrap(createFlow(ws, folderId, {}, seededIds(2))).flow.data;
}

const withDelegated = (d: RawFloData): RawFloData =>
  unwrap(
    setEvent(d, createCard(catalog, 'root:kernel:http:delegated', allCardIds(d), seededIds(5))),
  );

describe("a new flow's placeholder event (Noop)", () => {
  it('is kept in the file but is no visible card', () => {
    const d = newFlow();
    expect(d.methods.map((m) => m.node.key)).toEqual(['noop']);
    expect(visibleCards(d)).toEqual([]);
  });

  it('is not counted: a card added to a flow without an event is card 1 of 1', () => {
    const d = add(newFlow(), 'root:channels:http:okta:readUser').data;
    const l = layoutFlow(d);
    expect(l.cardCount).toBe(1);
    const read = l.nodes.find((n) => n.summary?.title === 'Read User');
    expect(read?.order).toBe(1);
    expect(visibleCards(d).map((c) => c.m.node.data.name)).toEqual(['Read User']);
  });

  it('is not listed by Compare when the event is chosen, nor the security level it implies', () => {
    const first = newFlow();
    const now = add(withDelegated(first), 'root:channels:http:okta:readUser').data;
    const c = compareFlow(first, now, { flowName: 'Unnamed' });
    expect(c.lines.join('\n')).not.toMatch(/Noop|Security level/);
    expect(c.lines).toEqual([
      "Card 'Delegated Flow' added at the start in flow 'Unnamed'",
      "Card 'Read User' added after 'Delegated Flow' in flow 'Unnamed'",
    ]);
  });

  it('still reports a security level the event does not imply', () => {
    const first = withDelegated(newFlow());
    const now = { ...first, security_level: 'medium' };
    expect(compareFlow(first, now).lines).toEqual([
      "Security level changed from 'high' to 'medium' in flow 'this flow'",
    ]);
  });
});
