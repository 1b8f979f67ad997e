/** The audit page's filter, turned into the API's query string (no React here). */

/** What the person filters the audit trail by; empty strings mean "any". */
export interface AuditFilterInput {
  actor: string;
  action: string;
  target: string;
  instance: string;
  /** A date (YYYY-MM-DD) or local date-time from the form: entries at or after it. */
  since: string;
  /** Entries before it. */
  until: string;
}

/** The empty filter: everything, newest first. */
export const NO_AUDIT_FILTER: AuditFilterInput = {
  actor: '',
  action: '',
  target: '',
  instance: '',
  since: '',
  until: '',
};

/** A form date (`2026-06-01` or `2026-06-01T12:30`) as an ISO instant, read in local time. */
function instant(value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  const t = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00` : v).getTime();
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** The query string for /api/audit and /api/audit.jsonl (without the `?`). */
export function auditQuery(f: AuditFilterInput, page: { before?: number; limit?: number } = {}) {
  const q = new URLSearchParams();
  for (const k of ['actor', 'action', 'target', 'instance'] as const) {
    const v = f[k].trim();
    if (v) q.set(k, v);
  }
  const since = instant(f.since);
  const until = instant(f.until);
  if (since) q.set('since', since);
  if (until) q.set('until', until);
  if (page.before !== undefined) q.set('before', String(page.before));
  if (page.limit !== undefined) q.set('limit', String(page.limit));
  return q.toString();
}
