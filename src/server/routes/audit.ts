/** The audit trail: browse and filter it, or download it as JSON Lines. */
import type { Hono } from 'hono';
import type { AuditEntryDto } from '../../contract/api.ts';
import { ApiError } from '../http.ts';
import type { AuditFilter, Store } from '../storage/store.ts';

const MAX_PAGE = 500;
/** JSON Lines exports are read in pages of this many entries. */
const EXPORT_PAGE = 1000;

function filterOf(q: (k: string) => string | undefined, limit: number): AuditFilter {
  const text = (k: string): string | undefined => {
    const v = q(k);
    if (v !== undefined && v.length > 200)
      throw new ApiError(400, 'AUDIT_E001', `The ${k} filter is longer than 200 characters.`);
    return v || undefined;
  };
  const time = (k: string): string | undefined => {
    const v = q(k);
    if (!v) return undefined;
    const t = v.length <= 40 ? Date.parse(v) : NaN;
    if (Number.isNaN(t))
      throw new ApiError(
        400,
        'AUDIT_E003',
        `"${k}" must be a date and time such as 2026-06-01T12:00:00Z.`,
      );
    return new Date(t).toISOString();
  };
  const beforeRaw = q('before');
  const before = beforeRaw ? Number(beforeRaw) : undefined;
  if (before !== undefined && !(Number.isInteger(before) && before > 0))
    throw new ApiError(400, 'AUDIT_E002', '"before" must be an entry number.');
  return {
    actor: text('actor'),
    action: text('action'),
    target: text('target'),
    instance: text('instance'),
    since: time('since'),
    until: time('until'),
    before,
    limit,
  };
}

/** Mounts /api/audit and /api/audit.jsonl. */
export function auditRoutes(app: Hono, store: Store): void {
  app.get('/api/audit', async (c) => {
    const raw = Number(c.req.query('limit') ?? '100');
    const limit = Number.isInteger(raw) && raw > 0 ? Math.min(raw, MAX_PAGE) : 100;
    const entries = await store.transaction((tx) =>
      tx.audit(filterOf((k) => c.req.query(k), limit)),
    );
    return c.json(entries satisfies AuditEntryDto[]);
  });
  app.get('/api/audit.jsonl', async (c) => {
    const base = filterOf((k) => c.req.query(k), EXPORT_PAGE);
    const lines: string[] = [];
    let before = base.before;
    for (;;) {
      const page = await store.transaction((tx) => tx.audit({ ...base, before }));
      for (const e of page) lines.push(JSON.stringify(e));
      if (page.length < EXPORT_PAGE) break;
      before = page[page.length - 1]?.seq;
    }
    return c.body(lines.length ? `${lines.join('\n')}\n` : '', 200, {
      'content-type': 'application/jsonl; charset=utf-8',
      'content-disposition': 'attachment; filename="flopack-audit.jsonl"',
    });
  });
}
