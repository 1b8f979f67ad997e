/**
 * The review dialogs of the open flow: asking for review of the latest saved version (with an
 * optional comment), and reviewing it — approve, or request changes with a comment saying which.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api, queries } from '../../client/api.ts';
import { decideReason, requestReviewReason, reviewBadge } from '../../client/review.ts';
import { useUi } from '../../client/uiStore.ts';
import type { ReviewDecision } from '../../contract/review.ts';
import type { Review } from '../../model/review.ts';
import { useRole } from '../auth/useRole.ts';
import { CardList } from '../flow/CardList.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { ReasonButton } from '../ui/ReasonButton.tsx';
import { useMyLabel } from './useReview.ts';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const when = (iso: string | null): string => (iso ? new Date(iso).toLocaleString() : '');

interface Common {
  flowId: string;
  flowName: string;
  revision: number;
  review: Review | null;
  onClose: () => void;
}

/** Asks for review of the latest saved version. */
export function RequestReviewDialog({
  flowId,
  flowName,
  revision,
  review,
  dirty,
  onClose,
}: Common & { dirty: boolean }) {
  const qc = useQueryClient();
  const toast = useUi((s) => s.toast);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reason = requestReviewReason({
    roleReason: useRole().reason('editor', 'ask for review'),
    dirty,
    review,
  });
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.requestReview(flowId, revision, comment);
      await qc.invalidateQueries({ queryKey: ['reviews', flowId] });
      toast('info', `Asked for review of “${flowName}” version ${revision}.`);
      onClose();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Request review" open onClose={onClose}>
      <p>
        Ask another editor to review <strong>{flowName}</strong>, version {revision} (the latest
        saved version).
      </p>
      <label className="field">
        <span>Comment for the reviewer (optional)</span>
        <textarea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <ReasonButton className="primary" reason={reason} busy={busy} onClick={() => void submit()}>
          Request review
        </ReasonButton>
      </div>
    </Dialog>
  );
}

/** Shows the version under review and its comments; approve or request changes. */
export function ReviewDialog({ flowId, flowName, revision, review, onClose }: Common) {
  const qc = useQueryClient();
  const toast = useUi((s) => s.toast);
  const me = useMyLabel();
  const roleReason = useRole().reason('editor', 'review flows');
  const version = useQuery(queries.version(flowId, revision));
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const commentId = useId();
  const why = decideReason({ roleReason, me, review });
  const decide = async (decision: ReviewDecision) => {
    setBusy(true);
    setError(null);
    try {
      await api.decideReview(flowId, revision, decision, comment);
      await qc.invalidateQueries({ queryKey: ['reviews', flowId] });
      await qc.invalidateQueries({ queryKey: ['exportApproval'] });
      toast(
        'info',
        `${decision === 'approve' ? 'Approved' : 'Requested changes to'} “${flowName}” version ${revision}.`,
      );
      onClose();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Review version ${revision}`} open onClose={onClose} wide>
      <p>
        <strong>{flowName}</strong>, version {revision}
        {version.data && (
          <>
            : {version.data.summary}
            {version.data.author && <> — saved by {version.data.author}</>}
          </>
        )}
      </p>
      {review ? (
        <>
          <p>
            <strong>{reviewBadge(review)}</strong>{' '}
            <span className="muted">
              {when(review.state === 'requested' ? review.requestedAt : review.decidedAt)}
            </span>
          </p>
          {review.requestComment && (
            <p className="review-comment" aria-label="Comment of the request">
              {review.requestedBy}: {review.requestComment}
            </p>
          )}
          {review.decisionComment && (
            <p className="review-comment" aria-label="Comment of the review">
              {review.decidedBy}: {review.decisionComment}
            </p>
          )}
        </>
      ) : (
        <p className="muted">Nobody has asked for review of this version.</p>
      )}
      {version.data && (
        <CardList data={version.data.flow.content} label={`Cards of version ${revision}`} />
      )}
      {review?.state === 'requested' && (
        <label className="field">
          <span>Comment (required to request changes)</span>
          <textarea
            id={commentId}
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </label>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <ReasonButton
          reason={
            why ?? (comment.trim() === '' ? 'Say which changes are needed in the comment.' : null)
          }
          busy={busy}
          onClick={() => void decide('request-changes')}
        >
          Request changes
        </ReasonButton>
        <ReasonButton
          className="primary"
          reason={why}
          busy={busy}
          onClick={() => void decide('approve')}
        >
          Approve
        </ReasonButton>
      </div>
    </Dialog>
  );
}
