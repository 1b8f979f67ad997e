import { describe, expect, it } from 'vitest';
import { add, cardById, fieldId, makeDelegatedFlow } from '../../../tests/builders.ts';
import { setCardTitle, setInputValue } from '../../model/cards.ts';
import { unwrap } from '../../model/errors.ts';
import { mapField, mappingsOf } from '../../model/mapping.ts';
import type { RawFloData } from '../../model/raw.ts';
import { layoutFlow } from '../../export/layout/layout.ts';
import { cardLabel, createProjector, projectEdges } from './project.ts';

function flow() {
  const { ws, flowId } = makeDelegatedFlow();
  let d = ws.flows[flowId]?.data as RawFloData;
  const read = add(d, 'root:channels:http:okta:readUser');
  const compose = add(read.data, 'root:kernel:string:compose');
  const slack = add(compose.data, 'root:channels:http:slack:sendMessageToChannel2');
  d = slack.data;
  return { d, read: read.id, compose: compose.id, slack: slack.id };
}

describe('the canvas projection', () => {
  it('names cards "App – Title, card n of m"', () => {
    const f = flow();
    const nodes = createProjector()(layoutFlow(f.d), null, null);
    expect(nodes.filter((n) => n.type === 'card').map((n) => n.ariaLabel)).toEqual([
      'Events – Delegated Flow, card 1 of 4',
      'Okta – Read User, card 2 of 4',
      'Text – Compose, card 3 of 4',
      'Slack – Send Message to Channel, card 4 of 4',
    ]);
    expect(
      cardLabel(
        { role: 'note', title: 'Comment', note: { title: 'Why', markdown: '' } } as never,
        2,
        3,
      ),
    ).toBe('Note “Why”, card 2 of 3');
    // An untitled note is a note, not Okta's internal card name "Comment".
    expect(
      cardLabel(
        { role: 'note', title: 'Comment', note: { title: '', markdown: '' } } as never,
        2,
        3,
      ),
    ).toBe('Note, card 2 of 3');
  });

  it('keeps the node objects of unchanged cards when one card changes', () => {
    const f = flow();
    const project = createProjector();
    const before = project(layoutFlow(f.d), null, null);
    const edited = unwrap(
      setInputValue(
        f.d,
        f.compose,
        fieldId(cardById(f.d, f.compose), 'inputs', '_text_'),
        'Risky user',
      ),
    );
    const after = project(layoutFlow(edited), null, null);
    const byId = (list: typeof before, id: string) => list.find((n) => n.id === id);
    expect(byId(after, f.read)).toBe(byId(before, f.read));
    expect(byId(after, f.slack)).toBe(byId(before, f.slack));
    expect(byId(after, f.compose)).not.toBe(byId(before, f.compose));
  });

  it('changes only the nodes whose selection changed', () => {
    const f = flow();
    const project = createProjector();
    const layout = layoutFlow(f.d);
    const a = project(layout, f.read, null);
    const b = project(layout, f.slack, null);
    const changed = b.filter((n, i) => n !== a[i]).map((n) => n.id);
    expect(changed.sort()).toEqual([f.read, f.slack].sort());
  });

  it('re-creates a card whose title changed, and no other', () => {
    const f = flow();
    const project = createProjector();
    const before = project(layoutFlow(f.d), null, null);
    const renamed = unwrap(setCardTitle(f.d, f.slack, 'Tell #security'));
    const after = project(layoutFlow(renamed), null, null);
    expect(after.filter((n, i) => n !== before[i]).map((n) => n.id)).toEqual([f.slack]);
  });

  it('draws mapping lines only for the selected card', () => {
    const f = flow();
    const layout = layoutFlow(f.d);
    const mapping = {
      from: { card: f.read, output: 'x' },
      to: { card: f.slack, input: 'y' },
      transform: null,
    } as never;
    expect(projectEdges(layout, [mapping], null).some((e) => e.className === 'edge-mapping')).toBe(
      false,
    );
    expect(
      projectEdges(layout, [mapping], f.slack).filter((e) => e.className === 'edge-mapping'),
    ).toHaveLength(1);
    // With every line on, no selection is needed.
    expect(
      projectEdges(layout, [mapping], null, undefined, true).filter(
        (e) => e.className === 'edge-mapping',
      ),
    ).toHaveLength(1);
  });

  it('makes mapping lines focusable, named "Source › Output to Card › Input"', () => {
    const f = flow();
    const d = unwrap(
      mapField(f.d, {
        from: { card: f.read, output: fieldId(cardById(f.d, f.read), 'outputs', 'ID') },
        to: { card: f.compose, input: fieldId(cardById(f.d, f.compose), 'inputs', '_text_') },
      }),
    );
    const lines = projectEdges(layoutFlow(d), mappingsOf(d), f.compose);
    const line = lines.find((e) => e.className === 'edge-mapping');
    expect(line?.ariaLabel).toBe('Read User › ID to Compose › Text');
    expect(line?.focusable).toBe(true);
    expect(line?.data).toEqual({ input: fieldId(cardById(d, f.compose), 'inputs', '_text_') });
    // The flow's sequence lines are decoration: never a Tab stop.
    expect(lines.filter((e) => e.className !== 'edge-mapping').every((e) => !e.focusable)).toBe(
      true,
    );
  });
});
