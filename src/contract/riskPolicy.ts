/**
 * The risk policy document as one zod schema, read by `flopack terraform POLICY.json`, by the
 * server's risk-policy routes and written by the studio's policy export: the same shape
 * everywhere. Problems come back coded (POLICY_E…), nothing is guessed.
 */
import { z } from 'zod';
import type { Problem, Result } from '../model/errors.ts';
import type { RiskPolicy, RiskRule } from '../model/riskPolicy.ts';
import { MAX_POLICY_RULES, MAX_POLICY_TEXT, RISK_LEVELS } from '../model/riskPolicy.ts';

const nonBlank = (what: string) =>
  z
    .string()
    .max(MAX_POLICY_TEXT)
    .refine((s) => s.trim() !== '', `${what} must not be blank`);

/** One rule of the policy document. */
export const riskRuleSchema = z.object({
  name: nonBlank('"name"'),
  riskLevel: z.enum(RISK_LEVELS),
  flow: nonBlank('"flow"'),
  terminateAllSessions: z.boolean().default(false),
});

/** The policy document: `{"policyId": …, "rules": [{name, riskLevel, flow, terminateAllSessions}]}`. */
export const riskPolicySchema = z.object({
  policyId: nonBlank('"policyId"'),
  rules: z.array(riskRuleSchema).max(MAX_POLICY_RULES),
});

// The schema and the model's types describe the same document, in both directions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameRule: Same<z.infer<typeof riskRuleSchema>, RiskRule> = true;
const samePolicy: Same<z.infer<typeof riskPolicySchema>, RiskPolicy> = true;
void sameRule;
void samePolicy;

const FIELD_CODES: Record<string, [string, string]> = {
  name: ['POLICY_E005', `needs a "name" (text, at most ${MAX_POLICY_TEXT} characters)`],
  riskLevel: ['POLICY_E006', '"riskLevel" must be LOW, MEDIUM, HIGH or ANY'],
  flow: ['POLICY_E007', '"flow" must name the delegated flow it runs'],
  terminateAllSessions: ['POLICY_E008', '"terminateAllSessions" must be true or false'],
};

function problemOf(issue: z.core.$ZodIssue, doc: unknown): Problem {
  const [top, index, field] = issue.path;
  if (top === undefined)
    return {
      code: 'POLICY_E001',
      message: 'A risk policy is a JSON object {"policyId": …, "rules": […]}.',
    };
  if (top === 'policyId')
    return {
      code: 'POLICY_E002',
      message: `"policyId" must be the entity risk policy id (text, at most ${MAX_POLICY_TEXT} characters).`,
    };
  if (top !== 'rules' || typeof index !== 'number')
    return {
      code: 'POLICY_E003',
      message: `"rules" must be a list of at most ${MAX_POLICY_RULES} rules.`,
    };
  const rules = (doc as { rules: unknown[] }).rules;
  const raw = rules[index] as { name?: unknown } | null;
  const named =
    typeof raw?.name === 'string' && raw.name.trim() !== '' ? ` ("${raw.name.slice(0, 80)}")` : '';
  const at = `Rule ${index + 1}${named}`;
  const known = typeof field === 'string' ? FIELD_CODES[field] : undefined;
  if (!known) return { code: 'POLICY_E004', message: `${at} is not an object.` };
  return { code: known[0], message: `${at}: ${known[1]}.` };
}

/** Reads a policy document (parsed JSON) against the shared schema. */
export function parseRiskPolicy(doc: unknown): Result<RiskPolicy> {
  const parsed = riskPolicySchema.safeParse(doc);
  if (parsed.success) return { ok: true, value: parsed.data };
  // Whole-document problems (not an object, no id, too many rules) first, then rule by rule.
  const problems = parsed.error.issues.map((i) => problemOf(i, doc));
  const whole = (p: Problem): boolean => p.code <= 'POLICY_E003';
  return {
    ok: false,
    problems: [...problems.filter(whole), ...problems.filter((p) => !whole(p))].slice(0, 20),
  };
}
