/**
 * The visible cards of a flow in the order the layout numbers them (#1, #2, …), each with the
 * lane it sits in (the main sequence, a True/False branch of an If/Else, an arm of an inline
 * flow) and the card before it in that lane. Render tables and the diff both read this.
 */
import type { RawFloData, RawMethod, RawScope } from '../../model/raw.ts';
import type { ScopePath } from '../../model/scope.ts';
import { inlineFlows } from '../../model/scope.ts';
import type { Step } from '../../model/sequence.ts';
import { placeholderEventOf, sequenceOf } from '../../model/sequence.ts';
import { armLabel } from '../../model/summary.ts';

/** Where a card sits. `owner` is the If/Else or container card of a branch or arm. */
export type Lane =
  | { kind: 'main' }
  | { kind: 'branch'; owner: string; value: boolean }
  | { kind: 'arm'; owner: string; label: string; index: number }
  | { kind: 'loose' };

/** A visible card (or note) of a flow. */
export interface CardEntry {
  id: string;
  m: RawMethod;
  scope: RawScope;
  path: ScopePath;
  lane: Lane;
  /** The card before this one in its lane, or null for the first. */
  prev: string | null;
  /** 1-based execution order, as the layout numbers cards. */
  order: number;
}

const cache = new WeakMap<RawFloData, CardEntry[]>();

/** The flow's visible cards in execution order (inline flows right after their container). */
export function visibleCards(data: RawFloData): CardEntry[] {
  const hit = cache.get(data);
  if (hit) return hit;
  const out: CardEntry[] = [];

  const place = (
    m: RawMethod,
    scope: RawScope,
    path: ScopePath,
    lane: Lane,
    prev: string | null,
  ) => {
    out.push({ id: m.uuid, m, scope, path, lane, prev, order: out.length + 1 });
    inlineFlows(m).forEach((entry, index) => {
      const label = armLabel(m, entry.group, entry.slot.kind);
      const inner: ScopePath = [...path, { card: m.uuid as never, slot: entry.slot }];
      visitScope(entry.flo, inner, { kind: 'arm', owner: m.uuid, label, index }, true);
    });
  };

  const visitSteps = (
    steps: readonly Step[],
    byId: Map<string, RawMethod>,
    scope: RawScope,
    path: ScopePath,
    lane: Lane,
  ): void => {
    let prev: string | null = null;
    for (const step of steps) {
      const m = byId.get(step.id);
      if (!m) continue;
      place(m, scope, path, lane, prev);
      if (step.type === 'ifElse')
        for (const b of step.branches)
          visitSteps(b.steps, byId, scope, path, { kind: 'branch', owner: m.uuid, value: b.value });
      prev = m.uuid;
    }
  };

  const visitScope = (scope: RawScope, path: ScopePath, lane: Lane, skipEvent: boolean): void => {
    const byId = new Map(scope.methods.map((m) => [m.uuid, m]));
    const seq = sequenceOf(scope);
    visitSteps(skipEvent ? seq.steps.slice(1) : seq.steps, byId, scope, path, lane);
    let prev: string | null = null;
    for (const id of seq.loose) {
      const m = byId.get(id);
      if (!m) continue;
      place(m, scope, path, { kind: 'loose' }, prev);
      prev = m.uuid;
    }
  };

  // A flow without an event holds Okta's hidden Noop placeholder: no card to list or compare.
  visitScope(data, [], { kind: 'main' }, placeholderEventOf(data) !== null);
  cache.set(data, out);
  return out;
}

/** "True branch of 'Check'", "Try arm of 'If Error'"; null for the main sequence. */
export function laneText(lane: Lane, titleOf: (id: string) => string): string | null {
  switch (lane.kind) {
    case 'branch':
      return `${lane.value ? 'True' : 'False'} branch of '${titleOf(lane.owner)}'`;
    case 'arm':
      return `${lane.label} branch of '${titleOf(lane.owner)}'`;
    case 'loose':
      return 'cards outside the sequence';
    default:
      return null;
  }
}
