/** "New flow from template": the three sample remediation flows of the entity-risk procedure. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, queries } from '../../client/api.ts';
import { useUi } from '../../client/uiStore.ts';
import { Dialog } from '../ui/Dialog.tsx';

interface Props {
  open: boolean;
  folder: { id: string; name: string };
  onClose: () => void;
}

/** Lists the templates; creating one adds its flows (OFF) to the folder and opens the main flow. */
export function TemplateDialog({ open, folder, onClose }: Props) {
  const templates = useQuery(queries.templates());
  const qc = useQueryClient();
  const openFlow = useUi((s) => s.openFlow);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async (id: string) => {
    setBusy(true);
    setError(null);
    try {
      const made = await api.fromTemplate(id, folder.id);
      await qc.invalidateQueries({ queryKey: ['workspace'] });
      onClose();
      const main = made.flowIds[0];
      if (main) openFlow(main, folder.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="New flow from template" open={open} onClose={onClose}>
      <p className="muted">
        Creates the flows in “{folder.name}”, switched OFF. Review the notes in each flow before you
        turn it on.
      </p>
      {templates.error && <p className="error">{templates.error.message}</p>}
      <ul className="event-list">
        {templates.data?.map((t, i) => (
          <li key={t.id}>
            <button
              type="button"
              disabled={busy}
              data-autofocus={i === 0 ? '' : undefined}
              onClick={() => void create(t.id)}
            >
              <strong>{t.title}</strong>
              <span className="muted">{t.description}</span>
              <span className="muted">Creates: {t.flows.join(', ')}</span>
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
