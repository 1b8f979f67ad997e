/**
 * The mock org's users and groups with their IDs, before or after the last run; after a run,
 * each row says in words what the run changed.
 */
import { useState } from 'react';
import type { MockOrg } from '../../model/sim/org.ts';
import { orgView } from '../../model/sim/orgView.ts';
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
      <table aria-label="Mock org users">
        <thead>
          <tr>
            <th scope="col">ID</th>
            <th scope="col">Login</th>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {view.users.map((u) => (
            <tr key={u.id}>
              <td>
                <CopyId id={u.id} />
              </td>
              <td>{u.login}</td>
              <td>{u.name}</td>
              <td>
                {u.status} {changedText(u.changes)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table aria-label="Mock org groups">
        <thead>
          <tr>
            <th scope="col">ID</th>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Members</th>
          </tr>
        </thead>
        <tbody>
          {view.groups.map((g) => (
            <tr key={g.id}>
              <td>
                <CopyId id={g.id} />
              </td>
              <td>{g.name}</td>
              <td>{g.type}</td>
              <td>
                {g.members} {changedText(g.changes)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
