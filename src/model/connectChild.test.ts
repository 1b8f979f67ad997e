import { describe, expect, it } from 'vitest';
import { cardById, groupHelperFlow } from '../../tests/builders.ts';
import { mappedChild } from './childFields.ts';
import { childMappingProblem, connectChild } from './connectChild.ts';
import { unwrap } from './errors.ts';
import type { FieldId } from './ids.ts';
import { mappingsOf } from './mapping.ts';

describe('mapping a child field by connecting its pill', () => {
  it('maps Group › ID into a Text input through a hidden expand card, as Map from… does', () => {
    const h = groupHelperFlow();
    const to = { card: h.remove, input: h.input(h.remove, 'id'), path: [] };
    const from = { card: h.event, output: h.group, path: [], field: ['ID'] };
    expect(childMappingProblem(h.data, from, to)).toBeNull();
    const next = unwrap(connectChild(h.data, from, to));
    const into = mappingsOf(next).find((m) => m.to.card === h.remove && m.to.input === to.input);
    expect(into).toBeDefined();
    expect(mappedChild(next, into!.from.card, into!.from.output)).toEqual({
      card: h.event,
      output: h.group,
      path: ['ID'],
    });
    expect(next.methods.filter((m) => m.node.key === 'expand')).toHaveLength(1);
  });

  it('reads a nested child (Profile › Name) and reuses the expand card for a second child', () => {
    const h = groupHelperFlow();
    const a = { card: h.guard, input: h.input(h.guard, 'left-operand'), path: [] };
    const b = { card: h.remove, input: h.input(h.remove, 'id'), path: [] };
    let d = unwrap(
      connectChild(h.data, { card: h.event, output: h.group, path: [], field: ['Type'] }, a),
    );
    d = unwrap(
      connectChild(d, { card: h.event, output: h.group, path: [], field: ['Profile', 'Name'] }, b),
    );
    const expands = d.methods.filter((m) => m.node.key === 'expand');
    expect(expands).toHaveLength(1);
    expect(
      Object.values(expands[0]!.node.model.outputs.data)
        .filter((f) => f.key === 'value')
        .map((f) => f.metadata['path']),
    ).toEqual([['Type'], ['Profile', 'Name']]);
  });

  it('refuses with the reason, and changes nothing: a field the type lacks, an object into Text, a later card', () => {
    const h = groupHelperFlow();
    const to = { card: h.remove, input: h.input(h.remove, 'id'), path: [] };
    const base = { card: h.event, output: h.group, path: [] };
    expect(childMappingProblem(h.data, { ...base, field: ['Nope'] }, to)).toBe(
      '“Group” has no field Nope.',
    );
    expect(childMappingProblem(h.data, { ...base, field: ['Profile'] }, to)).toMatch(
      /^“Group › Profile” is an object; .* takes a text/,
    );
    const r = connectChild(h.data, { ...base, field: ['Profile'] }, to);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.code).toBe('MAP_E020');
    // The Remove card runs after Continue If: its output cannot feed Continue If.
    const back = childMappingProblem(
      h.data,
      { card: h.remove, output: 'x' as FieldId, path: [], field: ['ID'] },
      { card: h.guard, input: h.input(h.guard, 'left-operand'), path: [] },
    );
    expect(back).toBe('That card or field is no longer in the flow.');
  });

  it('an empty field path maps the whole output, with the whole output’s checks', () => {
    const h = groupHelperFlow();
    const to = { card: h.remove, input: h.input(h.remove, 'id'), path: [] };
    const whole = { card: h.event, output: h.group, path: [], field: [] };
    expect(childMappingProblem(h.data, whole, to)).toMatch(/is an object/);
    const user = Object.values(cardById(h.data, h.event)!.node.model.outputs.data).find(
      (f) => f.key === 'User ID',
    )!.id as FieldId;
    const next = unwrap(connectChild(h.data, { ...whole, output: user }, to));
    expect(mappingsOf(next).some((m) => m.from.card === h.event && m.to.card === h.remove)).toBe(
      true,
    );
    expect(next.methods.some((m) => m.node.key === 'expand')).toBe(false);
  });
});
