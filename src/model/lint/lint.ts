/** Linting a flow: every rule, findings sorted errors first. */
import type { Flow } from '../workspace.ts';
import { HELPER_CALL_RULES } from './helperCallRules.ts';
import { RULES } from './rules.ts';
import type { Finding, LintContext } from './types.ts';

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Runs every rule on a flow. */
export function lintFlow(flow: Flow, ctx: LintContext): Finding[] {
  return [...RULES, ...HELPER_CALL_RULES]
    .flatMap((r) => r.check(flow, ctx))
    .sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

export type { Finding, FlowInfo, LintContext, Severity } from './types.ts';
