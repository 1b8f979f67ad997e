import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { add, makeDelegatedFlow } from '../../../tests/builders.ts';
import { corpusFiles } from '../../../tests/corpus.ts';
import { unwrap } from '../../model/errors.ts';
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

  it.each(corpusFiles().map((f) => [path.basename(f, '.flopack'), f]))(
    'lays out every flow of %s without overlaps, showing every visible card once',
    (_, file) => {
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
    },
  );
});
