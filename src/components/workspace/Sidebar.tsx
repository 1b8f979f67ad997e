/** The left column: folder actions, the folder tree, and the selected folder's flows. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiFailure } from '../../client/api.ts';
import { useUi } from '../../client/uiStore.ts';
import { MAX_FOLDER_DEPTH } from '../../model/folders.ts';
import { useRole } from '../auth/useRole.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { NameDialog } from '../ui/NameDialog.tsx';
import { FlowList } from './FlowList.tsx';
import { FolderTree } from './FolderTree.tsx';
import { TemplateDialog } from './TemplateDialog.tsx';
import { useTree } from './useTree.ts';
import { FolderRuleToggle } from '../review/FolderRuleToggle.tsx';

type Open = null | 'new-folder' | 'new-subfolder' | 'rename' | 'delete' | 'template';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The workspace sidebar. */
export function Sidebar({ onNewFlow }: { onNewFlow: (folderId: string) => void }) {
  const index = useTree();
  const qc = useQueryClient();
  const folderId = useUi((s) => s.folderId);
  const openFolder = useUi((s) => s.openFolder);
  const toggle = useUi((s) => s.toggle);
  const toast = useUi((s) => s.toast);
  const [open, setOpen] = useState<Open>(null);
  const folder = index.folder(folderId);
  const refresh = () => qc.invalidateQueries({ queryKey: ['workspace'] });

  const create = async (name: string, parentId: string | null): Promise<string | null> => {
    try {
      const f = await api.createFolder(name, parentId);
      await refresh();
      if (parentId) toggle(parentId, true);
      openFolder(f.id);
      return null;
    } catch (e) {
      return message(e);
    }
  };
  const move = useMutation({
    mutationFn: ({ flowId, target }: { flowId: string; target: string }) => {
      const flow = index.tree.flows.find((f) => f.id === flowId);
      if (!flow) throw new Error('That flow no longer exists.');
      return api.saveFlow(flowId, { baseRevision: flow.revision, folderId: target });
    },
    onSuccess: async (flow) => {
      await refresh();
      await qc.invalidateQueries({ queryKey: ['flow', flow.id] });
      toast('info', `Moved “${flow.name}” to “${index.folder(flow.folderId)?.name ?? 'folder'}”.`);
    },
    onError: (e) => toast('error', message(e)),
  });
  const depth = folder ? index.depth(folder.id) : 0;
  const { reason } = useRole();
  const editWhy = reason('editor', 'create, rename or move folders and flows');
  const deleteWhy = reason('admin', 'delete folders');

  return (
    <nav className="sidebar" aria-label="Workspace">
      <div className="toolbar" role="toolbar" aria-label="Folder actions">
        <button
          type="button"
          onClick={() => setOpen('new-folder')}
          disabled={editWhy !== null}
          title={editWhy ?? undefined}
        >
          New folder
        </button>
        <button
          type="button"
          onClick={() => setOpen('new-subfolder')}
          disabled={!folder || depth >= MAX_FOLDER_DEPTH || editWhy !== null}
          title={
            editWhy ??
            (depth >= MAX_FOLDER_DEPTH
              ? `Okta allows ${MAX_FOLDER_DEPTH} folder levels`
              : undefined)
          }
        >
          New subfolder
        </button>
        <button
          type="button"
          onClick={() => setOpen('rename')}
          disabled={!folder || editWhy !== null}
          title={editWhy ?? undefined}
        >
          Rename folder
        </button>
        <button
          type="button"
          onClick={() => setOpen('delete')}
          disabled={!folder || deleteWhy !== null}
          title={deleteWhy ?? undefined}
        >
          Delete folder
        </button>
      </div>
      <FolderTree index={index} onMoveFlow={(flowId, target) => move.mutate({ flowId, target })} />
      {folder && <FolderRuleToggle index={index} folderId={folder.id} />}
      {folder && (
        <section className="flows-section" aria-label="Flows">
          <div className="section-head">
            <h2>Flows</h2>
            <button
              type="button"
              onClick={() => onNewFlow(folder.id)}
              disabled={editWhy !== null}
              title={editWhy ?? undefined}
            >
              New flow
            </button>
            <button
              type="button"
              onClick={() => setOpen('template')}
              disabled={editWhy !== null}
              title={editWhy ?? undefined}
            >
              From template…
            </button>
          </div>
          <FlowList
            flows={index.flowsIn(folder.id)}
            folderName={folder.name}
            movable={editWhy === null}
          />
        </section>
      )}
      <NameDialog
        title="New folder"
        submit="Create folder"
        open={open === 'new-folder'}
        onClose={() => setOpen(null)}
        onSubmit={(name) => create(name, null)}
      />
      <NameDialog
        title={`New subfolder in “${folder?.name ?? ''}”`}
        submit="Create subfolder"
        open={open === 'new-subfolder'}
        onClose={() => setOpen(null)}
        onSubmit={(name) => create(name, folder?.id ?? null)}
      />
      <NameDialog
        key={`rename-${folder?.id ?? ''}`}
        title="Rename folder"
        initial={folder?.name ?? ''}
        submit="Rename"
        open={open === 'rename'}
        onClose={() => setOpen(null)}
        onSubmit={async (name) => {
          if (!folder) return null;
          try {
            await api.updateFolder(folder.id, { name });
            await refresh();
            return null;
          } catch (e) {
            return message(e);
          }
        }}
      />
      {folder && open === 'template' && (
        <TemplateDialog
          open
          folder={{ id: folder.id, name: folder.name }}
          onClose={() => setOpen(null)}
        />
      )}
      {folder && (
        <DeleteFolderDialog
          open={open === 'delete'}
          name={folder.name}
          flows={index.flowsIn(folder.id).length}
          subfolders={index.children(folder.id).length}
          onClose={() => setOpen(null)}
          onDelete={async (recursive) => {
            try {
              await api.deleteFolder(folder.id, recursive);
              openFolder(folder.parentId);
              await refresh();
              setOpen(null);
            } catch (e) {
              toast('error', message(e instanceof ApiFailure ? e : e));
            }
          }}
        />
      )}
    </nav>
  );
}

function DeleteFolderDialog(props: {
  open: boolean;
  name: string;
  flows: number;
  subfolders: number;
  onClose: () => void;
  onDelete: (recursive: boolean) => Promise<void>;
}) {
  const empty = props.flows === 0 && props.subfolders === 0;
  return (
    <Dialog title="Delete folder" open={props.open} onClose={props.onClose}>
      <p>
        {empty
          ? `Delete the empty folder “${props.name}”?`
          : `“${props.name}” holds ${props.flows} flow(s) and ${props.subfolders} subfolder(s). Deleting it deletes all of them and their versions.`}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={() => void props.onDelete(!empty)}>
          {empty ? 'Delete folder' : 'Delete folder and everything in it'}
        </button>
      </div>
    </Dialog>
  );
}
