/** A dialog asking for one name (new folder, rename). */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Dialog } from './Dialog.tsx';

interface NameDialogProps {
  title: string;
  label?: string;
  initial?: string;
  submit: string;
  open: boolean;
  onClose: () => void;
  /** Returns an error message to show inline, or null when done. */
  onSubmit: (name: string) => Promise<string | null>;
}

/** Asks for a name; shows the server's or the model's message inline when refused. */
export function NameDialog({
  title,
  label = 'Name',
  initial = '',
  submit,
  open,
  onClose,
  onSubmit,
}: NameDialogProps) {
  return (
    <Dialog title={title} open={open} onClose={onClose}>
      <NameForm
        label={label}
        initial={initial}
        submit={submit}
        onSubmit={onSubmit}
        onClose={onClose}
      />
    </Dialog>
  );
}

function NameForm({
  label,
  initial,
  submit,
  onSubmit,
  onClose,
}: Omit<NameDialogProps, 'title' | 'open'> & { label: string; initial: string }) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const go = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const problem = await onSubmit(name);
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  };
  return (
    <form onSubmit={(e) => void go(e)}>
      <label className="field">
        <span>{label}</span>
        <input
          autoFocus
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
          aria-invalid={error !== null}
          aria-describedby={error ? 'name-error' : undefined}
        />
      </label>
      {error && (
        <p id="name-error" className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {submit}
        </button>
      </div>
    </form>
  );
}
