/**
 * Entity risk policy rules as code. In Okta Identity Threat Protection, a rule of the entity
 * risk policy matches a risk level (LOW, MEDIUM, HIGH or ANY) and can run one delegated flow
 * and also terminate all the user's sessions. The policy document is plain JSON kept beside
 * the flows; `policyWarnings` checks it against the flows it names. The document's schema is
 * `riskPolicySchema` in src/contract/riskPolicy.ts (zod, kept out of this module so the browser
 * can use the checks without it).
 */
import { flowKind } from './flows.ts';
import { forEachScope } from './scope.ts';
import type { RawFloData } from './raw.ts';
import type { Flow } from './workspace.ts';

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

/** At most this many rules in a policy. */
export const MAX_POLICY_RULES = 200;
/** At most this many characters in a policy's texts (id, rule names, flow references). */
export const MAX_POLICY_TEXT = 500;

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

/** What the checks need of each flow of a workspace. */
export function policyFlows(flows: readonly Flow[]): PolicyFlow[] {
  return flows.map((f) => ({
    id: f.id,
    name: f.name,
    kind: flowKind(f.data),
    active: f.active,
    clearsSessions: clearsSessions(f.data),
  }));
}

/** An empty policy: no rules yet. */
export const emptyPolicy = (): RiskPolicy => ({ policyId: '', rules: [] });

/** The policy with a new rule at the end: HIGH risk, running `flow`, sessions kept. */
export function addRule(policy: RiskPolicy, flow: string): RiskPolicy {
  const taken = new Set(policy.rules.map((r) => r.name));
  let name = 'New rule';
  for (let i = 2; taken.has(name); i++) name = `New rule (${i})`;
  return {
    ...policy,
    rules: [...policy.rules, { name, riskLevel: 'HIGH', flow, terminateAllSessions: false }],
  };
}

/** The policy with rule `index` changed by `patch` (an index out of range changes nothing). */
export function updateRule(
  policy: RiskPolicy,
  index: number,
  patch: Partial<RiskRule>,
): RiskPolicy {
  if (!policy.rules[index]) return policy;
  return {
    ...policy,
    rules: policy.rules.map((r, i) => (i === index ? { ...r, ...patch } : r)),
  };
}

/** The policy without rule `index`. */
export function removeRule(policy: RiskPolicy, index: number): RiskPolicy {
  return { ...policy, rules: policy.rules.filter((_, i) => i !== index) };
}

/**
 * The policy document for `flopack terraform`: each rule names its flow by name (what the
 * flow-id mapping file is keyed by after import), or by flopack flow id when the name is not
 * unique among the flows; a rule whose flow is gone keeps its reference, to be reported there.
 */
export function policyDocument(policy: RiskPolicy, flows: readonly PolicyFlow[]): RiskPolicy {
  const count = new Map<string, number>();
  for (const f of flows) count.set(f.name, (count.get(f.name) ?? 0) + 1);
  return {
    policyId: policy.policyId,
    rules: policy.rules.map((r) => {
      const flow = ruleFlow(r, flows);
      const ref = flow ? (count.get(flow.name) === 1 ? flow.name : flow.id) : r.flow;
      return {
        name: r.name,
        riskLevel: r.riskLevel,
        flow: ref,
        terminateAllSessions: r.terminateAllSessions,
      };
    }),
  };
}
