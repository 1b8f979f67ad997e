import { describe, expect, it } from 'vitest';
import { add, cardById, catalog, deepFreeze, makeWorkspace } from '../../tests/builders.ts';
import { createCard } from './catalog.ts';
import { mappedChild } from './childFields.ts';
import { childMappingProblem, connectChild } from './connectChild.ts';
import { unwrap } from './errors.ts';
import { addEventInput, setEventInputKeys } from './eventInputs.ts';
import { createFlow, editFlowContent, setEvent } from './flows.ts';
import type { CardId, FieldId } from './ids.ts';
import { seededIds } from './ids.ts';
import { mappingsOf } from './mapping.ts';
import type { RawFloData, RawMethod } from './raw.ts';
import { allCardIds } from './scope.ts';

/** Helper Flow (Group with keys ID, Type, Profile.Name; User ID) → Continue If → Remove. */
function helper() {
  const { ws, folderId } = makeWorkspace();
  const made = unwrap(createFlow(ws, folderId, { name: 'Remove user from group' }, seededIds(4)));
  let data = unwrap(
    editFlowContent(made.workspace, made.flow.id, (d) =>
      setEvent(d, createCard(catalog, 'root:kernel:control:callable', allCardIds(d), seededIds(5))),
    ),
  ).flows[made.flow.id]?.data as RawFloData;
  data = unwrap(addEventInput(data, { name: 'Group', type: 'object' }, seededIds(8))).data;
  data = unwrap(addEventInput(data, { name: 'User ID', type: 'string' }, seededIds(9))).data;
  data = unwrap(setEventInputKeys(data, 'Group', ['ID', 'Type', 'Profile.Name']));
  const guard = add(data, 'root:kernel:control:continueIf');
  const remove = add(guard.data, 'root:channels:http:okta:removeUserFromGroup');
  data = remove.data;
  const event = data.methods[0] as RawMethod;
  const out = (key: string): FieldId =>
    Object.values(event.node.model.outputs.data).find((f) => f.key === key)!.id as FieldId;
  const input = (card: string, key: string): FieldId =>
    Object.values(cardById(data, card)!.node.model.inputs.data).find((f) => f.key === key)!
      .id as FieldId;
  return {
    data: deepFreeze(data),
    event: event.uuid as CardId,
    group: out('Group'),
    guard: guard.id,
    remove: remove.id,
    input,
  };
}

describe('mapping a child field by connecting its pill', () => {
  it('maps Group › ID into a Text input through a hidden expand card, as Map from… does', () => {
    const h = helper();
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
    const h = helper();
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
    const h = helper();
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
    const h = helper();
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
