/** Export a flow or its folder as a flopack that Okta Workflows imports. */
import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import { exportUrl } from '../../client/api.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { ExportPlan } from './ExportPlan.tsx';
import { useExportBlock, useFlowExportBlock } from './useExportApproval.ts';

/**
 * A download link, or — while a review rule holds the export back — a link that stays
 * focusable but leads nowhere, with the reason shown beside it and read as its description.
 */
function ExportLink(props: {
  href: string;
  blocked: string | null;
  primary?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  const id = useId();
  const cls = props.primary ? 'button primary' : 'button';
  if (props.blocked === null)
    return (
      <a className={cls} href={props.href} download onClick={props.onClick}>
        {props.children}
      </a>
    );
  return (
    <>
      <a className={cls} role="link" tabIndex={0} aria-disabled="true" aria-describedby={id}>
        {props.children}
      </a>
      <p id={id} className="warning export-blocked">
        {props.blocked}
      </p>
    </>
  );
}

interface Props {
  open: boolean;
  onClose: () => void;
  flow: { id: string; name: string; dirty: boolean; folderId?: string | null } | null;
  folder: { id: string; name: string } | null;
}

/** Download links for the flow (.flow) and its folder (.folder). */
export function ExportDialog({ open, onClose, flow, folder }: Props) {
  const [subfolders, setSubfolders] = useState(true);
  // Off by default: the files go to Okta, so they keep Okta's key order (a Scheduled Flow's
  // `cron` above all). The sorted canonical form is for files kept in git, on request.
  const [canonical, setCanonical] = useState(false);
  const flowBlock = useFlowExportBlock(
    flow && { id: flow.id, dirty: flow.dirty, folderId: flow.folderId ?? folder?.id ?? null },
    open,
  );
  const folderBlock = useExportBlock(
    { kind: 'folder', id: folder?.id ?? '', subfolders },
    open && folder !== null,
  );
  const workspaceBlock = useExportBlock({ kind: 'workspace' }, open);
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
          <ExportLink
            primary
            href={exportUrl.flow(flow.id, canonical)}
            blocked={flowBlock}
            onClick={onClose}
          >
            Export flow “{flow.name}”
          </ExportLink>
        )}
        {folder && (
          <>
            <ExportLink
              href={exportUrl.folder(folder.id, subfolders, canonical)}
              blocked={folderBlock}
              onClick={onClose}
            >
              Export folder “{folder.name}”
            </ExportLink>
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
        <ExportLink
          href={exportUrl.workspace(canonical)}
          blocked={workspaceBlock}
          onClick={onClose}
        >
          Export whole workspace
        </ExportLink>
      </div>
      <ExportPlan flow={flow} folder={folder} subfolders={subfolders} />
    </Dialog>
  );
}
