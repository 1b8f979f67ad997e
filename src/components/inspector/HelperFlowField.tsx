/** The helper flow a card calls (Call Flow, For Each, …): chosen by name, opened in one click. */
import { useUi } from '../../client/uiStore.ts';
import type { FieldView } from '../../model/cards.ts';
import type { Json } from '../../model/raw.ts';
import { useEditor } from '../flow/editorContext.ts';
import { useTree } from '../workspace/useTree.ts';

interface Props {
  id: string;
  field: FieldView;
  onCommit: (value: Json) => void;
}

/** A select of the workspace's helper flows, and the called flow's name with "Open helper flow". */
export function HelperFlowField({ id, field, onCommit }: Props) {
  const tree = useTree();
  const self = useEditor((s) => s.flow.id);
  const value = typeof field.value === 'string' ? field.value : '';
  const called = tree.tree.flows.find((f) => f.id === value);
  const helpers = tree.tree.flows
    .filter((f) => f.kind === 'helper' && f.id !== self)
    .sort((a, b) => a.name.localeCompare(b.name));
  const folders = [...new Set(helpers.map((f) => f.folderId))];
  return (
    <>
      <select
        id={id}
        value={value}
        aria-required={field.required}
        onChange={(e) => onCommit(e.target.value)}
      >
        <option value="">Choose a helper flow…</option>
        {value !== '' && !helpers.some((f) => f.id === value) && (
          <option value={value}>{called ? called.name : 'A flow not in this workspace'}</option>
        )}
        {folders.map((folderId) => (
          <optgroup key={folderId ?? ''} label={tree.folder(folderId)?.name ?? 'No folder'}>
            {helpers
              .filter((f) => f.folderId === folderId)
              .map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      {value !== '' && (
        <p className="insp-calls">
          {called ? (
            <>
              <span>
                Calls <strong>{called.name}</strong>
              </span>
              <button
                type="button"
                onClick={() => useUi.getState().openFlow(called.id, called.folderId)}
              >
                Open helper flow
              </button>
            </>
          ) : (
            <span className="muted">
              Calls flow {value}, which is not in this workspace — import it or choose another.
            </span>
          )}
        </p>
      )}
    </>
  );
}
