/** The flows of the selected folder, with their ON/OFF state; drag one onto a folder to move it. */
import { useUi } from '../../client/uiStore.ts';
import { FLOW_KIND_LABELS } from '../../model/flows.ts';
import type { FlowHeader } from '../../contract/api.ts';
import { FLOW_DRAG_TYPE } from './FolderTree.tsx';

/** The list of flows in a folder. */
export function FlowList({
  flows,
  folderName,
  movable = true,
}: {
  flows: FlowHeader[];
  folderName: string;
  /** Whether flows may be dragged onto another folder (editors only). */
  movable?: boolean;
}) {
  const openFlowId = useUi((s) => s.flowId);
  // The open flow shows its draft's name and event as they are edited, before a save.
  const draft = useUi((s) => s.draft);
  const openFlow = useUi((s) => s.openFlow);
  if (flows.length === 0)
    return <p className="muted">No flows in “{folderName}”. Create one with “New flow”.</p>;
  return (
    <ul className="flow-list" aria-label={`Flows in ${folderName}`}>
      {flows
        .map((f) => (draft?.id === f.id ? { ...f, name: draft.name, kind: draft.kind } : f))
        .map((f) => (
          <li key={f.id}>
            <button
              type="button"
              className={f.id === openFlowId ? 'flow-item selected' : 'flow-item'}
              aria-current={f.id === openFlowId ? 'true' : undefined}
              draggable={movable}
              onDragStart={(e) => {
                e.dataTransfer.setData(FLOW_DRAG_TYPE, f.id);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onClick={() => openFlow(f.id, f.folderId)}
            >
              <span className="flow-name">{f.name}</span>
              <span className="flow-meta">
                <span className={f.active ? 'badge on' : 'badge'}>{f.active ? 'ON' : 'OFF'}</span>
                <span className="muted">{FLOW_KIND_LABELS[f.kind]}</span>
              </span>
            </button>
          </li>
        ))}
    </ul>
  );
}
