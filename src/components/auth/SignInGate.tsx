/** Shows the sign-in page until the person is signed in (only when the server requires it). */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { queries } from '../../client/api.ts';

/** Renders `children` once signed in, or in local mode. */
export function SignInGate({ children }: { children: ReactNode }) {
  const me = useQuery(queries.me());
  if (me.isPending) return null;
  if (me.data && me.data.mode === 'oidc' && me.data.user === null)
    return (
      <main className="empty-state sign-in">
        <h1>Flopack Studio</h1>
        <p>This workspace is shared by a team: sign in to open it.</p>
        <a className="button primary" href={me.data.loginUrl}>
          Sign in
        </a>
      </main>
    );
  return <>{children}</>;
}

/** Who is signed in, with their role, and the sign-out button (nothing in local mode). */
export function UserBadge() {
  const me = useQuery(queries.me()).data;
  if (!me || me.mode !== 'oidc' || !me.user) return null;
  return (
    <form method="post" action="/auth/logout" className="user-badge">
      <span>
        Signed in as {me.user.name} ({me.user.role})
      </span>
      <button type="submit">Sign out</button>
    </form>
  );
}
