/** The workspace tree from the server, and derived lookups. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { queries } from '../../client/api.ts';
import type { FlowHeader, FolderDto, TreeDto } from '../../contract/api.ts';

/** Tree data with lookups by id and by parent. */
export interface TreeIndex {
  tree: TreeDto;
  folder: (id: string | null) => FolderDto | undefined;
  children: (parentId: string | null) => FolderDto[];
  flowsIn: (folderId: string | null) => FlowHeader[];
  depth: (id: string) => number;
}

const EMPTY: TreeDto = { folders: [], flows: [] };

/** Reads the tree (TanStack Query) and indexes it. */
export function useTree(): TreeIndex & { isLoading: boolean; error: Error | null } {
  const q = useQuery(queries.tree());
  const tree = q.data ?? EMPTY;
  const index = useMemo((): TreeIndex => {
    const byId = new Map(tree.folders.map((f) => [f.id, f]));
    return {
      tree,
      folder: (id) => (id === null ? undefined : byId.get(id)),
      children: (parentId) => tree.folders.filter((f) => f.parentId === parentId),
      flowsIn: (folderId) => tree.flows.filter((f) => f.folderId === folderId),
      depth: (id) => {
        let d = 0;
        let cur: string | null = id;
        while (cur !== null && d < 50) {
          d++;
          cur = byId.get(cur)?.parentId ?? null;
        }
        return d;
      },
    };
  }, [tree]);
  return { ...index, isLoading: q.isLoading, error: q.error };
}
