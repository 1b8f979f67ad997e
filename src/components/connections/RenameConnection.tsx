/**
 * A connection's name on the Connections screen, renamed in place: checked with the model's
 * rule first (empty, too long, control characters, another of the app's connections), then by
 * the server; a refused name stays in the field with the reason tied to it.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { KeyboardEvent } from 'react';
import { useId, useState } from 'react';
import { api } from '../../client/api.ts';
import { appLabel } from '../../catalog/labels.ts';
import { connectionName } from '../../model/connections.ts';
import type { RawConfig } from '../../model/raw.ts';
import { useRole } from '../auth/useRole.ts';
import { ReasonButton } from '../ui/ReasonButton.tsx';

/** The name cell: the name and a Rename button, or the field while renaming. */
export function RenameConnection({
  connection: c,
  all,
}: {
  connection: RawConfig;
  all: Readonly<Record<string, RawConfig>>;
}) {
  const qc = useQueryClient();
  const errorId = useId();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const roleReason = useRole().reason('editor', 'rename connections');
  const what = `${appLabel(c.module)} connection “${c.name}”`;
  const cancel = () => {
    setText(null);
    setError(null);
  };
  const save = async () => {
    if (text === null || busy) return;
    const checked = connectionName(all, c.module, text, c.id);
    if (!checked.ok) return setError(checked.problems[0]?.message ?? 'This name is refused.');
    if (checked.value === c.name) return cancel();
    setBusy(true);
    try {
      await api.renameConnection(c.id, checked.value);
      // Cards show connections by id, so every card using it shows the new name.
      await qc.invalidateQueries({ queryKey: ['connections'] });
      cancel();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const keys = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape') {
      // Escape leaves the field, not the whole dialog.
      e.preventDefault();
      e.stopPropagation();
      cancel();
    }
  };
  if (text === null)
    return (
      <span className="conn-name">
        <span>{c.name}</span>
        <ReasonButton
          aria-label={`Rename ${what}`}
          reason={roleReason}
          onClick={() => setText(c.name)}
        >
          Rename
        </ReasonButton>
      </span>
    );
  return (
    <span className="conn-name">
      <input
        autoFocus
        aria-label={`New name for ${what}`}
        value={text}
        maxLength={1000}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onKeyDown={keys}
      />
      <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
        Save name
      </button>
      <button type="button" onClick={cancel}>
        Cancel
      </button>
      {error && (
        <span id={errorId} className="error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
