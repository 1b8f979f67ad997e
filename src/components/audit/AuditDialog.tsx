/** The audit trail: who changed what, when, from which instance; filter it, export it. */
import { useInfiniteQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { api, auditExportUrl } from '../../client/api.ts';
import type { AuditFilterInput } from '../../client/audit.ts';
import { NO_AUDIT_FILTER } from '../../client/audit.ts';
import type { Column } from '../ui/DataTable.tsx';
import { LoadedTable } from '../ui/DataTable.tsx';
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

type Entry = Awaited<ReturnType<typeof api.audit>>[number];

const COLUMNS: Column<Entry>[] = [
  { header: 'When', cell: (e) => <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time> },
  { header: 'Who', cell: (e) => e.actor || 'local' },
  { header: 'What', cell: (e) => e.action },
  { header: 'Item', cell: (e) => e.target },
  { header: 'Detail', cell: (e) => e.detail },
  { header: 'Instance', cell: (e) => e.instance },
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
      <LoadedTable
        pending={trail.isPending}
        empty="No recorded change matches."
        scrollClassName="audit-scroll"
        className="audit-table"
        label="Recorded changes"
        columns={COLUMNS}
        rows={entries}
        rowKey={(e) => e.seq}
      />
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
