/** "New flow from template": the three sample remediation flows of the entity-risk procedure. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, queries } from '../../client/api.ts';
import { useUi } from '../../client/uiStore.ts';
import { sampleOrg } from '../../model/sim/org.ts';
import type { TemplateInfo } from '../../model/templates.ts';
import { Dialog } from '../ui/Dialog.tsx';

/** The mock org's groups offered for a Group ID field (a typed ID is taken as it is). */
const GROUPS = sampleOrg().groups.filter((g) => g.type === 'OKTA_GROUP');

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
  const [chosen, setChosen] = useState<TemplateInfo | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const create = async (id: string) => {
    setBusy(true);
    setError(null);
    try {
      const opts = Object.fromEntries(
        Object.entries(values).filter(
          ([k, v]) => chosen?.fields.some((f) => f.key === k) && v.trim() !== '',
        ),
      );
      const made = await api.fromTemplate(id, folder.id, opts);
      await qc.invalidateQueries({ queryKey: ['workspace'] });
      await qc.invalidateQueries({ queryKey: ['connections'] });
      setChosen(null);
      setValues({});
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
      {chosen ? (
        <form
          className="template-fields"
          aria-label={`Values for ${chosen.title}`}
          onSubmit={(e) => {
            e.preventDefault();
            void create(chosen.id);
          }}
        >
          <p>
            <strong>{chosen.title}</strong>
          </p>
          {chosen.fields.map((f) => (
            <label key={f.key} className="field">
              <span>{f.label}</span>
              <input
                type="text"
                value={values[f.key] ?? ''}
                list={f.kind === 'group' ? 'template-groups' : undefined}
                placeholder={f.kind === 'group' ? 'Search groups or type a Group ID' : ''}
                aria-describedby={`help-${f.key}`}
                onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
              />
              <span id={`help-${f.key}`} className="muted">
                {f.help} Left empty, the card input stays empty and Check reports it.
              </span>
            </label>
          ))}
          <datalist id="template-groups">
            {GROUPS.map((g) => (
              <option key={g.id} value={g.id} label={`${g.name} (mock org)`} />
            ))}
          </datalist>
          <div className="row">
            <button type="button" disabled={busy} onClick={() => setChosen(null)}>
              Back
            </button>
            <button type="submit" disabled={busy}>
              Create flows
            </button>
          </div>
        </form>
      ) : (
        <ul className="event-list">
          {templates.data?.map((t, i) => (
            <li key={t.id}>
              <button
                type="button"
                disabled={busy}
                data-autofocus={i === 0 ? '' : undefined}
                onClick={() => (t.fields.length ? setChosen(t) : void create(t.id))}
              >
                <strong>{t.title}</strong>
                <span className="muted">{t.description}</span>
                <span className="muted">Creates: {t.flows.join(', ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
