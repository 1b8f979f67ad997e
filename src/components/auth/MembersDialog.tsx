/** Admins manage who may do what: every member who has signed in, and their role. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queries } from '../../client/api.ts';
import { useUi } from '../../client/uiStore.ts';
import type { Role } from '../../contract/roles.ts';
import { ROLES } from '../../contract/roles.ts';
import { Dialog } from '../ui/Dialog.tsx';

const WHAT: Record<Role, string> = {
  viewer: 'read, export, compare, test run',
  editor: 'also edit, save, import, restore',
  admin: 'also members and roles, delete folders',
};

/** The members dialog (admins only; the server refuses anyone else). */
export function MembersDialog({ onClose }: { onClose: () => void }) {
  const members = useQuery(queries.members());
  const qc = useQueryClient();
  const toast = useUi((s) => s.toast);
  const change = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) => api.setRole(userId, role),
    onSuccess: async (m) => {
      toast('info', `${m.name || m.email} is now ${m.role === 'viewer' ? 'a' : 'an'} ${m.role}.`);
      await qc.invalidateQueries({ queryKey: ['members'] });
      await qc.invalidateQueries({ queryKey: ['me'] });
    },
    onError: (e) => toast('error', e.message),
  });
  return (
    <Dialog title="Members and roles" open onClose={onClose} wide>
      <p className="muted">
        People appear here once they have signed in. Viewers {WHAT.viewer}; editors {WHAT.editor};
        admins {WHAT.admin}.
      </p>
      {members.error && <p className="error">{members.error.message}</p>}
      <table className="audit-table" aria-label="Members">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {members.data?.map((m) => (
            <tr key={m.userId}>
              <td>{m.name}</td>
              <td>{m.email}</td>
              <td>
                <select
                  aria-label={`Role of ${m.name || m.email}`}
                  value={m.role}
                  disabled={change.isPending}
                  onChange={(e) =>
                    change.mutate({ userId: m.userId, role: e.target.value as Role })
                  }
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
