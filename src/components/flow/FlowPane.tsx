/** The open flow: loads it, owns its editor store, and lays out header, content and versions. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { api, queries } from '../../client/api.ts';
import type { StudioCommands } from '../../client/actions/registry.ts';
import type { EditorStore } from '../../client/editorStore.ts';
import { createEditorStore, isDirty } from '../../client/editorStore.ts';
import { useUi } from '../../client/uiStore.ts';
import type { FlowDto } from '../../contract/api.ts';
import { flowKind } from '../../model/flows.ts';
import { useReadOnlyDraft } from '../auth/useRole.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { FlowEditor } from '../canvas/FlowEditor.tsx';
import { ProblemsPanel } from '../lint/ProblemsPanel.tsx';
import { TestRunPanel } from '../sim/TestRunPanel.tsx';
import { CompareDialog } from '../compare/CompareDialog.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { ExportDialog } from '../transfer/ExportDialog.tsx';
import { VersionsPanel } from '../versions/VersionsPanel.tsx';
import type { TreeIndex } from '../workspace/useTree.ts';
import { Outline } from './CardList.tsx';
import { ChangeBanner } from './ChangeBanner.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { EditorContext, useEditor } from './editorContext.ts';
import { FlowHeader, useSwitchActive } from './FlowHeader.tsx';
import { PropertiesDialog } from './PropertiesDialog.tsx';
import { useRemoteChange } from './useRemoteChange.ts';
import { useSaveFlow } from './useSaveFlow.ts';
import { RequestReviewDialog, ReviewDialog } from '../review/ReviewDialogs.tsx';
import { useFlowReviews, useReviewRules } from '../review/useReview.ts';

/** Loads the flow and provides its editor store. Keyed by flow id by its parent. */
export function FlowPane({ flowId, index }: { flowId: string; index: TreeIndex }) {
  const q = useQuery(queries.flow(flowId));
  if (q.error) return <p className="error pane-message">{q.error.message}</p>;
  if (!q.data) return <p className="muted pane-message">Loading flow…</p>;
  return <LoadedFlow initial={q.data} index={index} />;
}

/** Owns the editor store, created once from the flow as first loaded. */
function LoadedFlow({ initial, index }: { initial: FlowDto; index: TreeIndex }) {
  const [store] = useState(() => createEditorStore(initial));
  useReadOnlyDraft(store);
  return (
    <EditorContext.Provider value={store}>
      <OpenFlow store={store} index={index} />
    </EditorContext.Provider>
  );
}

type Open = null | 'properties' | 'export' | 'delete' | 'compare' | 'request-review' | 'review';

function OpenFlow({ store, index }: { store: EditorStore; index: TreeIndex }) {
  const qc = useQueryClient();
  const { save, saving, conflict, dismissConflict } = useSaveFlow(store);
  const [open, setOpen] = useState<Open>(null);
  const [compareRevision, setCompareRevision] = useState<number | undefined>(undefined);
  const panel = useUi((s) => s.panel);
  const showPanel = useUi((s) => s.showPanel);
  const outline = useUi((s) => s.outline);
  const openFlow = useUi((s) => s.openFlow);
  const setLeaveGuard = useUi((s) => s.setLeaveGuard);
  const toast = useUi((s) => s.toast);
  const name = useEditor((s) => s.flow.name);
  const folderId = useEditor((s) => s.saved.folderId);
  const dirty = useEditor(isDirty);
  const remote = useRemoteChange(store, saving);
  const switchActive = useSwitchActive(store);
  const baseRevision = useEditor((s) => s.baseRevision);
  const reviewEnabled = useReviewRules().enabled;
  const { current: review } = useFlowReviews(store.getState().flow.id, baseRevision, reviewEnabled);

  useEffect(() => {
    const guard = () =>
      !isDirty(store.getState()) ||
      globalThis.confirm(`Discard unsaved changes to “${store.getState().flow.name}”?`);
    setLeaveGuard(guard);
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (isDirty(store.getState())) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      setLeaveGuard(null);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [store, setLeaveGuard]);

  // The sidebar lists the draft's name and event while it is being edited.
  const setDraft = useUi((s) => s.setDraft);
  const draftName = useEditor((s) => s.flow.name);
  const draftKind = useEditor((s) => flowKind(s.flow.data));
  const draftId = useEditor((s) => s.flow.id);
  useEffect(() => {
    setDraft({ id: draftId, name: draftName, kind: draftKind });
  }, [setDraft, draftId, draftName, draftKind]);
  useEffect(() => () => setDraft(null), [setDraft]);

  const reload = async () => {
    const dto = await api.flow(store.getState().flow.id);
    store.getState().load(dto);
    qc.setQueryData(['flow', dto.id], dto);
    dismissConflict();
  };
  const folder = index.folder(folderId);
  const openDialog = useCallback((dialog: Parameters<StudioCommands['openDialog']>[0]) => {
    // Connections belong to the workspace, not the flow: the studio's frame shows them.
    if (dialog === 'connections') {
      useUi.getState().setWorkspaceDialog('connections');
      return;
    }
    if (dialog === 'compare') setCompareRevision(undefined);
    setOpen(dialog);
  }, []);
  const toggleActive = useCallback(() => {
    if (store.getState().readOnly === null && !switchActive.isPending)
      switchActive.mutate(!store.getState().flow.active);
  }, [store, switchActive]);
  return (
    <div className="flow-pane">
      <FlowHeader
        store={store}
        saving={saving}
        onSave={() => save()}
        onEdit={() => setOpen('properties')}
        onExport={() => setOpen('export')}
        onCompare={() => {
          setCompareRevision(undefined);
          setOpen('compare');
        }}
        onDelete={() => setOpen('delete')}
        review={
          reviewEnabled
            ? {
                current: review,
                onRequest: () => setOpen('request-review'),
                onReview: () => setOpen('review'),
              }
            : null
        }
      />
      <ChangeBanner
        change={remote}
        onReload={() => {
          if (
            !isDirty(store.getState()) ||
            globalThis.confirm('Reloading discards your unsaved changes. Reload anyway?')
          )
            void reload();
        }}
        onCompare={(revision) => {
          setCompareRevision(revision);
          setOpen('compare');
        }}
        onClose={() => {
          setLeaveGuard(null);
          openFlow(null);
        }}
      />
      <div className="flow-body">
        {outline && (
          <section className="flow-outline" aria-label="Outline">
            <Outline label={`Cards of ${name}`} />
          </section>
        )}
        <section className="flow-content" aria-label="Flow editor">
          <FlowEditor
            store={store}
            onSave={() => save()}
            onDialog={openDialog}
            onToggleActive={toggleActive}
          />
        </section>
        {panel && (
          <div
            className="drawer"
            onKeyDown={(e) => {
              // Escape closes the drawer and returns to the selected card.
              if (e.key !== 'Escape' || e.defaultPrevented) return;
              if (e.target instanceof Element && e.target.closest('[role="menu"], [role="dialog"]'))
                return;
              e.preventDefault();
              showPanel(null);
              const sel = store.getState().selection;
              if (sel)
                document
                  .querySelector<HTMLElement>(
                    `.react-flow__node[data-id="${CSS.escape(sel.card)}"]`,
                  )
                  ?.focus();
            }}
          >
            <button
              type="button"
              className="icon drawer-close"
              aria-label="Close the panel"
              title="Close (Esc)"
              onClick={() => showPanel(null)}
            >
              <X size={16} aria-hidden="true" />
            </button>
            {panel === 'inspector' && <Inspector />}
            {panel === 'check' && <ProblemsPanel />}
            {panel === 'test' && <TestRunPanel />}
            {panel === 'versions' && (
              <VersionsPanel
                store={store}
                onCompare={(revision) => {
                  setCompareRevision(revision);
                  setOpen('compare');
                }}
              />
            )}
          </div>
        )}
      </div>
      {open === 'properties' && (
        <PropertiesDialog open store={store} index={index} onClose={() => setOpen(null)} />
      )}
      <ExportDialog
        open={open === 'export'}
        onClose={() => setOpen(null)}
        flow={{ id: store.getState().flow.id, name, dirty, folderId }}
        folder={folder ? { id: folder.id, name: folder.name } : null}
      />
      <Dialog title="Delete flow" open={open === 'delete'} onClose={() => setOpen(null)}>
        <p>Delete “{name}” and all of its versions? This cannot be undone.</p>
        <div className="dialog-actions">
          <button type="button" onClick={() => setOpen(null)}>
            Cancel
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              void (async () => {
                try {
                  await api.deleteFlow(store.getState().flow.id);
                  setLeaveGuard(null);
                  openFlow(null);
                  await qc.invalidateQueries({ queryKey: ['workspace'] });
                  toast('info', `Deleted “${name}”.`);
                } catch (e) {
                  toast('error', e instanceof Error ? e.message : String(e));
                }
              })();
            }}
          >
            Delete flow
          </button>
        </div>
      </Dialog>
      {open === 'compare' && (
        <CompareDialog
          store={store}
          open
          onClose={() => setOpen(null)}
          {...(compareRevision === undefined ? {} : { initialRevision: compareRevision })}
        />
      )}
      {open === 'request-review' && (
        <RequestReviewDialog
          flowId={store.getState().flow.id}
          flowName={name}
          revision={baseRevision}
          review={review}
          dirty={dirty}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'review' && (
        <ReviewDialog
          flowId={store.getState().flow.id}
          flowName={name}
          revision={baseRevision}
          review={review}
          onClose={() => setOpen(null)}
        />
      )}
      <ConflictDialog
        message={conflict?.message ?? null}
        onClose={dismissConflict}
        onReload={() => void reload()}
        onOverwrite={() => save(true)}
      />
    </div>
  );
}
