/** `flopack terraform POLICY.json --flow-ids IDS.json`: entity risk policy rules as Terraform. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatProblem } from '../../model/errors.ts';
import { parseRiskPolicy } from '../../contract/riskPolicy.ts';
import { parseFlowIds, riskRulesTerraform } from '../../export/terraform/riskRules.ts';
import type { Command } from '../command.ts';
import type { CliIo } from '../io.ts';
import { parseArgs, readInput, UsageError } from '../io.ts';

function readJson(io: CliIo, file: string): unknown {
  const text = readInput(io, file);
  if (text.length > 1024 * 1024) throw new UsageError(`${file}: larger than 1 MB`);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON (${(e as Error).message})`);
  }
}

export const terraform: Command = {
  name: 'terraform',
  summary: 'write entity risk policy rules (okta_entity_risk_policy_rule) as Terraform',
  usage: 'flopack terraform POLICY.json --flow-ids IDS.json [--out FILE]',
  help: `Writes one okta_entity_risk_policy_rule resource per rule of POLICY.json:
  {"policyId": "rst…" or "data.okta_entity_risk_policy.this.id",
   "rules": [{"name": "High risk", "riskLevel": "HIGH", "flow": "Risk Policy - High",
              "terminateAllSessions": false}]}
The org's flow ids exist only after import: IDS.json maps each flow name or flopack flow id
to its org flow id, {"Risk Policy - High": "12345"}. A rule whose flow is not in IDS.json is
reported and nothing is written — ids are never guessed.
  --out FILE  write to FILE instead of standard output
Exit status: 0 ok, 1 invalid policy or a missing flow id, 2 unreadable file or bad arguments.`,
  run(argv, io) {
    const { files, options } = parseArgs(argv, { 'flow-ids': 'value', out: 'value' });
    if (files.length !== 1) throw new UsageError('give exactly one POLICY.json');
    const idsFile = options.get('flow-ids');
    if (typeof idsFile !== 'string') throw new UsageError('--flow-ids IDS.json is required');
    const policyFile = files[0] ?? '';
    const policy = parseRiskPolicy(readJson(io, policyFile));
    const ids = parseFlowIds(readJson(io, idsFile));
    const tf = policy.ok && ids.ok ? riskRulesTerraform(policy.value, ids.value) : null;
    const problems = !policy.ok
      ? policy.problems.map((p) => `${policyFile}: error ${formatProblem(p)}`)
      : !ids.ok
        ? ids.problems.map((p) => `${idsFile}: error ${formatProblem(p)}`)
        : tf && !tf.ok
          ? tf.problems.map((p) => `${idsFile}: error ${formatProblem(p)}`)
          : [];
    if (problems.length > 0 || !tf || !tf.ok) {
      problems.forEach((p) => io.out(p));
      return 1;
    }
    const out = options.get('out');
    if (typeof out !== 'string') io.out(tf.value.trimEnd());
    else {
      mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
      writeFileSync(out, tf.value);
      io.out(`wrote ${out}`);
    }
    return 0;
  },
};
