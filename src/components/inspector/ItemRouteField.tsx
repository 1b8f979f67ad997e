/**
 * On For Each, Map, Filter, Reduce and Repeat: which helper input receives the current item,
 * and which field of it (Okta's `proxy.path`; empty for the whole item).
 */
import { useId, useState } from 'react';
import { callerFields, itemRoute, setItemRoute } from '../../model/helperItem.ts';
import type { CardAt } from './cardAt.ts';
import { firstMessage, useFlowEdit } from './useFlowEdit.ts';

/** The "Current item" choice of a list card that calls a helper flow. */
export function ItemRouteField({ at }: { at: CardAt }) {
  const apply = useFlowEdit();
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const route = itemRoute(at.m);
  const [path, setPath] = useState(route?.path ?? '');
  const fields = callerFields(at.m);
  if (fields.length === 0) return null;
  const commit = (key: string | null, itemPath: string) =>
    setProblem(firstMessage(apply((d) => setItemRoute(d, at.card, key, itemPath, at.path))));
  return (
    <div className="insp-field insp-item">
      <label htmlFor={`${id}-to`} className="insp-label">
        Current item goes to
      </label>
      <select
        id={`${id}-to`}
        value={route?.key ?? ''}
        onChange={(e) => commit(e.target.value === '' ? null : e.target.value, path)}
      >
        <option value="">No helper input</option>
        {fields.map((f) => (
          <option key={f.id} value={f.key}>
            {f.key}
          </option>
        ))}
      </select>
      {route && (
        <>
          <label htmlFor={`${id}-path`} className="insp-label">
            Field of the item
          </label>
          <input
            id={`${id}-path`}
            value={path}
            placeholder="The whole item"
            onChange={(e) => setPath(e.target.value)}
            onBlur={() => commit(route.key, path)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit(route.key, path);
            }}
          />
          <p className="insp-hint">
            Empty sends the whole item; a field name (e.g. <code>ID</code>,{' '}
            <code>Profile.Name</code>) sends that field of it.
          </p>
        </>
      )}
      {problem && (
        <p role="alert" className="insp-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
