import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { add, makeDelegatedFlow } from '../../../tests/builders.ts';
import { corpusFile, hasCorpus, itEachCorpusFile } from '../../../tests/corpus.ts';
import { fixtureFiles } from '../../../tests/fixtures/flopacks.ts';
import { unwrap } from '../../model/errors.ts';
import { createCard } from '../../model/catalog.ts';
import { seededIds } from '../../model/ids.ts';
import { insertCard } from '../../model/insert.ts';
import { allCardIds, scopeAt } from '../../model/scope.ts';
import { catalog } from '../../../tests/builders.ts';
import type { RawFloData } from '../../model/raw.ts';
import type { IfElseStep } from '../../model/sequence.ts';
import { sequenceOf } from '../../model/sequence.ts';
import { readFlopack } from '../flopack/read.ts';
import type { LayoutNode } from './layout.ts';
import { GEOMETRY, layoutFlow } from './layout.ts';

const overlap = (a: LayoutNode, b: LayoutNode): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('flow layout', () => {
  it('puts cards left to right in execution order on one lane', () => {
    const { ws, flowId } = makeDelegatedFlow();
    let d = ws.flows[flowId]?.data as RawFloData;
    d = add(d, 'root:channels:http:okta:readUser').data;
    d = add(d, 'root:kernel:string:compose').data;
    const l = layoutFlow(d);
    const cards = l.nodes.filter((n) => n.kind === 'card');
    expect(cards.map((n) => n.summary?.title)).toEqual(['Delegated Flow', 'Read User', 'Compose']);
    expect(cards.map((n) => n.y)).toEqual([0, 0, 0]);
    expect(cards.map((n) => n.x)).toEqual([
      0,
      GEOMETRY.cardWidth + GEOMETRY.gapX,
      2 * (GEOMETRY.cardWidth + GEOMETRY.gapX),
    ]);
    expect(l.edges.map((e) => e.kind)).toEqual(['next', 'next']);
  });

  it('draws an If/Else as True and False lanes that meet before the next card', () => {
    const { ws, flowId } = makeDelegatedFlow();
    const d0 = ws.flows[flowId]?.data as RawFloData;
    const withIf = add(d0, 'root:kernel:control:if');
    const step = sequenceOf(withIf.data).steps[1] as IfElseStep;
    const inBranch = add(withIf.data, 'root:channels:http:okta:suspendUser', {
      kind: 'branchStart',
      head: step.branches[1]?.head as never,
    });
    const after = add(inBranch.data, 'root:channels:http:okta:readUser');
    const l = layoutFlow(after.data);
    const byLabel = (label: string) => l.nodes.find((n) => n.label === label);
    expect(byLabel('True')?.y).toBeLessThan(byLabel('False')?.y ?? 0);
    const merge = l.nodes.find((n) => n.kind === 'merge');
    const suspend = l.nodes.find((n) => n.summary?.title === 'Suspend User');
    const read = l.nodes.find((n) => n.summary?.title === 'Read User');
    expect(suspend?.y).toBe(byLabel('False')!.y - 12);
    expect(merge!.x).toBeGreaterThan(suspend!.x + suspend!.width);
    expect(read!.x).toBeGreaterThan(merge!.x);
    expect(l.edges.filter((e) => e.to === merge?.id)).toHaveLength(2);
  });

  it('offers insertion points that each insert a card right there, keeping the flow valid', () => {
    const files = [
      ...fixtureFiles(),
      ...(hasCorpus ? [corpusFile('automate_sso_application_creation')] : []),
    ];
    const flows = files.flatMap((f) =>
      Object.values(unwrap(readFlopack(readFileSync(f, 'utf8'))).flows),
    );
    for (const flow of flows) {
      const l = layoutFlow(flow.data);
      for (const node of l.nodes) {
        if (!node.after) continue;
        const card = createCard(
          catalog,
          'root:kernel:string:compose',
          allCardIds(flow.data),
          seededIds(9),
        );
        const r = insertCard(flow.data, node.after, card, { catalog });
        if (!r.ok)
          throw new Error(`${flow.name} ${node.kind} ${node.id}: ${r.problems[0]?.message}`);
        const scope = scopeAt(r.value.data, node.after.path ?? [])!;
        expect(sequenceOf(scope).loose).toEqual([]);
        const placed = layoutFlow(r.value.data).nodes.find((n) => n.id === card.uuid);
        expect(placed, `${flow.name} ${node.kind}`).toBeDefined();
        if (node.kind === 'card' || node.kind === 'branch')
          expect(placed!.y).toBe(node.kind === 'branch' ? node.y - 12 : node.y);
      }
    }
  });

  const laysOut = (_: string, file: string): void => {
    const ws = unwrap(readFlopack(readFileSync(file, 'utf8')));
    for (const flow of Object.values(ws.flows)) {
      const l = layoutFlow(flow.data);
      const ids = l.nodes.map((n) => n.id);
      expect(new Set(ids).size).toBe(ids.length);
      const boxes = l.nodes;
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          if (overlap(boxes[i]!, boxes[j]!))
            throw new Error(`${flow.name}: ${boxes[i]!.id} overlaps ${boxes[j]!.id}`);
      for (const e of l.edges) {
        expect(ids).toContain(e.from);
        expect(ids).toContain(e.to);
      }
    }
  };

  it.each(fixtureFiles().map((f) => [path.basename(f, '.flopack'), f]))(
    'lays out every flow of %s without overlaps, showing every visible card once',
    laysOut,
  );

  itEachCorpusFile(
    'lays out every flow of %s without overlaps, showing every visible card once',
    laysOut,
  );
});
