/** The studio's data tables: a named table, a header row of column names, one row per item. */
import type { ReactNode } from 'react';

/** One column: its header and what each row shows in it. */
export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

/** A table named for screen readers (`label`), with `scope="col"` headers. */
export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  className,
}: {
  label: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  className?: string;
}) {
  return (
    <table className={className} aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col" key={c.header}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={rowKey(r)}>
            {columns.map((c) => (
              <td key={c.header}>{c.cell(r)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A table of fetched rows: "Loading…" while the query is pending, `empty` when it found none,
 * otherwise the table in a scrolling box (`scrollClassName`).
 */
export function LoadedTable<T>({
  pending,
  empty,
  scrollClassName,
  ...table
}: Parameters<typeof DataTable<T>>[0] & {
  pending: boolean;
  empty: ReactNode;
  scrollClassName: string;
}) {
  if (pending) return <p className="muted">Loading…</p>;
  if (table.rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className={scrollClassName}>
      <DataTable {...table} />
    </div>
  );
}
