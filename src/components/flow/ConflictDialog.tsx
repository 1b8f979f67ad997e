/** Shown when a save is refused because the flow was saved elsewhere first. */
import { Dialog } from '../ui/Dialog.tsx';

interface Props {
  message: string | null;
  onReload: () => void;
  onOverwrite: () => void;
  onClose: () => void;
}

/** Offers to reload the saved flow (dropping local changes) or to overwrite it. */
export function ConflictDialog({ message, onReload, onOverwrite, onClose }: Props) {
  return (
    <Dialog title="This flow changed elsewhere" open={message !== null} onClose={onClose}>
      <p role="alert">{message}</p>
      <p className="muted">
        Reload discards your unsaved changes. Overwrite replaces the other save with yours; both
        stay in the version history.
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" onClick={onReload}>
          Reload
        </button>
        <button type="button" className="danger" onClick={onOverwrite}>
          Overwrite
        </button>
      </div>
    </Dialog>
  );
}
