/**
 * Each card's part in a run, for the canvas: ran, failed (with the error's first line),
 * stopped the flow, not simulated, skipped (a branch or lane the run did not take), or not
 * reached (the run ended before it). Cards inside inline lanes are included.
 */
import type { RawMethod, RawScope } from '../raw.ts';
import { inlineFlows } from '../scope.ts';
import type { Step } from '../sequence.ts';
import { sequenceOf } from '../sequence.ts';
import type { Execution, StepRecord } from './engine.ts';

/** A card's state after a run. */
export type CardRunState =
  'ran' | 'failed' | 'stopped' | 'not simulated' | 'skipped' | 'not reached';

/** A card's state and the words that say it ("Failed: Okta answered 404…"). */
export interface CardRunStatus {
  state: CardRunState;
  text: string;
}

const firstLine = (s: string | undefined): string => (s ?? '').split('\n')[0]?.trim() ?? '';

const RANK: Record<StepRecord['status'], number> = {
  failed: 3,
  stopped: 2,
  unsupported: 1,
  done: 0,
};

/** Deepest inline nesting walked. */
const MAX_NESTING = 32;

const slotKey = (slot: { kind: string; field?: string }): string =>
  slot.kind === 'error' ? 'error' : `input ${slot.field ?? ''}`;

/** Each card's status after `execution`, a run of the flow whose content is `data`, by card id. */
export function cardStatuses(data: RawScope, execution: Execution): Map<string, CardRunStatus> {
  // A card's records (an inline lane may run many times), and the lanes each container ran.
  const records = new Map<string, StepRecord[]>();
  const lanesRun = new Map<string, Set<string>>();
  const collect = (e: Execution, depth: number): void => {
    if (depth > MAX_NESTING) return;
    for (const s of e.steps) {
      records.set(s.card, [...(records.get(s.card) ?? []), s]);
      for (const c of s.calls ?? []) {
        if (c.flowId !== s.card) continue; // a helper flow's run: its cards are not on this canvas
        const slot = c.steps[0]?.path[c.steps[0].path.length - 1]?.slot;
        if (slot) lanesRun.set(s.card, (lanesRun.get(s.card) ?? new Set()).add(slotKey(slot)));
        collect(c, depth + 1);
      }
    }
  };
  collect(execution, 0);

  const out = new Map<string, CardRunStatus>();
  const statusOf = (m: RawMethod, skipped: boolean): CardRunStatus => {
    if (skipped) return { state: 'skipped', text: 'Skipped: the run took another branch' };
    const recs = records.get(m.uuid);
    if (!recs?.length) return { state: 'not reached', text: 'Not reached' };
    const worst = recs.reduce((a, b) => (RANK[b.status] > RANK[a.status] ? b : a));
    const times = recs.length > 1 ? ` (${recs.length} times)` : '';
    switch (worst.status) {
      case 'failed':
        return { state: 'failed', text: `Failed: ${firstLine(worst.message) || 'an error'}` };
      case 'stopped':
        return { state: 'stopped', text: `Stopped the flow: ${firstLine(worst.message)}` };
      case 'unsupported':
        return { state: 'not simulated', text: 'Not simulated: later cards got no values from it' };
      default:
        return { state: 'ran', text: `Ran${times}` };
    }
  };
  const walkScope = (scope: RawScope, skipped: boolean, depth: number): void => {
    if (depth > MAX_NESTING) return;
    const byId = new Map(scope.methods.map((m) => [m.uuid, m]));
    const walkSteps = (list: readonly Step[], off: boolean): void => {
      for (const step of list) {
        const m = byId.get(step.id);
        if (!m) continue;
        out.set(m.uuid, statusOf(m, off));
        const ran = !off && records.has(m.uuid);
        if (step.type === 'ifElse') {
          const taken = records.get(m.uuid)?.[0]?.outputs[0]?.value;
          for (const b of step.branches) walkSteps(b.steps, off || (ran && b.value !== taken));
        }
        for (const entry of inlineFlows(m))
          walkScope(
            entry.flo,
            off || (ran && !lanesRun.get(m.uuid)?.has(slotKey(entry.slot))),
            depth + 1,
          );
      }
    };
    walkSteps(sequenceOf(scope).steps, skipped);
    for (const m of scope.methods) if (!out.has(m.uuid)) out.set(m.uuid, statusOf(m, skipped));
  };
  walkScope(data, false, 0);
  return out;
}
