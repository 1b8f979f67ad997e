/** Import state shared by the Import dialog and the page-wide file drop. */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { uploadFlopack } from '../../client/api.ts';
import { useUi } from '../../client/uiStore.ts';
import type { ImportDto } from '../../contract/api.ts';

/** What an import in progress looks like, and how to start one. */
export interface ImportControl {
  target: string;
  setTarget: (id: string) => void;
  progress: number | null;
  error: string | null;
  result: ImportDto | null;
  run: (file: File, target?: string) => Promise<void>;
  reset: () => void;
}

const FOLDER_KEY = 'flopack.import.folder';

/** The folder last chosen in the Import dialog in this browser ('' is the top level), or null. */
function rememberedFolder(): string | null {
  try {
    return localStorage.getItem(FOLDER_KEY);
  } catch {
    return null;
  }
}

function rememberFolder(id: string): void {
  try {
    localStorage.setItem(FOLDER_KEY, id);
  } catch {
    // Storage may be off (private mode): the choice then lasts for the page only.
  }
}

/** Runs imports: upload with progress, then refresh the tree and open the new folder. */
export function useImport(): ImportControl {
  const selected = useUi((s) => s.folderId);
  const openFolder = useUi((s) => s.openFolder);
  const toggle = useUi((s) => s.toggle);
  const qc = useQueryClient();
  const [target, setTarget] = useState<string | null>(rememberedFolder);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportDto | null>(null);
  const effectiveTarget = target ?? selected ?? '';
  return {
    target: effectiveTarget,
    setTarget: (id) => {
      setTarget(id);
      rememberFolder(id);
    },
    progress,
    error,
    result,
    run: async (file, into) => {
      const folder = into ?? effectiveTarget;
      setError(null);
      setResult(null);
      setProgress(0);
      try {
        const r = await uploadFlopack(file, file.name, folder || null, setProgress);
        setResult(r);
        await qc.invalidateQueries({ queryKey: ['workspace'] });
        await qc.invalidateQueries({ queryKey: ['connections'] });
        if (folder) toggle(folder, true);
        const first = r.folderIds[0];
        if (first) openFolder(first);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setProgress(null);
      }
    },
    reset: () => {
      setError(null);
      setResult(null);
    },
  };
}
