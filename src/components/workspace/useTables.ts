/** The workspace's tables, for showing and choosing them by name (cards store their ids). */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { queries } from '../../client/api.ts';
import type { TableDto } from '../../contract/api.ts';

const NONE: TableDto[] = [];

/** The tables (sorted by name) and a lookup of a table's name by id (null: not here). */
export function useTables(): { tables: TableDto[]; tableName: (id: string) => string | null } {
  const q = useQuery(queries.tables());
  const tables = q.data ?? NONE;
  const byId = useMemo(() => new Map(tables.map((t) => [t.id, t.name])), [tables]);
  const tableName = useCallback((id: string) => byId.get(id) ?? null, [byId]);
  return { tables, tableName };
}
