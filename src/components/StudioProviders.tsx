/**
 * What every screen of the studio runs inside: server state (TanStack Query) and the theme on
 * the document. The app and the canvas benchmark page both use it, so a provider the canvas
 * comes to need is added here once and the benchmark cannot drift from the app.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useUi } from '../client/uiStore.ts';

/** The studio's query client: one retry, no refetch on window focus, five seconds fresh. */
export function createStudioQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 } },
  });
}

/** The providers around the studio's screens. */
export function StudioProviders({
  client,
  children,
}: {
  client: QueryClient;
  children: ReactNode;
}) {
  // The theme applies to every screen, the sign-in screen included.
  const theme = useUi((t) => t.theme);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
