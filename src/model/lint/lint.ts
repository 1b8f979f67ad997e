/** Linting a flow: every rule, findings sorted errors first. */
import type { Flow } from '../workspace.ts';
import { connectionRule } from './connectionRule.ts';
import { everyoneGuard } from './everyone.ts';
import { undeclaredField } from './fieldNames.ts';
import { HELPER_CALL_RULES } from './helperCallRules.ts';
import { mappingType } from './mappingTypes.ts';
import { placeholderInput } from './placeholders.ts';
import type { Rule } from './rules.ts';
import { RULES } from './rules.ts';
import { invalidSchedule } from './scheduleRule.ts';
import type { Finding, LintContext } from './types.ts';

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Every rule: the general ones, the helper-call ones, then the ones about Okta's data shapes. */
export const ALL_RULES: readonly Rule[] = [
  ...RULES,
  ...HELPER_CALL_RULES,
  everyoneGuard,
  placeholderInput,
  undeclaredField,
  mappingType,
  connectionRule,
  invalidSchedule,
];

/** Runs every rule on a flow. */
export function lintFlow(flow: Flow, ctx: LintContext): Finding[] {
  return ALL_RULES.flatMap((r) => r.check(flow, ctx)).sort(
    (a, b) => RANK[a.severity] - RANK[b.severity],
  );
}

export type { Finding, FlowInfo, LintContext, Severity } from './types.ts';
