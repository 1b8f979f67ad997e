/** Top-bar entries for the team: the audit trail for everyone, members and roles for admins. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { queries } from '../../client/api.ts';
import { AuditDialog } from '../audit/AuditDialog.tsx';
import { MembersDialog } from './MembersDialog.tsx';

/** The "Audit trail" and (admins, when people sign in) "Members" buttons and their dialogs. */
export function TeamButtons() {
  const me = useQuery(queries.me()).data;
  const [open, setOpen] = useState<null | 'audit' | 'members'>(null);
  const admin = me?.mode === 'oidc' && me.user?.role === 'admin';
  return (
    <>
      <button type="button" onClick={() => setOpen('audit')}>
        Audit trail
      </button>
      {admin && (
        <button type="button" onClick={() => setOpen('members')}>
          Members
        </button>
      )}
      {open === 'audit' && <AuditDialog onClose={() => setOpen(null)} />}
      {open === 'members' && <MembersDialog onClose={() => setOpen(null)} />}
    </>
  );
}
