import { describe, expect, it } from 'vitest';
import { add } from '../../../tests/builders.ts';
import { corpusText, describeCorpus, hasCorpus } from '../../../tests/corpus.ts';
import { fixtureText } from '../../../tests/fixtures/flopacks.ts';
import { setInputValue } from '../../model/cards.ts';
import { unwrap } from '../../model/errors.ts';
import type { CardId, FieldId } from '../../model/ids.ts';
import { removeCard } from '../../model/insert.ts';
import type { RawFloData, RawMethod } from '../../model/raw.ts';
import { forEachScope } from '../../model/scope.ts';
import { readFlopack } from '../flopack/read.ts';
import { layoutFlow } from '../layout/layout.ts';
import { compareFlow } from './compare.ts';

const flowData = (name: string): RawFloData => {
  const ws = unwrap(readFlopack(corpusText(name)));
  return Object.values(ws.flows)[0]?.data as RawFloData;
};

function card(data: RawFloData, title: string): RawMethod {
  let hit: RawMethod | undefined;
  forEachScope(data, (s) => {
    hit ??= s.methods.find((m) => m.node.data.name === title);
  });
  if (!hit) throw new Error(`no card ${title}`);
  return hit;
}

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('comparing two versions of a fixture flow', () => {
  const ws = unwrap(readFlopack(fixtureText('branches')));
  const before = Object.values(ws.flows).find((f) => f.name === 'If Error with wormholes')!.data;

  it('marks nothing and lists nothing when the versions are the same', () => {
    const c = compareFlow(before, before, { flowName: 'Try' });
    expect(c.lines).toEqual([]);
    expect(c.ghosts).toEqual([]);
    expect(new Set(Object.values(c.marks))).toEqual(new Set(['unchanged']));
  });

  it('marks an added card and keeps the new version’s layout', () => {
    const after = add(before, 'root:channels:http:okta:deactivateUser').data;
    const c = compareFlow(before, after, { flowName: 'Try' });
    expect(c.layout.nodes.map((n) => [n.id, n.x, n.y])).toEqual(
      layoutFlow(after).nodes.map((n) => [n.id, n.x, n.y]),
    );
    expect(c.marks[card(after, 'Deactivate User').uuid]).toBe('added');
    expect(c.lines).toEqual(["Card 'Deactivate User' added after 'If Error' in flow 'Try'"]);
  });
});

describeCorpus('comparing two versions of a flow', () => {
  const before = hasCorpus
    ? flowData('suspend_okta_account_ispm_remediation_flow')
    : ({} as RawFloData);

  it('marks nothing and lists nothing when the versions are the same', () => {
    const c = compareFlow(before, before, { flowName: 'Suspend' });
    expect(c.lines).toEqual([]);
    expect(c.ghosts).toEqual([]);
    expect(new Set(Object.values(c.marks))).toEqual(new Set(['unchanged']));
  });

  it("returns the new version's own layout, each node marked", () => {
    let after = add(before, 'root:channels:http:okta:deactivateUser').data;
    const suspend = card(after, 'Suspend User');
    const groupId = Object.values(suspend.node.model.inputs.data)[0]?.id as FieldId;
    after = unwrap(
      setInputValue(after, suspend.uuid as CardId, groupId, 'x', pathOf(after, suspend.uuid)),
    );
    const c = compareFlow(before, after, { flowName: 'Suspend' });
    expect(c.layout.nodes.map((n) => [n.id, n.x, n.y])).toEqual(
      layoutFlow(after).nodes.map((n) => [n.id, n.x, n.y]),
    );
    expect(Object.keys(c.marks).sort()).toEqual(c.layout.nodes.map((n) => n.id).sort());
    expect(c.marks[card(after, 'Deactivate User').uuid]).toBe('added');
    expect(c.marks[suspend.uuid]).toBe('changed');
    expect(c.lines).toEqual([
      "Mapping 'Assign' · User Id in Service → 'Suspend User' · ID or Login removed in flow 'Suspend'",
      "Card 'Deactivate User' added after 'Actions Performed' in flow 'Suspend'",
    ]);
  });

  it('places a removed card as a ghost near where it was, overlapping nothing', () => {
    const removed = card(before, 'Suspend User');
    const after = unwrap(removeCard(before, removed.uuid as CardId, pathOf(before, removed.uuid)));
    const c = compareFlow(before, after, { flowName: 'Suspend' });
    expect(c.ghosts.map((g) => [g.id, g.mark, g.face?.title])).toEqual([
      [`removed:${removed.uuid}`, 'removed', 'Suspend User'],
    ]);
    const all = c.drawing.nodes;
    for (const g of c.ghosts)
      for (const n of all)
        if (n !== g) expect(overlap(g, n), `${g.id} overlaps ${n.id}`).toBe(false);
    const edge = c.drawing.edges.find((e) => e.to === `removed:${removed.uuid}`);
    expect(edge?.kind).toBe('ghost');
    expect(c.lines).toEqual([
      "Card 'Suspend User' removed (it was at the start of the Try branch of 'If Error') in flow 'Suspend'",
    ]);
  });

  it('keeps a removed If/Else together with its branches, and counts the cards inside', () => {
    const ws = unwrap(readFlopack(corpusText('googledrive_file_transfer')));
    const flow = Object.values(ws.flows).find((f) => f.name.startsWith('[1.1]'))!;
    const ifElse = card(flow.data, 'If/Else');
    const after = unwrap(removeCard(flow.data, ifElse.uuid as CardId));
    const c = compareFlow(flow.data, after, { flowName: 'Status' });
    expect(c.lines).toEqual([
      "Card 'If/Else' removed (it was after 'Read Transfer Request', with 2 cards inside) in flow 'Status'",
    ]);
    expect(c.ghosts.map((g) => g.label ?? g.face?.title ?? g.kind).sort()).toEqual(
      ['False', 'If/Else', 'Search Rows', 'Delete Row', 'True', 'merge'].sort(),
    );
    const ghosts = new Set(c.ghosts);
    for (const g of c.ghosts)
      for (const n of c.drawing.nodes)
        if (!ghosts.has(n)) expect(overlap(g, n), `${g.id} overlaps ${n.id}`).toBe(false);
    expect(c.drawing.edges.filter((e) => e.kind === 'ghost')).toHaveLength(1);
  });
});

function pathOf(data: RawFloData, uuid: string) {
  let found: Parameters<Parameters<typeof forEachScope>[1]>[1] = [];
  forEachScope(data, (s, p) => {
    if (s.methods.some((m) => m.uuid === uuid)) found = p;
  });
  return found;
}
