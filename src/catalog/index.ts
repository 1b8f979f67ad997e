/** The generated card catalog, loaded for Node entry points (CLI, server, tests). */
import generated from './cards.generated.json' with { type: 'json' };
import type { Catalog, CatalogCard } from '../model/catalog.ts';
import { makeCatalog } from '../model/catalog.ts';

/** The catalog of every card seen in real Okta exports. */
export const catalog: Catalog = makeCatalog(generated.cards as CatalogCard[]);
