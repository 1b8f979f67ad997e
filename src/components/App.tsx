/** The studio's root: server state (TanStack Query) around the shell. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { catalogQuery } from '../client/catalog.ts';
import { useUi } from '../client/uiStore.ts';
import { SignInGate } from './auth/SignInGate.tsx';
import { Shell } from './Shell.tsx';
import './styles.css';

/** The root component. */
export function App() {
  const [client] = useState(() => {
    const qc = new QueryClient({
      defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 } },
    });
    // The catalog is large: start loading it before the first flow opens.
    void qc.prefetchQuery(catalogQuery());
    return qc;
  });
  // The theme applies to every screen, the sign-in screen included.
  const theme = useUi((t) => t.theme);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  return (
    <QueryClientProvider client={client}>
      <SignInGate>
        <Shell />
      </SignInGate>
    </QueryClientProvider>
  );
}
