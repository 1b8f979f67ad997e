/** A dialog asking for one name (new folder, rename). */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Dialog } from './Dialog.tsx';
import { NameField } from './NameField.tsx';

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
      <NameField
        label={label}
        value={name}
        error={error}
        onChange={(v) => {
          setName(v);
          setError(null);
        }}
      />
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
