/** The folder tree: expand/collapse, select, and drop a flow onto a folder to move it. */
import type { DragEvent, KeyboardEvent } from 'react';
import { useUi } from '../../client/uiStore.ts';
import type { FolderDto } from '../../contract/api.ts';
import type { TreeIndex } from './useTree.ts';

/** MIME type of a dragged flow. */
export const FLOW_DRAG_TYPE = 'application/x-flopack-flow';

interface FolderTreeProps {
  index: TreeIndex;
  onMoveFlow: (flowId: string, folderId: string) => void;
}

/** The tree of folders (ARIA tree). */
export function FolderTree({ index, onMoveFlow }: FolderTreeProps) {
  const roots = index.children(null);
  if (roots.length === 0)
    return <p className="muted">No folders yet. Create one with “New folder”.</p>;
  return (
    <ul role="tree" aria-label="Folders" className="tree">
      {roots.map((f) => (
        <FolderItem key={f.id} folder={f} index={index} level={1} onMoveFlow={onMoveFlow} />
      ))}
    </ul>
  );
}

function FolderItem({
  folder,
  index,
  level,
  onMoveFlow,
}: {
  folder: FolderDto;
  index: TreeIndex;
  level: number;
  onMoveFlow: FolderTreeProps['onMoveFlow'];
}) {
  const selected = useUi((s) => s.folderId === folder.id);
  const expanded = useUi((s) => s.expanded[folder.id] === true);
  const openFolder = useUi((s) => s.openFolder);
  const toggle = useUi((s) => s.toggle);
  const kids = index.children(folder.id);
  const count = index.flowsIn(folder.id).length;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight' && kids.length) toggle(folder.id, true);
    else if (e.key === 'ArrowLeft') toggle(folder.id, false);
    else return;
    e.preventDefault();
  };
  const onDrop = (e: DragEvent) => {
    const flowId = e.dataTransfer.getData(FLOW_DRAG_TYPE);
    if (!flowId) return;
    e.preventDefault();
    e.currentTarget.classList.remove('drop-target');
    onMoveFlow(flowId, folder.id);
  };
  return (
    <li
      role="treeitem"
      aria-expanded={kids.length ? expanded : undefined}
      aria-selected={selected}
      aria-level={level}
    >
      <div
        className={selected ? 'tree-row selected' : 'tree-row'}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes(FLOW_DRAG_TYPE)) {
            e.preventDefault();
            e.currentTarget.classList.add('drop-target');
          }
        }}
        onDragLeave={(e) => e.currentTarget.classList.remove('drop-target')}
        onDrop={onDrop}
      >
        {kids.length > 0 ? (
          <button
            type="button"
            className="icon twisty"
            aria-label={`${expanded ? 'Collapse' : 'Expand'} ${folder.name}`}
            onClick={() => toggle(folder.id)}
          >
            {expanded ? '▾' : '▸'}
          </button>
        ) : (
          <span className="twisty" aria-hidden="true" />
        )}
        <button
          type="button"
          className="tree-label"
          onClick={() => openFolder(folder.id)}
          onKeyDown={onKey}
          title={folder.name}
        >
          <span className="folder-icon" aria-hidden="true" />
          <span className="folder-name">{folder.name}</span>
          <span className="count" aria-label={`${count} flows`}>
            {count || ''}
          </span>
        </button>
      </div>
      {expanded && kids.length > 0 && (
        <ul role="group">
          {kids.map((k) => (
            <FolderItem
              key={k.id}
              folder={k}
              index={index}
              level={level + 1}
              onMoveFlow={onMoveFlow}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
