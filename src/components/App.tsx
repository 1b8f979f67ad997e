/** The studio's root: the studio's providers around the sign-in gate and the shell. */
import { useState } from 'react';
import { catalogQuery } from '../client/catalog.ts';
import { SignInGate } from './auth/SignInGate.tsx';
import { Shell } from './Shell.tsx';
import { createStudioQueryClient, StudioProviders } from './StudioProviders.tsx';
import './styles.css';

/** The root component. */
export function App() {
  const [client] = useState(() => {
    const qc = createStudioQueryClient();
    // The catalog is large: start loading it before the first flow opens.
    void qc.prefetchQuery(catalogQuery());
    return qc;
  });
  return (
    <StudioProviders client={client}>
      <SignInGate>
        <Shell />
      </SignInGate>
    </StudioProviders>
  );
}
