/**
 * The mock org's users and groups with their IDs, before or after the last run; after a run,
 * each row says in words what the run changed.
 */
import { useState } from 'react';
import type { MockOrg } from '../../model/sim/org.ts';
import { orgView } from '../../model/sim/orgView.ts';
import { DataTable } from '../ui/DataTable.tsx';
import { CopyId } from './CopyId.tsx';

/** The "Mock org" section of the Test run. `before` is the org before the last run, if any. */
export function MockOrgView({ org, before }: { org: MockOrg; before: MockOrg | null }) {
  const [when, setWhen] = useState<'before' | 'after'>('after');
  const showing = before && when === 'before' ? before : org;
  const view = orgView(showing, before && when === 'after' ? before : undefined);
  const changedText = (changes: string[]) =>
    changes.length ? <span className="sim-changed">Changed: {changes.join('; ')}</span> : null;
  return (
    <section className="sim-org" aria-label="Mock org">
      <h3>Mock org</h3>
      {before && (
        <div className="sim-tabs" role="group" aria-label="Show the mock org">
          <button type="button" aria-pressed={when === 'before'} onClick={() => setWhen('before')}>
            Before the run
          </button>
          <button type="button" aria-pressed={when === 'after'} onClick={() => setWhen('after')}>
            After the run
          </button>
        </div>
      )}
      <DataTable
        label="Mock org users"
        columns={[
          { header: 'ID', cell: (u) => <CopyId id={u.id} /> },
          { header: 'Login', cell: (u) => u.login },
          { header: 'Name', cell: (u) => u.name },
          {
            header: 'Status',
            cell: (u) => (
              <>
                {u.status} {changedText(u.changes)}
              </>
            ),
          },
        ]}
        rows={view.users}
        rowKey={(u) => u.id}
      />
      <DataTable
        label="Mock org groups"
        columns={[
          { header: 'ID', cell: (g) => <CopyId id={g.id} /> },
          { header: 'Name', cell: (g) => g.name },
          { header: 'Type', cell: (g) => g.type },
          {
            header: 'Members',
            cell: (g) => (
              <>
                {g.members} {changedText(g.changes)}
              </>
            ),
          },
        ]}
        rows={view.groups}
        rowKey={(g) => g.id}
      />
    </section>
  );
}
