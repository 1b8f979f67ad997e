/** The card catalog in the browser: loaded on demand (it is large), then kept for the session. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Catalog, CatalogCard } from '../model/catalog.ts';
import { makeCatalog } from '../model/catalog.ts';

async function loadCatalog(): Promise<Catalog> {
  const mod = (await import('../catalog/cards.generated.json')) as unknown as {
    default: { cards: CatalogCard[] };
  };
  return makeCatalog(mod.default.cards);
}

/** Query options for the catalog (never stale). */
export const catalogQuery = () =>
  queryOptions({
    queryKey: ['catalog'],
    queryFn: loadCatalog,
    staleTime: Infinity,
    gcTime: Infinity,
  });

/** The catalog, or null while it loads. */
export function useCatalog(): Catalog | null {
  return useQuery(catalogQuery()).data ?? null;
}
