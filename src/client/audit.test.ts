import { describe, expect, it } from 'vitest';
import { auditQuery, NO_AUDIT_FILTER } from './audit.ts';

describe('the audit filter', () => {
  it('asks for everything when nothing is filled in', () => {
    expect(auditQuery(NO_AUDIT_FILTER)).toBe('');
  });

  it('sends trimmed text filters, a time window and paging', () => {
    const q = new URLSearchParams(
      auditQuery(
        {
          ...NO_AUDIT_FILTER,
          actor: ' alice@example.com ',
          action: 'flow.save',
          instance: 'web-2',
          since: '2026-06-01T10:00:00Z',
          until: '2026-06-02T00:00:00.000Z',
        },
        { before: 42, limit: 50 },
      ),
    );
    expect(Object.fromEntries(q)).toEqual({
      actor: 'alice@example.com',
      action: 'flow.save',
      instance: 'web-2',
      since: '2026-06-01T10:00:00.000Z',
      until: '2026-06-02T00:00:00.000Z',
      before: '42',
      limit: '50',
    });
  });

  it('leaves out a date it cannot read rather than sending it', () => {
    expect(auditQuery({ ...NO_AUDIT_FILTER, since: 'last tuesday' })).toBe('');
  });
});
