/**
 * Entity risk policy rules as code. In Okta Identity Threat Protection, a rule of the entity
 * risk policy matches a risk level (LOW, MEDIUM, HIGH or ANY) and can run one delegated flow
 * and also terminate all the user's sessions. The policy document is plain JSON kept beside
 * the flows; `policyWarnings` checks it against the flows it names.
 */
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import { forEachScope } from './scope.ts';
import type { RawFloData } from './raw.ts';

/** The risk levels a rule can match. */
export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'ANY'] as const;
/** A risk level. */
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** One rule: the delegated flow it runs (by flow name or flopack flow id). */
export interface RiskRule {
  name: string;
  riskLevel: RiskLevel;
  /** Flow name or flopack flow id of the delegated flow the rule runs. */
  flow: string;
  terminateAllSessions: boolean;
}

/** A policy document: the org's entity risk policy id and its rules. */
export interface RiskPolicy {
  /** Okta's entity risk policy id (`rst…`), or a Terraform expression such as `data.okta_entity_risk_policy.this.id`. */
  policyId: string;
  rules: RiskRule[];
}

/** What the checks need to know about a flow. */
export interface PolicyFlow {
  id: string;
  name: string;
  kind: string;
  active: boolean | null;
  /** True when the flow has an Okta Clear User Sessions card. */
  clearsSessions: boolean;
}

/** A warning about one rule. */
export interface PolicyWarning {
  rule: number;
  code: string;
  message: string;
}

const MAX_RULES = 200;
const MAX_TEXT = 500;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const text = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;

/** Reads a policy document (parsed JSON); every problem is reported, nothing is guessed. */
export function parseRiskPolicy(doc: unknown): Result<RiskPolicy> {
  if (!isObj(doc))
    return fail('POLICY_E001', 'A risk policy is a JSON object {"policyId": …, "rules": […]}.');
  if (!text(doc.policyId) || doc.policyId.trim() === '')
    return fail('POLICY_E002', '"policyId" must be the entity risk policy id (a string).');
  if (!Array.isArray(doc.rules) || doc.rules.length > MAX_RULES)
    return fail('POLICY_E003', `"rules" must be a list of at most ${MAX_RULES} rules.`);
  const rules: RiskRule[] = [];
  for (const [i, r] of doc.rules.entries()) {
    const at = `Rule ${i + 1}`;
    if (!isObj(r)) return fail('POLICY_E004', `${at} is not an object.`);
    if (!text(r.name) || r.name.trim() === '')
      return fail('POLICY_E005', `${at} needs a "name" (text, at most ${MAX_TEXT} characters).`);
    if (!RISK_LEVELS.includes(r.riskLevel as RiskLevel))
      return fail(
        'POLICY_E006',
        `${at} ("${r.name}"): "riskLevel" must be LOW, MEDIUM, HIGH or ANY.`,
      );
    if (!text(r.flow) || r.flow.trim() === '')
      return fail(
        'POLICY_E007',
        `${at} ("${r.name}"): "flow" must name the delegated flow it runs.`,
      );
    if (r.terminateAllSessions !== undefined && typeof r.terminateAllSessions !== 'boolean')
      return fail(
        'POLICY_E008',
        `${at} ("${r.name}"): "terminateAllSessions" must be true or false.`,
      );
    rules.push({
      name: r.name,
      riskLevel: r.riskLevel as RiskLevel,
      flow: r.flow,
      terminateAllSessions: r.terminateAllSessions === true,
    });
  }
  return ok({ policyId: doc.policyId, rules });
}

/** True when a flow's content has an Okta Clear User Sessions card (inline flows included). */
export function clearsSessions(data: RawFloData): boolean {
  let found = false;
  forEachScope(data, (s) => {
    if (s.methods.some((m) => m.node.key === 'clearUserSessions')) found = true;
  });
  return found;
}

/** The flow a rule names: by flopack id first, then by exact name. */
export function ruleFlow(rule: RiskRule, flows: readonly PolicyFlow[]): PolicyFlow | undefined {
  return flows.find((f) => f.id === rule.flow) ?? flows.find((f) => f.name === rule.flow);
}

/** Warnings: a missing, non-delegated or OFF flow; sessions terminated twice. */
export function policyWarnings(policy: RiskPolicy, flows: readonly PolicyFlow[]): PolicyWarning[] {
  const out: PolicyWarning[] = [];
  policy.rules.forEach((rule, i) => {
    const flow = ruleFlow(rule, flows);
    const at = `Rule “${rule.name}”`;
    if (!flow) {
      out.push({
        rule: i,
        code: 'POLICY_W001',
        message: `${at} runs “${rule.flow}”, which is not among the flows — choose a delegated flow.`,
      });
      return;
    }
    if (flow.kind !== 'delegated')
      out.push({
        rule: i,
        code: 'POLICY_W002',
        message: `${at} runs “${flow.name}”, which is not a delegated flow — a risk policy can run only delegated flows.`,
      });
    if (flow.active === false)
      out.push({
        rule: i,
        code: 'POLICY_W003',
        message: `${at} runs “${flow.name}”, which is OFF — turn it ON or the rule does nothing.`,
      });
    if (rule.terminateAllSessions && flow.clearsSessions)
      out.push({
        rule: i,
        code: 'POLICY_W004',
        message: `${at} terminates all sessions and its flow “${flow.name}” also clears them — keep one of the two.`,
      });
  });
  return out;
}
