/**
 * The open flow's header, one row: name, ON/OFF, data saving, Save, the drawer's tools, and a
 * "More" menu for the rarely used commands.
 */
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import {
  Ellipsis,
  GitCompare,
  History,
  ListChecks,
  ListTree,
  PanelRight,
  Pencil,
  Play,
  Download,
  Trash2,
  UserCheck,
  Send,
} from 'lucide-react';
import { reviewBadge } from '../../client/review.ts';
import type { Review } from '../../model/review.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../client/api.ts';
import { useRole } from '../auth/useRole.ts';
import type { EditorStore } from '../../client/editorStore.ts';
import type { FlowDto } from '../../contract/api.ts';
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
      <ListChecks size={16} aria-hidden="true" />
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

/** Turns the open flow ON or OFF on the server, then in the draft and the workspace tree. */
function useSwitchActive(store: EditorStore) {
  const qc = useQueryClient();
  const toast = useUi((s) => s.toast);
  return useMutation({
    mutationFn: (on: boolean) => api.setFlowActive(store.getState().flow.id, on),
    onSuccess: async (dto) => {
      store.getState().activeSet(dto.active);
      qc.setQueryData<FlowDto>(['flow', dto.id], (old) =>
        old ? { ...old, active: dto.active } : old,
      );
      await qc.invalidateQueries({ queryKey: ['workspace'] });
    },
    onError: (e) => toast('error', e instanceof Error ? e.message : String(e)),
  });
}

interface Props {
  store: EditorStore;
  saving: boolean;
  onSave: () => void;
  onEdit: () => void;
  onExport: () => void;
  onCompare: () => void;
  onDelete: () => void;
  /** Review before release; absent in local mode (one person, nobody else to approve). */
  review?: {
    current: Review | null;
    onRequest: () => void;
    onReview: () => void;
  } | null;
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
  review,
}: Props) {
  const name = useEditor((s) => s.flow.name);
  const description = useEditor((s) => s.flow.description);
  // ON/OFF is the workspace's state, applied at once (no Save, no version), as in Okta.
  const active = useEditor((s) => s.saved.active);
  const switchActive = useSwitchActive(store);
  const log = useEditor((s) => s.flow.data.log);
  const kind = useEditor((s) => flowKind(s.flow.data));
  const dirty = useEditor(isDirty);
  const returnTo = useUi((s) => s.returnTo);
  const openFlow = useUi((s) => s.openFlow);
  const panel = useUi((s) => s.panel);
  const togglePanel = useUi((s) => s.togglePanel);
  const outline = useUi((s) => s.outline);
  const setOutline = useUi((s) => s.setOutline);
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
      <div className="flow-title" title={description || undefined}>
        <h2>{name}</h2>
        <span className="kind">{FLOW_KIND_LABELS[kind]}</span>
        {dirty && <span className="unsaved">Unsaved changes</span>}
        {editReason && (
          <span className="read-only" title={editReason}>
            View only
          </span>
        )}
        {review?.current && (
          <button
            type="button"
            className={`review-badge ${review.current.state}`}
            onClick={review.onReview}
            aria-label={`${reviewBadge(review.current)} — show the review`}
          >
            {reviewBadge(review.current)}
          </button>
        )}
        {description && <p className="visually-hidden">{description}</p>}
      </div>
      <div className="toolbar" role="toolbar" aria-label="Flow actions">
        <Switch
          on={active}
          onText="Flow is ON"
          offText="Flow is OFF"
          onChange={(on) => switchActive.mutate(on)}
          disabled={editReason !== null || switchActive.isPending}
          title={editReason ?? undefined}
        />
        <label
          className="checkbox"
          title={editReason ?? 'Save all data that passes through the flow'}
        >
          <input
            type="checkbox"
            aria-label="Save all data that passes through the flow"
            checked={log}
            disabled={editReason !== null}
            onChange={(e) => edit((f) => ok({ ...f, data: { ...f.data, log: e.target.checked } }))}
          />
          Save all data
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
        <span className="toolbar-sep" aria-hidden="true" />
        <CheckButton />
        <button type="button" aria-pressed={panel === 'test'} onClick={() => togglePanel('test')}>
          <Play size={16} aria-hidden="true" />
          Test run
        </button>
        <button
          type="button"
          aria-pressed={panel === 'versions'}
          onClick={() => togglePanel('versions')}
          aria-label="Versions"
          title="Versions"
        >
          <History size={16} aria-hidden="true" />
        </button>
        <button
          type="button"
          aria-pressed={panel === 'inspector'}
          onClick={() => togglePanel('inspector')}
          aria-keyshortcuts="I"
          aria-label="Inspector"
          title="Inspector (I)"
        >
          <PanelRight size={16} aria-hidden="true" />
        </button>
        <button
          type="button"
          aria-pressed={outline}
          onClick={() => setOutline(!outline)}
          aria-label="Outline"
          title="Outline"
        >
          <ListTree size={16} aria-hidden="true" />
        </button>
        <DropdownMenu.Root modal={false}>
          <DropdownMenu.Trigger asChild>
            <button type="button" aria-label="More flow actions">
              <Ellipsis size={16} aria-hidden="true" />
              More
            </button>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content
              className="menu-content"
              align="end"
              sideOffset={4}
              aria-label="More flow actions"
              onCloseAutoFocus={(e) => e.preventDefault()}
            >
              <DropdownMenu.Item
                className="menu-item"
                onSelect={onEdit}
                disabled={editReason !== null}
                title={editReason ?? undefined}
              >
                <Pencil size={15} aria-hidden="true" /> Edit properties
              </DropdownMenu.Item>
              <DropdownMenu.Item className="menu-item" onSelect={onCompare}>
                <GitCompare size={15} aria-hidden="true" /> Compare
              </DropdownMenu.Item>
              <DropdownMenu.Item className="menu-item" onSelect={onExport}>
                <Download size={15} aria-hidden="true" /> Export
              </DropdownMenu.Item>
              {review && (
                <>
                  <DropdownMenu.Item className="menu-item" onSelect={review.onRequest}>
                    <Send size={15} aria-hidden="true" /> Request review…
                  </DropdownMenu.Item>
                  <DropdownMenu.Item className="menu-item" onSelect={review.onReview}>
                    <UserCheck size={15} aria-hidden="true" /> Review…
                  </DropdownMenu.Item>
                </>
              )}
              <DropdownMenu.Separator className="menu-separator" />
              <DropdownMenu.Item
                className="menu-item danger-quiet"
                onSelect={onDelete}
                disabled={deleteReason !== null}
                title={deleteReason ?? undefined}
              >
                <Trash2 size={15} aria-hidden="true" /> Delete flow
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </div>
    </header>
  );
}
