import { describe, expect, it } from 'vitest';
import { add, cardById, deepFreeze, flowProblems, groupHelperFlow } from '../../tests/builders.ts';
import { corpusFiles, corpusName, corpusText, itCorpus } from '../../tests/corpus.ts';
import { outsideSourceGroups, sourceText } from './cardForm.ts';
import { childFieldsOf, mapChildField, mappedChild } from './childFields.ts';
import { unwrap } from './errors.ts';
import { eventInputs, inputKeys, setEventInputKeys } from './eventInputs.ts';
import type { CardId, FieldId } from './ids.ts';
import { seededIds } from './ids.ts';
import { mapField, mappingInto, mappingsOf, unmapField } from './mapping.ts';
import type { RawFloData, RawMethod, RawScope } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { forEachScope, inlineFlows, scopeAt } from './scope.ts';
import { sequenceOf } from './sequence.ts';
import type { Execution } from './sim/engine.ts';
import { sampleOrg } from './sim/org.ts';
import { simulate } from './sim/run.ts';
import { sourcesOf, summarize } from './summary.ts';
import { mapFromOutside } from './wormholes.ts';
import { readFlopack } from '../export/flopack/read.ts';

/** A helper flow taking a group record (keys ID, Type, Profile.Name) and a user id. */
const helper = groupHelperFlow;

const expands = (d: RawScope): RawMethod[] => d.methods.filter((m) => m.node.key === 'expand');

describe('child fields of typed object outputs', () => {
  it('declares an Object input’s keys as Okta’s structured type, and reads them back', () => {
    const h = helper();
    const event = cardById(h.data, h.event)!;
    const field = event.node.model.outputs.data[h.group]!;
    expect(field.value.type).toEqual({
      ID: { type: 'string', collection: false },
      Type: { type: 'string', collection: false },
      Profile: { type: { Name: { type: 'string', collection: false } }, collection: false },
    });
    expect(inputKeys(field.value.type)).toEqual(['ID', 'Type', 'Profile.Name']);
    expect(childFieldsOf(field.value.type).map((c) => c.label)).toEqual([
      'ID',
      'Type',
      'Profile',
      'Profile › Name',
    ]);
    const bad = setEventInputKeys(h.data, 'User ID', ['x']);
    expect(bad.ok ? null : bad.problems[0]?.code).toBe('INPUT_E005');
    const twice = setEventInputKeys(h.data, 'Group', ['ID', 'ID']);
    expect(twice.ok ? null : twice.problems[0]?.code).toBe('INPUT_E008');
    const plain = unwrap(setEventInputKeys(h.data, 'Group', []));
    expect(eventInputs(plain).find((i) => i.key === 'Group')?.type).toBe('object');
  });

  it('maps Group › ID through one hidden expand card, exactly as Okta stores it', () => {
    const h = helper();
    const before = deepFreeze(h.data);
    const to = { card: h.remove, input: h.input(h.remove, 'id', 'Group') };
    const d = unwrap(
      mapChildField(before, { card: h.event, output: h.group, path: ['ID'] }, to, [], seededIds(3)),
    );
    const [x] = expands(d);
    expect(expands(d)).toHaveLength(1);
    expect(x?.address).toBe('root:kernel:object:0.0.1:expand');
    expect(x?.node.data.name).toBe(h.event);
    const input = Object.values(x!.node.model.inputs.data);
    expect(input.map((f) => [f.key, f.metadata])).toEqual([
      ['object', { srcMethodId: h.event, srcOutputId: h.group }],
    ]);
    const outs = Object.values(x!.node.model.outputs.data);
    expect(outs.map((f) => [f.key, f.value.data, f.metadata['path'], f.ref])).toEqual([
      ['key', ['ID'], ['ID'], true],
      ['value', null, ['ID'], false],
    ]);
    expect(outs[0]?.group).toBe(outs[1]?.group);
    // Source → expand → consumer, plus one self-loop per extracted path.
    expect(mappingInto(d, x!.uuid, input[0]!.id)?.from).toEqual({ card: h.event, output: h.group });
    expect(mappingInto(d, h.remove, to.input)?.from.card).toBe(x!.uuid);
    const edges = Object.values(d.orderings);
    expect(edges).toContainEqual([h.event, x!.uuid]);
    expect(edges).toContainEqual([x!.uuid, h.remove]);
    expect(edges.filter(([a, b]) => a === x!.uuid && b === x!.uuid)).toHaveLength(1);
    expect(flowProblems(d)).toEqual([]);
    expect(sourceText(d, [], mappingInto(d, h.remove, to.input)!)).toBe('Helper Flow · Group › ID');
    expect(summarize(cardById(d, h.remove)!, sourcesOf(d)).inputs).toContainEqual(
      expect.objectContaining({ text: 'Helper Flow · Group › ID', mapped: true }),
    );
    expect(mappedChild(d, x!.uuid, outs[1]!.id)).toEqual({
      card: h.event,
      output: h.group,
      path: ['ID'],
    });
  });

  it('a child tried and left (re-mapped or unmapped) leaves no pair and no expand card behind', () => {
    const h = helper();
    const guard = { card: h.guard, input: h.input(h.guard, 'left-operand') };
    const child = (d: RawFloData, path: string[], seed: number) =>
      unwrap(
        mapChildField(d, { card: h.event, output: h.group, path }, guard, [], seededIds(seed)),
      );
    // As arrow keys step through Map from…: ID, then Type, then a whole output.
    let d = child(h.data, ['ID'], 3);
    d = child(d, ['Type'], 4);
    expect(expands(d)).toHaveLength(1);
    const pairs = (m: RawMethod | undefined) =>
      Object.values(m?.node.model.outputs.data ?? {}).map(
        (f) => `${f.key}:${String(f.metadata['path'])}`,
      );
    expect(pairs(expands(d)[0]).sort()).toEqual(['key:Type', 'value:Type']);
    const loops = (x: RawFloData) =>
      Object.values(x.orderings).filter(([a, b]) => a === b && a === expands(x)[0]?.uuid).length;
    expect(loops(d)).toBe(1);
    d = unwrap(mapField(d, { from: { card: h.event, output: h.user }, to: guard }));
    expect(expands(d)).toHaveLength(0);
    expect(mappingsOf(d)).toEqual([
      expect.objectContaining({ from: { card: h.event, output: h.user }, to: guard }),
    ]);
    // Unmapping a child also takes its expand card away; the event's Group is unused again.
    d = unwrap(unmapField(child(d, ['ID'], 5), guard));
    expect(expands(d)).toHaveLength(0);
    expect(Object.values(d.orderings).flat()).not.toContain(undefined);
    const event = d.methods.find((m) => m.uuid === h.event);
    expect(event?.pins[h.group]).toBeUndefined();
    expect(event?.node.model.outputs.data[h.group]?._used).toBeUndefined();
  });

  it('reuses the expand card for a second path, and the run reads both', () => {
    const h = helper();
    let d = unwrap(
      mapChildField(
        h.data,
        { card: h.event, output: h.group, path: ['ID'] },
        { card: h.remove, input: h.input(h.remove, 'id', 'Group') },
        [],
        seededIds(3),
      ),
    );
    d = unwrap(
      mapChildField(
        d,
        { card: h.event, output: h.group, path: ['Type'] },
        { card: h.guard, input: h.input(h.guard, 'left-operand') },
        [],
        seededIds(4),
      ),
    );
    d = unwrap(
      mapField(d, {
        from: { card: h.event, output: h.user },
        to: { card: h.remove, input: h.input(h.remove, 'id', 'User') },
      }),
    );
    const [x] = expands(d);
    expect(expands(d)).toHaveLength(1);
    expect(Object.keys(x!.node.model.outputs.data)).toHaveLength(4);
    expect(Object.values(d.orderings).filter(([a, b]) => a === b)).toHaveLength(2);
    expect(flowProblems(d)).toEqual([]);
    // Mapping the same path again reuses its pair.
    const again = unwrap(
      mapChildField(
        d,
        { card: h.event, output: h.group, path: ['Type'] },
        { card: h.guard, input: h.input(h.guard, 'left-operand') },
      ),
    );
    expect(Object.keys(expands(again)[0]!.node.model.outputs.data)).toHaveLength(4);

    const ws = {
      ...h.ws,
      flows: { ...h.ws.flows, [h.flowId]: { ...h.ws.flows[h.flowId]!, data: d } },
    };
    const org = sampleOrg();
    const someGroup = org.groups.find((g) => g.type === 'OKTA_GROUP')!;
    const member = org.users[0]!;
    const r = simulate(ws, h.flowId, org, {
      values: {
        Group: { ID: someGroup.id, Type: 'OKTA_GROUP', Profile: { Name: someGroup.name } },
        'User ID': member.id,
      },
    });
    const guard = r.execution.steps.find((s) => s.card === h.guard);
    expect(guard?.inputs).toContainEqual(expect.objectContaining({ value: 'OKTA_GROUP' }));
    const remove = r.execution.steps.find((s) => s.card === h.remove);
    expect(remove?.inputs).toContainEqual(expect.objectContaining({ value: someGroup.id }));
  });

  it('maps Group › ID into a card inside If Error: the group is handed in and a hidden expand card in the Try lane reads its ID', () => {
    const h = helper();
    let d = unwrap(
      mapChildField(
        h.data,
        { card: h.event, output: h.group, path: ['Type'] },
        { card: h.guard, input: h.input(h.guard, 'left-operand') },
        [],
        seededIds(3),
      ),
    );
    // The card before the If Error removes too (it reads the group at the top level).
    d = unwrap(
      mapChildField(
        d,
        { card: h.event, output: h.group, path: ['ID'] },
        { card: h.remove, input: h.input(h.remove, 'id', 'Group') },
        [],
        seededIds(4),
      ),
    );
    d = unwrap(
      mapField(d, {
        from: { card: h.event, output: h.user },
        to: { card: h.remove, input: h.input(h.remove, 'id', 'User') },
      }),
    );
    const tc = add(d, 'root:kernel:control:tryCatch');
    const slot = inlineFlows(cardById(tc.data, tc.id)!).find((e) => e.slot.kind === 'input')!.slot;
    const path: ScopePath = [{ card: tc.id, slot }];
    const tryEvent = sequenceOf(scopeAt(tc.data, path)!).event as CardId;
    const inner = add(tc.data, 'root:channels:http:okta:removeUserFromGroup', {
      kind: 'after',
      card: tryEvent,
      path,
    });
    d = deepFreeze(inner.data);
    const lane = (x: RawFloData) => scopeAt(x, path)!;
    const removeCard = lane(d).methods.find((m) => m.uuid === inner.id)!;
    const groupId = Object.values(removeCard.node.model.inputs.data).find(
      (f) => f.key === 'id' && f.group === 'Group',
    )!.id as FieldId;
    // Offered from outside, as a child of the group.
    const offered = outsideSourceGroups(d, path).flatMap((g) => g.outputs.map((o) => o.label));
    expect(offered).toContain('Group › ID');
    expect(offered).toContain('Group › Profile › Name');

    const mapped = unwrap(
      mapFromOutside(
        d,
        { card: h.event, output: h.group, path: ['ID'] },
        { card: inner.id, input: groupId },
        path,
        seededIds(6),
      ),
    );
    // One value handed in (the whole group), read inside by one expand card.
    const holes = Object.values(cardById(mapped, tc.id)!.node.model.inputs.data).filter(
      (f) => f.group === 'context',
    );
    expect(holes).toHaveLength(1);
    expect(mappingInto(mapped, tc.id, holes[0]!.id as FieldId)?.from).toEqual({
      card: h.event,
      output: h.group,
    });
    const [x] = expands(lane(mapped));
    expect(expands(lane(mapped))).toHaveLength(1);
    expect(
      mappingInto(lane(mapped), x!.uuid, Object.keys(x!.node.model.inputs.data)[0]!)?.from.card,
    ).toBe(tryEvent);
    const into = mappingInto(lane(mapped), inner.id, groupId)!;
    expect(into.from.card).toBe(x!.uuid);
    expect(sourceText(mapped, path, into)).toBe('Helper Flow · Group › ID');
    // The card and the outline name it by the outside source, never by the carrying key.
    const laneSources = sourcesOf(lane(mapped), {
      container: cardById(mapped, tc.id)!,
      sources: sourcesOf(mapped),
    });
    const laneRemove = lane(mapped).methods.find((m) => m.uuid === inner.id)!;
    expect(summarize(laneRemove, laneSources).inputs).toContainEqual(
      expect.objectContaining({ text: 'Helper Flow · Group › ID', mapped: true }),
    );
    expect(flowProblems(mapped)).toEqual([]);

    // Re-mapped to another outside value, the group is no longer handed in nor expanded.
    const userOut = h.user;
    const remapped = unwrap(
      mapFromOutside(
        mapped,
        { card: h.event, output: userOut },
        { card: inner.id, input: groupId },
        path,
        seededIds(8),
      ),
    );
    const handedIn = Object.values(cardById(remapped, tc.id)!.node.model.inputs.data)
      .filter((f) => f.group === 'context')
      .map((f) => mappingInto(remapped, tc.id, f.id as FieldId)?.from.output);
    expect(handedIn).toEqual([userOut]);
    expect(expands(lane(remapped))).toEqual([]);
    expect(flowProblems(remapped)).toEqual([]);

    // An object child into a text input is still refused.
    const refused = mapFromOutside(
      d,
      { card: h.event, output: h.group, path: ['Profile'] },
      { card: inner.id, input: groupId },
      path,
    );
    expect(refused.ok).toBe(false);

    // The run reads the group's ID inside the Try lane.
    const userId = Object.values(removeCard.node.model.inputs.data).find(
      (f) => f.key === 'id' && f.group === 'User',
    )!.id as FieldId;
    const run = unwrap(
      mapFromOutside(
        mapped,
        { card: h.event, output: h.user },
        { card: inner.id, input: userId },
        path,
        seededIds(7),
      ),
    );
    const ws = {
      ...h.ws,
      flows: { ...h.ws.flows, [h.flowId]: { ...h.ws.flows[h.flowId]!, data: run } },
    };
    const org = sampleOrg();
    const someGroup = org.groups.find((g) => g.type === 'OKTA_GROUP')!;
    const r = simulate(ws, h.flowId, org, {
      values: {
        Group: { ID: someGroup.id, Type: 'OKTA_GROUP', Profile: { Name: someGroup.name } },
        'User ID': org.users[0]!.id,
      },
    });
    const steps = (e: Execution): Execution['steps'] =>
      e.steps.flatMap((s) => [s, ...(s.calls ?? []).flatMap(steps)]);
    expect(r.execution.status).toBe('completed');
    const removed = steps(r.execution).find((s) => s.card === inner.id);
    expect(removed?.inputs).toContainEqual(expect.objectContaining({ value: someGroup.id }));
  });

  it('refuses an object into a text input, and a path the type does not declare', () => {
    const h = helper();
    const whole = mapField(h.data, {
      from: { card: h.event, output: h.group },
      to: { card: h.remove, input: h.input(h.remove, 'id', 'Group') },
    });
    expect(whole.ok ? null : whole.problems[0]?.code).toBe('MAP_E020');
    expect(whole.ok ? '' : whole.problems[0]?.message).toMatch(/is an object; .* takes a text/);
    const profile = mapChildField(
      h.data,
      { card: h.event, output: h.group, path: ['Profile'] },
      { card: h.remove, input: h.input(h.remove, 'id', 'Group') },
    );
    expect(profile.ok ? null : profile.problems[0]?.code).toBe('MAP_E020');
    const nope = mapChildField(
      h.data,
      { card: h.event, output: h.group, path: ['Nope'] },
      { card: h.remove, input: h.input(h.remove, 'id', 'Group') },
    );
    expect(nope.ok ? null : nope.problems[0]?.code).toBe('MAP_E021');
  });

  itCorpus('reads every path Okta’s own expand cards extract from a declared type', () => {
    let checked = 0;
    for (const name of corpusFiles()) {
      const pack = readFlopack(corpusText(corpusName(name)));
      if (!pack.ok) continue;
      for (const flo of Object.values(pack.value.flows))
        forEachScope(flo.data, (scope) => {
          for (const m of expands(scope))
            for (const f of Object.values(m.node.model.outputs.data)) {
              const src = mappedChild(scope, m.uuid, f.id);
              expect(src).not.toBeNull();
              const from = mappingsOf(scope).find((x) => x.to.card === m.uuid);
              const out = scope.methods.find((x) => x.uuid === from?.from.card)?.node.model.outputs
                .data[from?.from.output ?? ''];
              if (!out || typeof out.value.type !== 'object' || out.value.collection) continue;
              const labels = childFieldsOf(out.value.type).map((c) => c.path.join('\u0000'));
              if (labels.length === 0) continue;
              checked++;
              expect(labels).toContain(src!.path.join('\u0000'));
            }
        });
    }
    expect(checked).toBeGreaterThan(0);
  });
});
