/**
 * The workspace's entity risk policy: read it with what its checks need of the flows, and
 * save it (editors), refusing a stale base revision and recording the change in the audit
 * trail in the same transaction.
 */
import type { RiskPolicyDto } from '../contract/api.ts';
import { parseRiskPolicy } from '../contract/riskPolicy.ts';
import type { RiskPolicy } from '../model/riskPolicy.ts';
import { emptyPolicy, policyDocument, policyFlows, policyWarnings } from '../model/riskPolicy.ts';
import { actorLabel, currentActor, INSTANCE_ID } from './auth/context.ts';
import { ApiError } from './http.ts';
import type { RiskPolicyRecord, Store, StoreTx } from './storage/store.ts';

async function load(tx: StoreTx): Promise<RiskPolicyDto> {
  const record = await tx.riskPolicy();
  const flows = policyFlows(await tx.flows());
  const policy = record ? stored(record) : emptyPolicy();
  return {
    policy,
    revision: record?.revision ?? 0,
    updatedAt: record?.updatedAt ?? null,
    updatedBy: record?.updatedBy ?? '',
    flows,
    warnings: policyWarnings(policy, flows),
  };
}

/** A stored document is read with the same schema as any other; a damaged one is reported. */
function stored(record: RiskPolicyRecord): RiskPolicy {
  let doc: unknown;
  try {
    doc = JSON.parse(record.doc) as unknown;
  } catch {
    doc = null;
  }
  const r = parseRiskPolicy(doc);
  if (!r.ok)
    throw new ApiError(
      500,
      'POLICY_E500',
      `The stored risk policy cannot be read (${r.problems[0]?.code ?? '?'}) — save the policy again to replace it.`,
    );
  return r.value;
}

/** Reads and saves the risk policy. */
export class RiskPolicyService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The policy (an empty one before the first save), the flows and the saved warnings. */
  get(): Promise<RiskPolicyDto> {
    return this.store.transaction(load);
  }

  /** The policy document for `flopack terraform` (flows named by name where unique). */
  async document(): Promise<RiskPolicy> {
    const dto = await this.get();
    return policyDocument(dto.policy, dto.flows);
  }

  /** Saves the policy over `baseRevision`; 409 when someone saved since. */
  save(baseRevision: number, policy: RiskPolicy): Promise<RiskPolicyDto> {
    return this.store.transaction(async (tx) => {
      const current = await tx.riskPolicy();
      const revision = current?.revision ?? 0;
      if (baseRevision !== revision)
        throw new ApiError(
          409,
          'POLICY_E409',
          `The risk policy was saved elsewhere (revision ${revision}) after you opened revision ${baseRevision} — reload it and make your change again.`,
          { revision },
        );
      const actor = actorLabel(currentActor());
      const at = this.clock().toISOString();
      await tx.putRiskPolicy({
        doc: JSON.stringify(policy),
        revision: revision + 1,
        updatedAt: at,
        updatedBy: actor,
      });
      await tx.addAudit({
        at,
        actor,
        action: 'policy.save',
        target: 'risk-policy',
        detail: `Saved the risk policy (${policy.rules.length} rule(s): ${policy.rules
          .map(
            (r) =>
              `${r.riskLevel} → ${r.flow}${r.terminateAllSessions ? ', terminate sessions' : ''}`,
          )
          .join('; ')
          .slice(0, 500)})`,
        instance: INSTANCE_ID,
      });
      return load(tx);
    });
  }
}
