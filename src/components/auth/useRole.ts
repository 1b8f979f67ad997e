/** The signed-in person's role, and why a control is unavailable to them. */
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EditorStore } from '../../client/editorStore.ts';
import { queries } from '../../client/api.ts';
import type { Role } from '../../contract/roles.ts';
import { roleReason } from '../../contract/roles.ts';

/** What the current person may do; until /api/me answers, nothing is refused. */
export function useRole(): {
  role: Role;
  /** Why `what` is unavailable (shown on hover), or null when it is available. */
  reason: (needed: Role, what: string) => string | null;
} {
  const me = useQuery(queries.me()).data;
  const role: Role = me?.user?.role ?? 'admin';
  return { role, reason: (needed, what) => roleReason(role, needed, what) };
}

/** Keeps the open flow's draft read-only while the person may not edit (a viewer). */
export function useReadOnlyDraft(store: EditorStore): void {
  const why = useRole().reason('editor', 'edit flows');
  useEffect(() => store.getState().setReadOnly(why), [store, why]);
}
