/**
 * Deleting a connection. The server refuses while saved cards use it and names them; the
 * refusal is shown with one explicit way on: remove the connection from those cards (each flow
 * saved as a new version) and delete it. Nothing is removed from a card without that choice.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api, ApiFailure } from '../../client/api.ts';
import { appLabel } from '../../catalog/labels.ts';
import type { FlowUse } from '../../model/connections.ts';
import type { RawConfig } from '../../model/raw.ts';
import { useRole } from '../auth/useRole.ts';
import { ReasonButton } from '../ui/ReasonButton.tsx';

/** The Delete button of one connection, and its refusal while cards use it. */
export function DeleteConnection({
  connection: c,
  uses,
}: {
  connection: RawConfig;
  uses: readonly FlowUse[];
}) {
  const qc = useQueryClient();
  const id = useId();
  const [refused, setRefused] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const roleReason = useRole().reason('editor', 'delete connections');
  const what = `${appLabel(c.module)} connection “${c.name}”`;
  const cards = uses.reduce((n, u) => n + u.cards, 0);
  const run = async (detach: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.deleteConnection(c.id, detach);
      for (const flowId of r.detached) {
        await qc.invalidateQueries({ queryKey: ['flow', flowId] });
        await qc.invalidateQueries({ queryKey: ['versions', flowId] });
      }
      await qc.invalidateQueries({ queryKey: ['workspace'] });
      await qc.invalidateQueries({ queryKey: ['connections'] });
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 409) {
        setRefused(e.message);
        await qc.invalidateQueries({ queryKey: ['connections', 'usage'] });
      } else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="conn-actions">
      <ReasonButton
        className="danger-quiet"
        aria-label={`Delete ${what}`}
        {...(refused ? { 'aria-describedby': id } : {})}
        reason={roleReason}
        busy={busy}
        onClick={() => void run(false)}
      >
        Delete
      </ReasonButton>
      {refused && (
        <div className="conn-refused">
          <p id={id} role="alert" className="warning">
            {refused}
          </p>
          <button type="button" disabled={busy} onClick={() => void run(true)}>
            Remove from {cards > 0 ? `${cards} card${cards === 1 ? '' : 's'}` : 'its cards'} and
            delete
          </button>
          <button type="button" onClick={() => setRefused(null)}>
            Keep it
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
