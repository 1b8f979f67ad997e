import { describe, expect, it } from 'vitest';
import { add, cardById, fieldId, flowProblems, readUserThenIfError } from '../../tests/builders.ts';
import { unwrap } from './errors.ts';
import type { CardId } from './ids.ts';
import { seededIds } from './ids.ts';
import { mappingsOf } from './mapping.ts';
import type { RawFloData } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { scopeAt } from './scope.ts';
import { sequenceOf } from './sequence.ts';
import { sampleOrg, findUser } from './sim/org.ts';
import { simulate } from './sim/run.ts';
import { dropUnreadWormhole, handedKey, mapFromOutside } from './wormholes.ts';

/** Delegated Flow → Read User → If Error, with Suspend User and Deactivate User in its Try arm. */
function flow() {
  const { ws, flowId, data, read, container, path, suspend } = readUserThenIfError();
  const deact = add(data, 'root:channels:http:okta:deactivateUser', {
    kind: 'after',
    card: suspend,
    path,
  });
  return {
    ws,
    flowId,
    data: deact.data,
    read,
    container,
    path,
    suspend,
    deact: deact.id,
  };
}

const inner = (d: RawFloData, path: ScopePath, id: string) =>
  scopeAt(d, path)!.methods.find((m) => m.uuid === id);

describe('handing a value into an inline flow (wormholes)', () => {
  it('maps an outside output into a card of the Try arm through a hidden context field', () => {
    const f = flow();
    const d = unwrap(
      mapFromOutside(
        f.data,
        { card: f.read, output: fieldId(cardById(f.data, f.read), 'outputs', 'ID') },
        { card: f.suspend, input: fieldId(inner(f.data, f.path, f.suspend), 'inputs', 'id') },
        f.path,
        seededIds(3),
      ),
    );
    const container = cardById(d, f.container)!;
    const holes = Object.values(container.node.model.inputs.data).filter(
      (x) => x.group === 'context',
    );
    expect(holes).toHaveLength(1);
    const innerScope = scopeAt(d, f.path)!;
    const innerEvent = innerScope.methods.find((m) => m.uuid === sequenceOf(innerScope).event)!;
    expect(holes[0]?.metadata).toEqual({ forceHide: true, wormholeMethodId: innerEvent.uuid });
    const handed = Object.values(innerEvent.node.model.outputs.data).find(
      (x) => x.key === holes[0]?.key,
    );
    expect(handed?.metadata).toEqual({ forceHide: true, wormholeMethodId: f.container });
    expect(mappingsOf(innerScope).map((m) => m.to.card)).toEqual([f.suspend]);
    expect(flowProblems(d)).toEqual([]);

    // A second card inside takes the same value through the same wormhole.
    const again = unwrap(
      mapFromOutside(
        d,
        { card: f.read, output: fieldId(cardById(d, f.read), 'outputs', 'ID') },
        { card: f.deact, input: fieldId(inner(d, f.path, f.deact), 'inputs', 'id') },
        f.path,
        seededIds(4),
      ),
    );
    expect(
      Object.values(cardById(again, f.container)!.node.model.inputs.data).filter(
        (x) => x.group === 'context',
      ),
    ).toHaveLength(1);
    expect(mappingsOf(scopeAt(again, f.path)!)).toHaveLength(2);
    expect(flowProblems(again)).toEqual([]);

    // The simulator follows the wormhole: Read User's ID reaches Suspend User inside the Try arm.
    const ws = {
      ...f.ws,
      flows: { ...f.ws.flows, [f.flowId]: { ...f.ws.flows[f.flowId]!, data: d } },
    };
    const r = simulate(ws, f.flowId, sampleOrg(), { oktaUserId: '00u1alice' });
    expect(findUser(r.org, '00u1alice')?.status).toBe('SUSPENDED');
  });

  it('refuses a source that runs after the container', () => {
    const f = flow();
    const later = add(f.data, 'root:channels:http:okta:readUser');
    const r = mapFromOutside(
      later.data,
      { card: later.id, output: fieldId(cardById(later.data, later.id), 'outputs', 'ID') },
      { card: f.suspend, input: fieldId(inner(later.data, f.path, f.suspend), 'inputs', 'id') },
      f.path,
    );
    expect(r.ok ? null : r.problems[0]?.code).toBe('MAP_E012');
  });

  it('re-mapping an input from another outside output drops the value it no longer reads', () => {
    const f = flow();
    const holes = (d: RawFloData): string[] =>
      Object.values(cardById(d, f.container)!.node.model.inputs.data)
        .filter((x) => x.group === 'context')
        .map((x) => x.key);
    const into = (d: RawFloData, card: CardId) => ({
      card,
      input: fieldId(inner(d, f.path, card), 'inputs', 'id'),
    });
    const from = (d: RawFloData, key: string) => ({
      card: f.read,
      output: fieldId(cardById(d, f.read), 'outputs', key),
    });
    const first = unwrap(
      mapFromOutside(f.data, from(f.data, 'ID'), into(f.data, f.suspend), f.path),
    );
    const second = unwrap(
      mapFromOutside(first, from(first, 'login'), into(first, f.suspend), f.path),
    );
    // One handed-in value left, fed by login; the ID wormhole and its mapping are gone.
    expect(holes(second)).toHaveLength(1);
    expect(mappingsOf(second).filter((m) => m.to.card === f.container)).toHaveLength(1);
    expect(flowProblems(second)).toEqual([]);
    // A value another card inside still reads is kept.
    const shared = unwrap(mapFromOutside(first, from(first, 'ID'), into(first, f.deact), f.path));
    const moved = unwrap(
      mapFromOutside(shared, from(shared, 'login'), into(shared, f.suspend), f.path),
    );
    expect(holes(moved)).toHaveLength(2);
    expect(handedKey(moved, f.path, into(moved, f.deact))).toBe(holes(first)[0]);
    // Dropping a key still read changes nothing.
    expect(dropUnreadWormhole(moved, f.path, holes(first)[0]!)).toBe(moved);
  });
});
