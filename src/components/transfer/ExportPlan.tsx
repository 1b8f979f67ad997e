/**
 * The import plan of an export, as `flopack plan` lists it: the server writes the export, reads
 * it back and plans it with the same function, so the dialog and the CLI never disagree.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { PlanTarget } from '../../client/api.ts';
import { queries } from '../../client/api.ts';
import type { ImportPlanDto } from '../../contract/api.ts';
import { PLAN_KIND_LABELS } from '../../export/plan/markdown.ts';
import './transfer.css';

type Scope = 'flow' | 'folder' | 'workspace';

interface Props {
  flow: { id: string; name: string } | null;
  folder: { id: string; name: string } | null;
  subfolders: boolean;
}

/** A choice of what to plan (the flow, its folder, the workspace) and the plan's lists. */
export function ExportPlan({ flow, folder, subfolders }: Props) {
  const [scope, setScope] = useState<Scope>(flow ? 'flow' : folder ? 'folder' : 'workspace');
  const name = useId();
  const target: PlanTarget =
    scope === 'flow' && flow
      ? { kind: 'flow', id: flow.id }
      : scope === 'folder' && folder
        ? { kind: 'folder', id: folder.id, subfolders }
        : { kind: 'workspace' };
  const q = useQuery(queries.exportPlan(target));
  const choices: [Scope, string][] = [
    ...(flow ? [['flow', `Flow “${flow.name}”`] as [Scope, string]] : []),
    ...(folder ? [['folder', `Folder “${folder.name}”`] as [Scope, string]] : []),
    ['workspace', 'Whole workspace'],
  ];
  return (
    <section className="export-plan" aria-label="Import plan">
      <h3>Import plan</h3>
      <fieldset className="export-plan-scope">
        <legend>What importing the export into an org creates and needs</legend>
        {choices.map(([value, label]) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              name={name}
              value={value}
              checked={scope === value}
              onChange={() => setScope(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {q.error && <p className="error">{q.error.message}</p>}
      {!q.data && !q.error && <p className="muted">Planning…</p>}
      {q.data && <PlanLists plan={q.data} />}
    </section>
  );
}

function PlanLists({ plan }: { plan: ImportPlanDto }) {
  return (
    <div className="export-plan-lists">
      <p role="status">Importing creates {plan.flows.length} new flow(s), all OFF, with new ids.</p>
      <PlanList
        title="Connections to reselect"
        items={plan.connections.map(
          (c) => `${c.app} — “${c.name}”: ${c.cards} card${c.cards === 1 ? '' : 's'}`,
        )}
      />
      <PlanList
        title="Flows to turn ON, in this order (helper flows first)"
        ordered
        items={plan.turnOn.map(
          (f) =>
            `“${f.name}” (${PLAN_KIND_LABELS[f.kind] ?? f.kind})${f.calledBy.length ? ` — called by ${f.calledBy.map((n) => `“${n}”`).join(', ')}` : ''}`,
        )}
      />
      <PlanList
        title="API endpoints whose invoke URL and client token change"
        items={plan.endpoints.map(
          (e) =>
            `“${e.name}” (${e.security === 'open' ? 'public' : e.security === 'medium' ? 'client token' : e.security})`,
        )}
      />
      <PlanList
        title="Tables (the columns travel, the rows do not)"
        items={plan.tables.map((t) => `“${t.name}”: ${t.columns.join(', ') || 'no columns'}`)}
      />
      <PlanList title="Warnings" items={plan.warnings} />
    </div>
  );
}

function PlanList({
  title,
  items,
  ordered = false,
}: {
  title: string;
  items: readonly string[];
  ordered?: boolean;
}) {
  const id = useId();
  const List = ordered ? 'ol' : 'ul';
  return (
    <>
      <h4 id={id}>{title}</h4>
      {items.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <List aria-labelledby={id}>
          {items.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </List>
      )}
    </>
  );
}
