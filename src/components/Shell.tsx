/** The studio's frame: top bar, workspace sidebar, the open flow, and page-wide file drop. */
import { UserBadge } from './auth/SignInGate.tsx';
import { TeamButtons } from './auth/TeamButtons.tsx';
import { useRole } from './auth/useRole.ts';
import { useQueryClient } from '@tanstack/react-query';
import { Moon, PanelLeft, Sun, Upload } from 'lucide-react';
import { useEffect, useState } from 'react';
import { api } from '../client/api.ts';
import { useUi } from '../client/uiStore.ts';
import { ConnectionsDialog } from './connections/ConnectionsDialog.tsx';
import { FlowPane } from './flow/FlowPane.tsx';
import { ImportDialog } from './transfer/ImportDialog.tsx';
import { RiskPoliciesDialog } from './policy/RiskPolicies.tsx';
import { useImport } from './transfer/useImport.ts';
import { Toasts } from './ui/Toasts.tsx';
import { Sidebar } from './workspace/Sidebar.tsx';
import { useLiveTree } from './workspace/useLiveTree.ts';
import { useReviewNotices } from './review/useReview.ts';
import { ReasonButton } from './ui/ReasonButton.tsx';
import { useTree } from './workspace/useTree.ts';

/** The app layout. */
export function Shell() {
  const index = useTree();
  useLiveTree();
  useReviewNotices();
  const qc = useQueryClient();
  const flowId = useUi((s) => s.flowId);
  const openFlow = useUi((s) => s.openFlow);
  const theme = useUi((s) => s.theme);
  const sidebarOpen = useUi((s) => s.sidebarOpen);
  const setSidebarOpen = useUi((s) => s.setSidebarOpen);
  const setTheme = useUi((s) => s.setTheme);
  const toast = useUi((s) => s.toast);
  const workspaceDialog = useUi((s) => s.workspaceDialog);
  const setWorkspaceDialog = useUi((s) => s.setWorkspaceDialog);
  const { reason } = useRole();
  const [importing, setImporting] = useState(false);
  const [policies, setPolicies] = useState(false);
  const [dragging, setDragging] = useState(false);
  const importer = useImport();
  const runImport = importer.run;

  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) {
        setImporting(true);
        void runImport(file);
      }
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [runImport]);

  const newFlow = async (folderId: string) => {
    try {
      const flow = await api.createFlow(folderId);
      await qc.invalidateQueries({ queryKey: ['workspace'] });
      openFlow(flow.id, folderId);
    } catch (e) {
      toast('error', e instanceof Error ? e.message : String(e));
    }
  };
  const importReason = reason('editor', 'import flopacks');
  const flowExists = flowId !== null && index.tree.flows.some((f) => f.id === flowId);

  return (
    <div className={dragging ? 'app dragging' : 'app'}>
      <header className="topbar">
        <h1>Flopack Studio</h1>
        <div className="toolbar" role="toolbar" aria-label="Studio">
          <button
            type="button"
            aria-pressed={sidebarOpen}
            onClick={() => setSidebarOpen(!sidebarOpen)}
          >
            <PanelLeft size={16} aria-hidden="true" />
            Workspace panel
          </button>
          <ReasonButton onClick={() => setImporting(true)} reason={importReason}>
            <Upload size={16} aria-hidden="true" />
            Import
          </ReasonButton>
          <button type="button" onClick={() => setPolicies(true)}>
            Risk policies
          </button>
          <button type="button" onClick={() => setWorkspaceDialog('connections')}>
            Connections
          </button>
          <button
            type="button"
            aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
            onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
          >
            {theme === 'dark' ? (
              <Sun size={16} aria-hidden="true" />
            ) : (
              <Moon size={16} aria-hidden="true" />
            )}
            {theme === 'dark' ? 'Light' : 'Dark'}
          </button>
          <TeamButtons />
          <UserBadge />
        </div>
      </header>
      <div className="main">
        {sidebarOpen && <Sidebar onNewFlow={(id) => void newFlow(id)} />}
        <main className="workarea">
          {flowId && (flowExists || index.isLoading) ? (
            <FlowPane key={flowId} flowId={flowId} index={index} />
          ) : (
            <div className="empty-state">
              <h2>Design Okta Workflows flows</h2>
              <p>
                Create a folder, then a flow in it — or import a flopack exported from Okta
                Workflows.
              </p>
            </div>
          )}
        </main>
      </div>
      {workspaceDialog === 'connections' && (
        <ConnectionsDialog onClose={() => setWorkspaceDialog(null)} />
      )}
      <ImportDialog
        open={importing}
        control={importer}
        index={index}
        onClose={() => setImporting(false)}
      />
      <RiskPoliciesDialog open={policies} onClose={() => setPolicies(false)} />
      {dragging && <div className="drop-overlay">Drop the flopack to import it</div>}
      <Toasts />
    </div>
  );
}
