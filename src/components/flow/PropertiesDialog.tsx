/** Flow properties: name (unique in its folder), description and folder. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { EditorStore } from '../../client/editorStore.ts';
import { ok } from '../../model/errors.ts';
import type { FolderId } from '../../model/ids.ts';
import { cleanName, sameName } from '../../model/names.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { NameField } from '../ui/NameField.tsx';
import type { TreeIndex } from '../workspace/useTree.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  store: EditorStore;
  index: TreeIndex;
}

/** Edits the draft's properties; a clash with another flow of the folder is shown inline. */
export function PropertiesDialog({ open, onClose, store, index }: Props) {
  return (
    <Dialog title="Flow properties" open={open} onClose={onClose}>
      <PropertiesForm store={store} index={index} onClose={onClose} />
    </Dialog>
  );
}

function PropertiesForm({ store, index, onClose }: Omit<Props, 'open'>) {
  const flow = store.getState().flow;
  const [name, setName] = useState(flow.name);
  const [description, setDescription] = useState(flow.description);
  const [folderId, setFolderId] = useState(flow.folderId ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = cleanName(name, 'flow');
    if (!clean.ok) return setError(clean.problems[0]?.message ?? 'Invalid name.');
    const clash = index
      .flowsIn(folderId)
      .some((f) => f.id !== flow.id && sameName(f.name, clean.value));
    if (clash)
      return setError(
        `A flow named “${clean.value}” already exists in this folder — flow names must be unique in a folder.`,
      );
    store.getState().edit((f) =>
      ok({
        ...f,
        name: clean.value,
        description,
        folderId: (folderId || f.folderId) as FolderId | null,
      }),
    );
    onClose();
  };
  return (
    <form onSubmit={submit}>
      <NameField
        label="Name"
        value={name}
        error={error}
        onChange={(v) => {
          setName(v);
          setError(null);
        }}
      />
      <label className="field">
        <span>Description</span>
        <textarea rows={4} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <label className="field">
        <span>Folder</span>
        <select value={folderId} onChange={(e) => setFolderId(e.target.value)}>
          {index.tree.folders.map((f) => (
            <option key={f.id} value={f.id}>
              {'\u00a0\u00a0'.repeat(index.depth(f.id) - 1) + f.name}
            </option>
          ))}
        </select>
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Apply
        </button>
      </div>
    </form>
  );
}
