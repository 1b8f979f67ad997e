/** Import a flopack (.flopack, .folder, .flow) into a chosen folder, with upload progress. */
import { Dialog } from '../ui/Dialog.tsx';
import type { TreeIndex } from '../workspace/useTree.ts';
import type { ImportControl } from './useImport.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  index: TreeIndex;
  control: ImportControl;
}

/** The import dialog. */
export function ImportDialog({ open, onClose, index, control }: Props) {
  const { setTarget, progress, error, result, run } = control;
  // A remembered folder may have been deleted or renamed away since: then the top level.
  const target = index.tree.folders.some((f) => f.id === control.target) ? control.target : '';
  const close = () => {
    control.reset();
    onClose();
  };
  return (
    <Dialog title="Import" open={open} onClose={close}>
      <label className="field">
        <span>Import into</span>
        <select value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">Top level (a single flow gets a new folder named after it)</option>
          {index.tree.folders.map((f) => (
            <option key={f.id} value={f.id}>
              {'\u00a0\u00a0'.repeat(index.depth(f.id) - 1) + f.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Flopack file (.flopack, .folder or .flow)</span>
        <input
          type="file"
          accept=".flopack,.folder,.flow,.json,application/json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void run(file, target);
            e.target.value = '';
          }}
        />
      </label>
      <p className="muted">
        You can also drop a file anywhere on the page. Nothing is overwritten: clashing names get a
        suffix.
      </p>
      {progress !== null && (
        <div className="progress">
          <progress max={1} value={progress} aria-label="Upload progress" />
          <span>{Math.round(progress * 100)}%</span>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          Import failed: {error} Nothing was imported.
        </p>
      )}
      {result && (
        <div role="status" className="import-result">
          <p>
            Imported {result.report.flows} flow(s) in {result.report.folders} folder(s)
            {result.report.tables ? `, ${result.report.tables} table(s)` : ''}
            {result.report.connections
              ? `, ${result.report.connections} connection placeholder(s)`
              : ''}
            . Imported flows are OFF.
          </p>
          {result.report.renamed.length > 0 && (
            <ul>
              {result.report.renamed.map((r, i) => (
                <li key={i}>
                  {r.kind === 'folder' ? 'Folder' : 'Flow'} “{r.from}” was renamed “{r.to}” (the
                  name was taken).
                </li>
              ))}
            </ul>
          )}
          {(result.report.cleaned ?? []).length > 0 && (
            <ul aria-label="Names cleaned">
              {(result.report.cleaned ?? []).map((r, i) => (
                <li key={i}>
                  {r.kind === 'folder' ? 'Folder' : 'Flow'} “{r.from}” was renamed “{r.to}” (names
                  may not hold control or right-to-left override characters, be blank or exceed 200
                  characters).
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          {result ? 'Done' : 'Close'}
        </button>
      </div>
    </Dialog>
  );
}
