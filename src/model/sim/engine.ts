/** The simulator's shared parts: what a run records, its state, and how it stops. */
import { viewField } from '../cards.ts';
import type { CardId } from '../ids.ts';
import type { RawField, RawMethod, RawScope } from '../raw.ts';
import type { ScopePath } from '../scope.ts';
import { cardCategory } from '../summary.ts';
import type { Workspace } from '../workspace.ts';
import type { MockOrg } from './org.ts';

/** One card's run, as the execution history lists it. */
export interface StepRecord {
  card: CardId;
  path: ScopePath;
  title: string;
  app: string;
  status: 'done' | 'stopped' | 'failed' | 'unsupported';
  inputs: { label: string; value: unknown }[];
  outputs: { label: string; value: unknown }[];
  message?: string;
  /** Helper-flow runs this card started. */
  calls?: Execution[];
}

/** A flow's run. */
export interface Execution {
  flowId: string;
  flowName: string;
  /** `incomplete`: it reached its end, but passed cards the simulator cannot run. */
  status: 'completed' | 'incomplete' | 'stopped' | 'failed';
  steps: StepRecord[];
  message?: string;
  /** What a Return card handed back, by key. */
  returned?: Record<string, unknown>;
}

/** What a simulated run needs. */
export interface RunInput {
  /** The Okta User ID the Delegated Flow receives (the at-risk user). */
  oktaUserId?: string;
  /** Values of the Delegated Flow's (or Helper Flow's) inputs, by key. */
  values?: Record<string, unknown>;
}

/** A run's result: the execution and the org after it. */
export interface RunResult {
  execution: Execution;
  org: MockOrg;
}

/** Most cards one run may execute (a loop guard). */
export const MAX_STEPS = 5000;
/** Deepest nesting of helper-flow calls. */
export const MAX_DEPTH = 8;

/** The state of a run, shared by every scope it enters. */
export interface Run {
  ws: Workspace;
  org: MockOrg;
  now: Date;
  budget: { steps: number };
  depth: number;
  /** Runs a (helper or inline) flow scope; given by the runner, used by call cards. */
  runFlow: (
    flowId: string,
    flowName: string,
    scope: RawScope,
    path: ScopePath,
    seeds: Record<string, unknown>,
  ) => Execution;
}

/** Values produced in one scope: card → output id → value. */
export type Values = Map<string, Map<string, unknown>>;

/** Ends a scope's run early: stopped by Continue If, returned, or failed. */
export class Stop extends Error {
  override name = 'Stop';
  constructor(
    readonly kind: 'stopped' | 'returned' | 'failed',
    message: string,
    readonly outputs: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** One card being run: what the code running it needs. */
export interface CardRun {
  run: Run;
  path: ScopePath;
  m: RawMethod;
  /** Resolved input values by key (and "group/key"). */
  inputs: Map<string, unknown>;
  /** The inputs as the history shows them. */
  shown: StepRecord['inputs'];
  steps: StepRecord[];
  /** Records the card's outputs (by key) and returns them as the history shows them. */
  outputsOf: (out: Record<string, unknown>) => StepRecord['outputs'];
}

/** A field's label as the history shows it. */
export const fieldLabel = (f: RawField): string => viewField(f).label;

/** One card's record. */
export function record(
  m: RawMethod,
  path: ScopePath,
  status: StepRecord['status'],
  inputs: StepRecord['inputs'],
  outputs: StepRecord['outputs'],
  message?: string,
): StepRecord {
  return {
    card: m.uuid as CardId,
    path,
    title: m.node.data.name,
    app: cardCategory(m).label,
    status,
    inputs,
    outputs,
    ...(message ? { message } : {}),
  };
}
