/** The open flow's header: name, description, ON/OFF, data saving, and its commands. */
import { useRole } from '../auth/useRole.ts';
import type { EditorStore } from '../../client/editorStore.ts';
import { isDirty } from '../../client/editorStore.ts';
import { useUi } from '../../client/uiStore.ts';
import { ok } from '../../model/errors.ts';
import { FLOW_KIND_LABELS, flowKind } from '../../model/flows.ts';
import { Switch } from '../ui/Switch.tsx';
import { useEditor } from './editorContext.ts';
import { useProblemCount } from '../lint/ProblemsPanel.tsx';

/** Opens the Check panel; shows how many errors and warnings the flow has. */
function CheckButton() {
  const open = useUi((s) => s.panel === 'check');
  const toggle = useUi((s) => s.togglePanel);
  const { errors, warnings } = useProblemCount();
  const count = errors + warnings;
  return (
    <button type="button" aria-pressed={open} onClick={() => toggle('check')}>
      {/* The name says the counts in words; no aria-label that could drift from the text. */}
      <span aria-hidden="true">Check</span>
      <span className="visually-hidden">{`Check: ${errors} errors, ${warnings} warnings`}</span>
      {count > 0 && (
        <span className={errors ? 'check-count has-errors' : 'check-count'} aria-hidden="true">
          {count}
        </span>
      )}
    </button>
  );
}

interface Props {
  store: EditorStore;
  saving: boolean;
  onSave: () => void;
  onEdit: () => void;
  onExport: () => void;
  onCompare: () => void;
  onDelete: () => void;
}

/** Header and command bar of the open flow. */
export function FlowHeader({
  store,
  saving,
  onSave,
  onEdit,
  onExport,
  onCompare,
  onDelete,
}: Props) {
  const name = useEditor((s) => s.flow.name);
  const description = useEditor((s) => s.flow.description);
  const active = useEditor((s) => s.flow.active);
  const log = useEditor((s) => s.flow.data.log);
  const kind = useEditor((s) => flowKind(s.flow.data));
  const dirty = useEditor(isDirty);
  const returnTo = useUi((s) => s.returnTo);
  const openFlow = useUi((s) => s.openFlow);
  const panel = useUi((s) => s.panel);
  const togglePanel = useUi((s) => s.togglePanel);
  const edit = store.getState().edit;
  const { reason } = useRole();
  const saveReason = reason('editor', 'save flows');
  const deleteReason = reason('editor', 'delete flows');
  const editReason = useEditor((s) => s.readOnly);
  return (
    <header className="flow-header">
      {returnTo && (
        <button type="button" className="back-link" onClick={() => openFlow(returnTo.id)}>
          ← Back to {returnTo.name}
        </button>
      )}
      <div className="flow-title">
        <h2>{name}</h2>
        <span className="kind">{FLOW_KIND_LABELS[kind]}</span>
        {dirty && <span className="unsaved">Unsaved changes</span>}
        {editReason && (
          <span className="read-only" title={editReason}>
            View only
          </span>
        )}
        {description && <p className="description">{description}</p>}
      </div>
      <div className="toolbar" role="toolbar" aria-label="Flow actions">
        <button
          type="button"
          onClick={onEdit}
          disabled={editReason !== null}
          title={editReason ?? undefined}
        >
          Edit properties
        </button>
        <Switch
          on={active}
          onText="Flow is ON"
          offText="Flow is OFF"
          onChange={(on) => edit((f) => ok({ ...f, active: on }))}
          disabled={editReason !== null}
          title={editReason ?? undefined}
        />
        <label className="checkbox" title={editReason ?? undefined}>
          <input
            type="checkbox"
            checked={log}
            disabled={editReason !== null}
            onChange={(e) => edit((f) => ok({ ...f, data: { ...f.data, log: e.target.checked } }))}
          />
          Save all data that passes through the flow
        </label>
        <button
          type="button"
          className="primary"
          onClick={onSave}
          disabled={!dirty || saving || saveReason !== null}
          title={saveReason ?? undefined}
          aria-keyshortcuts="Control+S"
        >
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onExport}>
          Export
        </button>
        <button
          type="button"
          aria-pressed={panel === 'versions'}
          onClick={() => togglePanel('versions')}
        >
          Versions
        </button>
        <button type="button" onClick={onCompare}>
          Compare
        </button>
        <CheckButton />
        <button type="button" aria-pressed={panel === 'test'} onClick={() => togglePanel('test')}>
          Test run
        </button>
        <button
          type="button"
          className="danger-quiet"
          onClick={onDelete}
          disabled={deleteReason !== null}
          title={deleteReason ?? undefined}
        >
          Delete flow
        </button>
      </div>
    </header>
  );
}
