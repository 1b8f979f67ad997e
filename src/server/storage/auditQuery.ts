/** The WHERE clause of an audit query, shared by both stores (only the placeholders differ). */
import type { AuditFilter } from './store.ts';

/** Builds `WHERE …` and its parameters; `slot(n)` writes the n-th placeholder (1-based). */
export function auditWhere(
  f: AuditFilter,
  slot: (n: number) => string,
): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const like = (column: string, value: string | undefined): void => {
    if (!value) return;
    params.push(`%${value.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    parts.push(`LOWER(${column}) LIKE ${slot(params.length)} ESCAPE '\\'`);
  };
  like('actor', f.actor);
  like('action', f.action);
  like('target', f.target);
  like('instance', f.instance);
  // Times are stored as ISO 8601 UTC strings, which sort as text in time order.
  if (f.since !== undefined) {
    params.push(f.since);
    parts.push(`at >= ${slot(params.length)}`);
  }
  if (f.until !== undefined) {
    params.push(f.until);
    parts.push(`at < ${slot(params.length)}`);
  }
  if (f.before !== undefined) {
    params.push(f.before);
    parts.push(`seq < ${slot(params.length)}`);
  }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
