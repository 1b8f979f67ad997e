/** The audit trail: who changed what, when, from which instance; filter it, export it. */
import { useInfiniteQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { api, auditExportUrl } from '../../client/api.ts';
import type { AuditFilterInput } from '../../client/audit.ts';
import { NO_AUDIT_FILTER } from '../../client/audit.ts';
import { Dialog } from '../ui/Dialog.tsx';

const PAGE = 100;

const FIELDS: { key: keyof AuditFilterInput; label: string; type: string; hint?: string }[] = [
  { key: 'actor', label: 'Who', type: 'search', hint: 'e-mail or name' },
  { key: 'action', label: 'What', type: 'search', hint: 'e.g. flow.save, import, sign-in' },
  { key: 'target', label: 'Which item', type: 'search', hint: 'flow or folder id' },
  { key: 'instance', label: 'Instance', type: 'search' },
  { key: 'since', label: 'From', type: 'datetime-local' },
  { key: 'until', label: 'Until', type: 'datetime-local' },
];

/** The audit page, as a wide dialog. */
export function AuditDialog({ onClose }: { onClose: () => void }) {
  const [draft, setDraft] = useState<AuditFilterInput>(NO_AUDIT_FILTER);
  const [filter, setFilter] = useState<AuditFilterInput>(NO_AUDIT_FILTER);
  const trail = useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam }) =>
      api.audit(
        filter,
        pageParam === undefined ? { limit: PAGE } : { before: pageParam, limit: PAGE },
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.length < PAGE ? undefined : last[last.length - 1]?.seq),
  });
  const entries = trail.data?.pages.flat() ?? [];
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
  };
  return (
    <Dialog title="Audit trail" open onClose={onClose} wide>
      <form className="audit-filter" aria-label="Filter the audit trail" onSubmit={apply}>
        {FIELDS.map((f) => (
          <label key={f.key}>
            {f.label}
            <input
              type={f.type}
              value={draft[f.key]}
              placeholder={f.hint}
              onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
            />
          </label>
        ))}
        <div className="dialog-actions">
          <button
            type="button"
            onClick={() => {
              setDraft(NO_AUDIT_FILTER);
              setFilter(NO_AUDIT_FILTER);
            }}
          >
            Clear
          </button>
          <button type="submit" className="primary">
            Filter
          </button>
          <a className="button" href={auditExportUrl(filter)} download="flopack-audit.jsonl">
            Export JSON Lines
          </a>
        </div>
      </form>
      {trail.error && <p className="error">{trail.error.message}</p>}
      {trail.isPending ? (
        <p className="muted">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="muted">No recorded change matches.</p>
      ) : (
        <div className="audit-scroll">
          <table className="audit-table" aria-label="Recorded changes">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Item</th>
                <th scope="col">Detail</th>
                <th scope="col">Instance</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq}>
                  <td>
                    <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
                  </td>
                  <td>{e.actor || 'local'}</td>
                  <td>{e.action}</td>
                  <td>{e.target}</td>
                  <td>{e.detail}</td>
                  <td>{e.instance}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {trail.hasNextPage && (
        <button
          type="button"
          disabled={trail.isFetchingNextPage}
          onClick={() => void trail.fetchNextPage()}
        >
          Show older changes
        </button>
      )}
    </Dialog>
  );
}
