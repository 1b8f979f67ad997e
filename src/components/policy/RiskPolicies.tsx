/**
 * The "Risk policies" view: the workspace's entity risk policy rules (risk level, the delegated
 * flow each runs, whether it also terminates all sessions), their warnings as you edit, saving
 * (editors) and the policy JSON that `flopack terraform` turns into Terraform.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api, queries, riskPolicyFileUrl } from '../../client/api.ts';
import type { RiskPolicyDto } from '../../contract/api.ts';
import { PLAN_KIND_LABELS } from '../../export/plan/markdown.ts';
import type { PolicyFlow, RiskLevel, RiskPolicy, RiskRule } from '../../model/riskPolicy.ts';
import {
  addRule,
  policyWarnings,
  removeRule,
  RISK_LEVELS,
  ruleFlow,
  updateRule,
} from '../../model/riskPolicy.ts';
import { useRole } from '../auth/useRole.ts';
import { Dialog } from '../ui/Dialog.tsx';
import './policy.css';

/** The view in a dialog, opened from the studio's toolbar. */
export function RiskPoliciesDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title="Risk policies" open={open} onClose={onClose} wide>
      <RiskPolicies />
    </Dialog>
  );
}

function RiskPolicies() {
  const q = useQuery(queries.riskPolicy());
  if (q.error) return <p className="error">{q.error.message}</p>;
  if (!q.data) return <p className="muted">Loading the risk policy…</p>;
  // A new revision (saved here or elsewhere) starts a fresh draft.
  return <PolicyEditor key={q.data.revision} saved={q.data} />;
}

const LEVEL_LABELS: Record<RiskLevel, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  ANY: 'Any',
};

const byName = (a: PolicyFlow, b: PolicyFlow): number => a.name.localeCompare(b.name);

function PolicyEditor({ saved }: { saved: RiskPolicyDto }) {
  const qc = useQueryClient();
  const [draft, setDraft] = useState<RiskPolicy>(saved.policy);
  const { reason } = useRole();
  const editReason = reason('editor', 'change risk policies');
  const warnings = policyWarnings(draft, saved.flows);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved.policy);
  const flows = [...saved.flows].sort(byName);
  const firstDelegated = flows.find((f) => f.kind === 'delegated') ?? flows[0];
  const save = useMutation({
    mutationFn: () => api.saveRiskPolicy(saved.revision, draft),
    onSuccess: (dto) => qc.setQueryData(queries.riskPolicy().queryKey, dto),
  });
  const policyIdField = useId();
  return (
    <div className="risk-policies">
      <p className="muted">
        Rules of the org’s entity risk policy that run a delegated flow. A rule runs exactly one
        delegated flow, which must be ON; it can also terminate all of the user’s sessions.
      </p>
      <div className="field">
        <label htmlFor={policyIdField}>Entity risk policy id</label>
        <input
          id={policyIdField}
          value={draft.policyId}
          placeholder="rst… or data.okta_entity_risk_policy.this.id"
          disabled={editReason !== null}
          onChange={(e) => setDraft({ ...draft, policyId: e.target.value })}
        />
      </div>
      {draft.rules.length === 0 ? (
        <p className="muted">No rules yet.</p>
      ) : (
        <ol className="risk-rules" aria-label="Rules">
          {draft.rules.map((rule, i) => (
            <RuleRow
              key={i}
              index={i}
              rule={rule}
              flows={flows}
              disabled={editReason !== null}
              onChange={(patch) => setDraft(updateRule(draft, i, patch))}
              onRemove={() => setDraft(removeRule(draft, i))}
            />
          ))}
        </ol>
      )}
      <button
        type="button"
        disabled={editReason !== null || !firstDelegated}
        title={
          editReason ?? (firstDelegated ? undefined : 'Create a delegated flow first.') ?? undefined
        }
        onClick={() => firstDelegated && setDraft(addRule(draft, firstDelegated.id))}
      >
        Add rule
      </button>
      <h3 className="risk-warnings-title">Warnings</h3>
      {warnings.length === 0 ? (
        <p className="muted">No warnings.</p>
      ) : (
        <ul aria-label="Policy warnings" className="risk-warnings">
          {warnings.map((w) => (
            <li key={`${w.rule}-${w.code}`}>{w.message}</li>
          ))}
        </ul>
      )}
      {save.error && <p role="alert">{save.error.message}</p>}
      <div className="dialog-actions">
        <span className="muted" role="status">
          {dirty
            ? 'Unsaved changes'
            : saved.revision === 0
              ? 'Not saved yet'
              : `Saved (revision ${saved.revision})`}
        </span>
        <a
          className="button"
          href={riskPolicyFileUrl}
          download
          title="The saved policy, as flopack terraform POLICY.json --flow-ids IDS.json reads it"
        >
          Export policy JSON
        </a>
        <button
          type="button"
          className="primary"
          disabled={editReason !== null || !dirty || save.isPending}
          title={editReason ?? undefined}
          onClick={() => save.mutate()}
        >
          Save policy
        </button>
      </div>
    </div>
  );
}

interface RowProps {
  index: number;
  rule: RiskRule;
  flows: readonly PolicyFlow[];
  disabled: boolean;
  onChange: (patch: Partial<RiskRule>) => void;
  onRemove: () => void;
}

const flowLabel = (f: PolicyFlow): string =>
  `${f.name} (${PLAN_KIND_LABELS[f.kind] ?? f.kind}, ${f.active ? 'ON' : 'OFF'})`;

function RuleRow({ index, rule, flows, disabled, onChange, onRemove }: RowProps) {
  const id = useId();
  const current = ruleFlow(rule, flows);
  return (
    <li>
      <fieldset className="risk-rule" aria-label={`Rule ${index + 1}`} disabled={disabled}>
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          value={rule.name}
          onChange={(e) => onChange({ name: e.target.value })}
        />
        <label htmlFor={`${id}-level`}>Risk level</label>
        <select
          id={`${id}-level`}
          value={rule.riskLevel}
          onChange={(e) => onChange({ riskLevel: e.target.value as RiskLevel })}
        >
          {RISK_LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-flow`}>Delegated flow it runs</label>
        <select
          id={`${id}-flow`}
          value={current?.id ?? rule.flow}
          onChange={(e) => onChange({ flow: e.target.value })}
        >
          {!current && <option value={rule.flow}>{rule.flow} (not in the workspace)</option>}
          {flows.map((f) => (
            <option key={f.id} value={f.id}>
              {flowLabel(f)}
            </option>
          ))}
        </select>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={rule.terminateAllSessions}
            onChange={(e) => onChange({ terminateAllSessions: e.target.checked })}
          />
          Also terminate all sessions
        </label>
        <button type="button" onClick={onRemove}>
          Remove rule
        </button>
      </fieldset>
    </li>
  );
}
