/**
 * "Test run": runs the draft against a mock Okta org (users, groups, sessions) and shows each
 * card's inputs and outputs as Okta's execution history does when data saving is on. The
 * org keeps its changes between runs until it is reset, so effects can be followed.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { queries } from '../../client/api.ts';
import { eventInputs } from '../../model/eventInputs.ts';
import { flowKind } from '../../model/flows.ts';
import type { MockOrg } from '../../model/sim/org.ts';
import { sampleOrg } from '../../model/sim/org.ts';
import type { Execution, StepRecord } from '../../model/sim/run.ts';
import { simulate } from '../../model/sim/run.ts';
import type { Flow, Workspace } from '../../model/workspace.ts';
import { refsOf } from '../../export/flopack/refs.ts';
import { flowFromDto } from '../../client/editorStore.ts';
import { useEditor, useEditorStore } from '../flow/editorContext.ts';
import { useRunStatus } from '../../client/runStatus.ts';
import { setInputValue } from '../../model/cards.ts';
import { cardStatuses } from '../../model/sim/cardStatus.ts';
import type { UnknownId } from '../../model/sim/staticIds.ts';
import { unknownIds } from '../../model/sim/staticIds.ts';
import { useFlowEdit } from '../inspector/useFlowEdit.ts';
import { IdWarnings } from './IdWarnings.tsx';
import { MockOrgView } from './MockOrgView.tsx';
import './sim.css';

const show = (v: unknown): string =>
  v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

/** The test run panel. */
export function TestRunPanel() {
  const store = useEditorStore();
  const qc = useQueryClient();
  const data = useEditor((s) => s.flow.data);
  const [org, setOrg] = useState<MockOrg>(sampleOrg);
  const [userId, setUserId] = useState('00u1alice');
  const [values, setValues] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{
    execution: Execution;
    before: MockOrg;
    after: MockOrg;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** IDs the helper flows lack, found when Run was pressed (the open flow's are found live). */
  const [helperWarnings, setHelperWarnings] = useState<UnknownId[]>([]);
  const [held, setHeld] = useState(false);
  const inputs = eventInputs(data);
  const delegated = flowKind(data) === 'delegated';
  const apply = useFlowEdit();
  const flowId = useEditor((s) => s.flow.id);
  const flowName = useEditor((s) => s.flow.name);
  const warnings = [...unknownIds({ id: flowId, name: flowName, data }, org), ...helperWarnings];

  // The canvas shows the last run's statuses until the flow is edited or the Test run closes.
  useEffect(() => {
    const shown = useRunStatus.getState();
    if (shown.statuses && shown.data !== data) shown.clear();
  }, [data]);
  useEffect(() => () => useRunStatus.getState().clear(), []);

  /** The draft plus every helper flow it calls (transitively), loaded from the server. */
  const workspace = async (draft: Flow): Promise<Workspace> => {
    const flows: Record<string, Flow> = { [draft.id]: draft };
    const queue = [...refsOf(draft.data).flows];
    while (queue.length) {
      const id = queue.shift() as string;
      if (flows[id]) continue;
      try {
        const helper = flowFromDto(await qc.fetchQuery(queries.flow(id)));
        flows[id] = helper;
        queue.push(...refsOf(helper.data).flows);
      } catch {
        // A missing helper fails the run at the card that calls it.
      }
    }
    return { folders: {}, flows, tables: {}, configs: {}, origin: null };
  };

  const run = async (anyway = false) => {
    setError(null);
    const draft = store.getState().flow;
    try {
      const ws = await workspace(draft);
      const helpers = Object.values(ws.flows)
        .filter((f) => f.id !== draft.id)
        .flatMap((f) => unknownIds(f, org));
      setHelperWarnings(helpers);
      if (!anyway && (helpers.length > 0 || unknownIds(draft, org).length > 0)) {
        setHeld(true);
        return;
      }
      setHeld(false);
      const typed = Object.fromEntries(
        inputs.map((i) => [
          i.key,
          i.type === 'number'
            ? Number(values[i.key] ?? 0)
            : i.type === 'boolean'
              ? values[i.key] === 'true'
              : (values[i.key] ?? ''),
        ]),
      );
      const r = simulate(ws, draft.id, org, {
        ...(delegated ? { oktaUserId: userId } : {}),
        values: typed,
      });
      setResult({ execution: r.execution, before: org, after: r.org });
      setOrg(r.org);
      useRunStatus.getState().show(draft.id, draft.data, cardStatuses(draft.data, r.execution));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <aside className="versions sim" aria-label="Test run">
      <h2>Test run</h2>
      <p className="muted">
        Runs the current draft against a mock Okta org — nothing reaches a real org.
      </p>
      {delegated && (
        <label className="field">
          <span>Okta User ID (the at-risk user)</span>
          <select value={userId} onChange={(e) => setUserId(e.target.value)}>
            {org.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.firstName} {u.lastName} ({u.status.toLowerCase()})
              </option>
            ))}
          </select>
        </label>
      )}
      {inputs.map((i) => (
        <label key={i.key} className="field">
          <span>{i.key}</span>
          <input
            value={values[i.key] ?? ''}
            onChange={(e) => setValues({ ...values, [i.key]: e.target.value })}
          />
        </label>
      ))}
      <IdWarnings
        warnings={warnings}
        draftId={flowId}
        onUse={(w, id) => {
          apply((d) => setInputValue(d, w.card, w.input, id, w.path));
          setHeld(false);
        }}
      />
      {held && warnings.length > 0 && (
        <p className="error">
          The run did not start: Okta would answer 404 at the IDs above. Use one of the mock
          org&apos;s IDs, or run anyway.
        </p>
      )}
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => void run()}>
          Run
        </button>
        {held && warnings.length > 0 && (
          <button type="button" onClick={() => void run(true)}>
            Run anyway
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            setOrg(sampleOrg());
            setResult(null);
            useRunStatus.getState().clear();
          }}
        >
          Reset mock org
        </button>
      </div>
      {error && <p className="error">{error}</p>}
      {result && (
        <Result execution={result.execution} before={result.before} after={result.after} />
      )}
      <MockOrgView org={org} before={result?.before ?? null} />
    </aside>
  );
}

function Result({
  execution,
  before,
  after,
}: {
  execution: Execution;
  before: MockOrg;
  after: MockOrg;
}) {
  const changed = after.users.filter(
    (u) => JSON.stringify(u) !== JSON.stringify(before.users.find((b) => b.id === u.id)),
  );
  const sent = after.outbox.slice(before.outbox.length);
  return (
    <section aria-label="Run result">
      <p role="status" className={`sim-status sim-${execution.status}`}>
        Run {execution.status}
        {execution.message ? `: ${execution.message}` : '.'}
      </p>
      <ExecutionView execution={execution} />
      <h3>Changes to the mock org</h3>
      {changed.length === 0 && sent.length === 0 && <p className="muted">None.</p>}
      <ul className="sim-effects">
        {changed.map((u) => (
          <li key={u.id}>
            {u.firstName} {u.lastName}: status {u.status}; groups{' '}
            {u.groups.map((g) => after.groups.find((x) => x.id === g)?.name ?? g).join(', ')};
            sessions {u.sessions}; tokens {u.tokens}
          </li>
        ))}
        {sent.map((m, i) => (
          <li key={`m${i}`}>
            {m.kind === 'slack' ? 'Slack message' : 'Email'} to {m.to.join(', ')}
            {m.subject ? ` — “${m.subject}”` : ''}: {m.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ExecutionView({ execution }: { execution: Execution }) {
  return (
    <ol className="sim-steps" aria-label={`Cards run in ${execution.flowName}`}>
      {execution.steps.map((s, i) => (
        <StepView key={i} step={s} />
      ))}
    </ol>
  );
}

function StepView({ step }: { step: StepRecord }) {
  return (
    <li className={`sim-step sim-${step.status}`}>
      <details>
        <summary>
          <span className="sim-app">{step.app}</span> {step.title}{' '}
          <span className="sim-chip">{step.status}</span>
          {step.message && <span className="sim-message"> — {step.message}</span>}
        </summary>
        <dl>
          {step.inputs.map((x, i) => (
            <div key={`i${i}`}>
              <dt>in · {x.label}</dt>
              <dd>{show(x.value)}</dd>
            </div>
          ))}
          {step.outputs.map((x, i) => (
            <div key={`o${i}`}>
              <dt>out · {x.label}</dt>
              <dd>{show(x.value)}</dd>
            </div>
          ))}
        </dl>
      </details>
      {step.calls?.map((c, i) => (
        <div key={i} className="sim-call">
          <p className="muted">
            {c.flowName}: {c.status}
            {c.message ? ` — ${c.message}` : ''}
          </p>
          <ExecutionView execution={c} />
        </div>
      ))}
    </li>
  );
}
