import { describe, expect, it } from 'vitest';
import type { ChangeNotice } from '../contract/api.ts';
import { changeMessage, isBehind, parseNotice, remoteChange } from './liveNotices.ts';

const notice = (over: Partial<ChangeNotice> = {}): ChangeNotice => ({
  kind: 'flow.saved',
  flowIds: ['f1'],
  revision: 4,
  actor: 'alice@example.com',
  instance: 'web-1',
  at: '2026-06-01T12:00:00.000Z',
  ...over,
});

describe('live change notices', () => {
  it('ignores notices about other flows and new flows', () => {
    expect(remoteChange(notice({ flowIds: ['f2'] }), 'f1')).toBeNull();
    expect(remoteChange(notice({ kind: 'flow.created' }), 'f1')).toBeNull();
  });

  it("says who changed the open flow once the server is past the draft's revision", () => {
    const change = remoteChange(notice(), 'f1');
    expect(change && changeMessage(change)).toBe('Flow changed by alice@example.com');
    expect(isBehind(change, 3, false)).toBe(true);
    // One's own save echoed back, or a reload already done: nothing to say.
    expect(isBehind(change, 4, false)).toBe(false);
    expect(isBehind(change, 3, true)).toBe(false);
  });

  it('always reports a deletion, also of the folder holding the flow', () => {
    for (const kind of ['flow.deleted', 'folder.deleted'] as const) {
      const change = remoteChange(notice({ kind, revision: undefined }), 'f1');
      expect(change && changeMessage(change)).toBe('Flow deleted by alice@example.com');
      expect(isBehind(change, 9, true)).toBe(true);
    }
  });

  it('reads only well-formed notices from the event stream', () => {
    expect(parseNotice(JSON.stringify(notice()))).toEqual(notice());
    expect(parseNotice('not json')).toBeNull();
    expect(parseNotice('{"kind":"flow.saved","flowIds":[1]}')).toBeNull();
    expect(parseNotice('null')).toBeNull();
  });
});
