/**
 * The helper flow a card calls (Call Flow, For Each, …): chosen by name — which also gives the
 * card one field per helper input, as the console does — and opened in one click.
 */
import { useQueryClient } from '@tanstack/react-query';
import { queries } from '../../client/api.ts';
import { useUi } from '../../client/uiStore.ts';
import type { FieldView } from '../../model/cards.ts';
import { callsHelper, helperSignature, setCalledFlow } from '../../model/helperCalls.ts';
import type { Json } from '../../model/raw.ts';
import { useEditor } from '../flow/editorContext.ts';
import { useTree } from '../workspace/useTree.ts';
import type { CardAt } from './cardAt.ts';
import { firstMessage, useFlowEdit } from './useFlowEdit.ts';

interface Props {
  id: string;
  field: FieldView;
  at: CardAt;
  onCommit: (value: Json) => void;
  onProblem: (message: string | null) => void;
}

/** A select of the workspace's helper flows, and the called flow's name with "Open helper flow". */
export function HelperFlowField({ id, field, at, onCommit, onProblem }: Props) {
  const tree = useTree();
  const qc = useQueryClient();
  const apply = useFlowEdit();
  const self = useEditor((s) => s.flow.id);
  const self_ = useEditor((s) => s.flow.name);
  const choose = async (helperId: string) => {
    if (helperId === '' || !callsHelper(at.m)) return onCommit(helperId);
    try {
      const helper = await qc.fetchQuery(queries.flow(helperId));
      const sig = helperSignature(helperId, helper.content);
      if (!sig.ok) return onProblem(firstMessage(sig.problems));
      onProblem(firstMessage(apply((d) => setCalledFlow(d, at.card, sig.value, at.path))));
    } catch (e) {
      onProblem(e instanceof Error ? e.message : String(e));
    }
  };
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
        onChange={(e) => void choose(e.target.value)}
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
                onClick={() =>
                  useUi.getState().openFlow(called.id, called.folderId, { id: self, name: self_ })
                }
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
