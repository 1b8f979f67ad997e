/**
 * The connection an app card uses: one of its app's connections in the workspace, none, or a
 * new one named in a dialog. Choosing is an undoable edit of the draft (`node.model.config`);
 * creating a connection is a workspace change on the server.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api, queries } from '../../client/api.ts';
import { appLabel } from '../../catalog/labels.ts';
import { chooseConnection, clearConnection, connectionsOf } from '../../model/connections.ts';
import { NameDialog } from '../ui/NameDialog.tsx';
import type { CardAt } from './cardAt.ts';
import { firstMessage, useFlowEdit } from './useFlowEdit.ts';

const NEW = '\u0000new';

/** The "Connection" select of an app card. */
export function ConnectionField({ at, app }: { at: CardAt; app: string }) {
  const id = useId();
  const apply = useFlowEdit();
  const qc = useQueryClient();
  const list = useQuery(queries.connections()).data ?? [];
  const [problem, setProblem] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const label = appLabel(app);
  const mine = connectionsOf(Object.fromEntries(list.map((c) => [c.id, c])), app);
  const value = at.m.node.model.config ?? '';
  const choose = (next: string) => {
    if (next === NEW) return setAsking(true);
    if (next === '')
      return setProblem(firstMessage(apply((d) => clearConnection(d, at.path, at.card))));
    const c = list.find((x) => x.id === next);
    if (c) setProblem(firstMessage(apply((d) => chooseConnection(d, at.path, at.card, c))));
  };
  const create = async (name: string): Promise<string | null> => {
    try {
      const c = await api.createConnection(name, app);
      await qc.invalidateQueries({ queryKey: queries.connections().queryKey });
      setProblem(firstMessage(apply((d) => chooseConnection(d, at.path, at.card, c))));
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };
  return (
    <div className="insp-field">
      <label htmlFor={id} className="insp-label">
        Connection
      </label>
      <select
        id={id}
        value={value}
        aria-invalid={value === '' || problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => choose(e.target.value)}
      >
        <option value="">No connection</option>
        {value !== '' && !mine.some((c) => c.id === value) && (
          <option value={value}>A connection not in this workspace</option>
        )}
        {mine.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
        <option value={NEW}>New {label} connection…</option>
      </select>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="insp-problem">
          {problem}
        </p>
      )}
      <NameDialog
        title={`New ${label} connection`}
        label="Connection name"
        initial={mine.length === 0 ? label : ''}
        submit="Create"
        open={asking}
        onClose={() => setAsking(false)}
        onSubmit={create}
      />
    </div>
  );
}
