/** The versions of the open flow: every save, newest first; view one, restore one. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, queries } from '../../client/api.ts';
import type { EditorStore } from '../../client/editorStore.ts';
import { isDirty } from '../../client/editorStore.ts';
import { useUi } from '../../client/uiStore.ts';
import { useRole } from '../auth/useRole.ts';
import type { Review } from '../../model/review.ts';
import { CardList } from '../flow/CardList.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { versionReviewText } from '../../client/review.ts';
import { useFlowReviews, useReviewRules } from '../review/useReview.ts';

const when = (iso: string): string => new Date(iso).toLocaleString();

/** The versions panel. */
export function VersionsPanel({
  store,
  onCompare,
}: {
  store: EditorStore;
  onCompare: (revision: number) => void;
}) {
  const flowId = store.getState().flow.id;
  const versions = useQuery(queries.versions(flowId));
  const [viewing, setViewing] = useState<number | null>(null);
  const { reviews } = useFlowReviews(flowId, 0, useReviewRules().enabled);
  const reviewOf = new Map(reviews.map((r) => [r.revision, r]));
  return (
    <aside className="versions" aria-label="Versions">
      <h2>Versions</h2>
      {versions.isLoading && <p className="muted">Loading…</p>}
      {versions.error && <p className="error">{versions.error.message}</p>}
      <ol className="version-list">
        {versions.data?.map((v) => (
          <li key={v.revision}>
            <button type="button" className="version-item" onClick={() => setViewing(v.revision)}>
              <span className="version-rev">Version {v.revision}:</span>{' '}
              <span className="version-summary">{v.summary}</span>{' '}
              {v.author && <span className="version-author">by {v.author}</span>}{' '}
              {reviewOf.has(v.revision) && (
                <span className={`version-review ${reviewOf.get(v.revision)?.state ?? ''}`}>
                  · {versionReviewText(reviewOf.get(v.revision) as Review)}
                  {reviewOf.get(v.revision)?.decisionComment
                    ? `: “${reviewOf.get(v.revision)?.decisionComment ?? ''}”`
                    : ''}
                </span>
              )}{' '}
              <time className="muted" dateTime={v.createdAt}>
                {when(v.createdAt)}
              </time>
            </button>
          </li>
        ))}
      </ol>
      {viewing !== null && (
        <VersionDialog
          store={store}
          revision={viewing}
          onClose={() => setViewing(null)}
          onCompare={() => {
            setViewing(null);
            onCompare(viewing);
          }}
        />
      )}
    </aside>
  );
}

function VersionDialog({
  store,
  revision,
  onClose,
  onCompare,
}: {
  store: EditorStore;
  revision: number;
  onClose: () => void;
  onCompare: () => void;
}) {
  const flowId = store.getState().flow.id;
  const v = useQuery(queries.version(flowId, revision));
  const qc = useQueryClient();
  const toast = useUi((s) => s.toast);
  const [busy, setBusy] = useState(false);
  const restoreWhy = useRole().reason('editor', 'restore versions');
  const restore = async () => {
    const s = store.getState();
    if (
      isDirty(s) &&
      !globalThis.confirm('Restoring discards your unsaved changes. Restore anyway?')
    )
      return;
    setBusy(true);
    try {
      const dto = await api.restore(flowId, revision, s.baseRevision);
      store.getState().load(dto);
      qc.setQueryData(['flow', flowId], dto);
      await qc.invalidateQueries({ queryKey: ['versions', flowId] });
      await qc.invalidateQueries({ queryKey: ['workspace'] });
      toast('info', `Restored version ${revision} as version ${dto.revision}.`);
      onClose();
    } catch (e) {
      toast('error', e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Version ${revision}`} open onClose={onClose} wide>
      {v.data ? (
        <>
          <p>
            <strong>{v.data.flow.name}</strong> — {v.data.summary} —{' '}
            {v.data.author && <>by {v.data.author} — </>}
            <span className="muted">{when(v.data.createdAt)}</span>
          </p>
          {v.data.flow.description && <p className="muted">{v.data.flow.description}</p>}
          <p>
            {v.data.flow.active ? 'ON' : 'OFF'} · data saving{' '}
            {v.data.flow.saveAllData ? 'on' : 'off'}
          </p>
          <CardList data={v.data.flow.content} label={`Cards of version ${revision}`} />
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Close
            </button>
            <button type="button" onClick={onCompare}>
              Compare with the current draft
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy || restoreWhy !== null}
              title={restoreWhy ?? undefined}
              onClick={() => void restore()}
            >
              Restore this version
            </button>
          </div>
        </>
      ) : (
        <p className="muted">{v.error ? v.error.message : 'Loading…'}</p>
      )}
    </Dialog>
  );
}
