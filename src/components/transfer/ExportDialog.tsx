/** Export a flow or its folder as a flopack that Okta Workflows imports. */
import { useState } from 'react';
import { exportUrl } from '../../client/api.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { ExportPlan } from './ExportPlan.tsx';

interface Props {
  open: boolean;
  onClose: () => void;
  flow: { id: string; name: string; dirty: boolean } | null;
  folder: { id: string; name: string } | null;
}

/** Download links for the flow (.flow) and its folder (.folder). */
export function ExportDialog({ open, onClose, flow, folder }: Props) {
  const [subfolders, setSubfolders] = useState(true);
  // Folder exports are the files teams keep in git: canonical form by default there.
  const [canonical, setCanonical] = useState(folder !== null);
  return (
    <Dialog title="Export" open={open} onClose={onClose} wide>
      <p className="muted">
        Okta’s export format carries no ON/OFF state: flows always arrive OFF in Okta. After
        importing, turn them ON in the Workflows console (helper flows too). Connections travel as
        placeholders without secrets; reconnect them after import.
      </p>
      {flow?.dirty && (
        <p className="warning">
          The flow has unsaved changes; the export contains the last saved version.
        </p>
      )}
      <div className="export-options">
        {flow && (
          <a
            className="button primary"
            href={exportUrl.flow(flow.id, canonical)}
            download
            onClick={onClose}
          >
            Export flow “{flow.name}”
          </a>
        )}
        {folder && (
          <>
            <a
              className="button"
              href={exportUrl.folder(folder.id, subfolders, canonical)}
              download
              onClick={onClose}
            >
              Export folder “{folder.name}”
            </a>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={subfolders}
                onChange={(e) => setSubfolders(e.target.checked)}
              />
              Include subfolders
            </label>
          </>
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={canonical}
            onChange={(e) => setCanonical(e.target.checked)}
          />
          Canonical form for git (flopack fmt): sorted keys, indented, one final newline
        </label>
        <a className="button" href={exportUrl.workspace(canonical)} download onClick={onClose}>
          Export whole workspace
        </a>
      </div>
      <ExportPlan flow={flow} folder={folder} subfolders={subfolders} />
    </Dialog>
  );
}
