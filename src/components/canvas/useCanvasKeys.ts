/**
 * The keyboard on a focused card or mapping line, following React Flow's accessibility
 * guidance with the editor's own meaning for each key: Enter/Space opens the card in the
 * Inspector, Delete/Backspace on a mapping line unmaps it, Escape leaves, and the arrow keys
 * (Alt+Arrow moves the card) go to the editor's actions — before React Flow sees them, so
 * its arrow-key nudging never changes a card's place (places come from the flow's order).
 */
import type { Edge } from '@xyflow/react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useCallback } from 'react';
import type { EditorStore } from '../../client/editorStore.ts';
import { useUi } from '../../client/uiStore.ts';
import { ok } from '../../model/errors.ts';
import type { CardId, FieldId } from '../../model/ids.ts';
import { unmapField } from '../../model/mapping.ts';
import type { ScopePath } from '../../model/scope.ts';

interface Options {
  store: EditorStore;
  edges: readonly Edge[];
  pathOf: (id: string) => ScopePath | null;
  report: (problems: { message: string }[] | null, notice?: string) => void;
  /** The editor's key handler (the action registry), for keys a card passes on. */
  onKeys?: ((e: KeyboardEvent) => void) | undefined;
}

const CARD = '.react-flow__node-card, .react-flow__node-note';

/** A capture-phase key handler for the canvas wrapper. */
export function useCanvasKeys({ store, edges, pathOf, report, onKeys }: Options) {
  return useCallback(
    (e: ReactKeyboardEvent<HTMLElement>) => {
      const t = e.target;
      if (!(t instanceof Element)) return;
      const take = () => {
        e.preventDefault();
        e.stopPropagation();
      };
      const leave = () => {
        const canvas = t.closest<HTMLElement>('.canvas');
        canvas?.focus();
      };
      if (t.matches(CARD)) {
        const id = (t as HTMLElement).dataset['id'] ?? '';
        const path = pathOf(id);
        if ((e.key === 'Enter' || e.key === ' ') && !e.altKey && !e.ctrlKey && !e.metaKey) {
          take();
          if (path) store.getState().select({ card: id as CardId, path });
          useUi.getState().showPanel('inspector');
          return;
        }
        if (e.key.startsWith('Arrow') || e.key === 'Escape') {
          // Handed on before React Flow sees it (its arrow keys would nudge the card).
          e.stopPropagation();
          onKeys?.(e.nativeEvent);
          e.preventDefault();
          if (e.key === 'Escape') leave();
        }
        return;
      }
      const line = t.closest<SVGElement>('.react-flow__edge');
      const edge = line ? edges.find((x) => x.id === line.dataset['id']) : undefined;
      const input = edge?.data?.['input'];
      if (!edge || typeof input !== 'string' || !edge.id.startsWith('map:')) return;
      if (e.key === 'Delete' || e.key === 'Backspace') {
        take();
        const path = pathOf(edge.target);
        if (!path) return;
        const problems = store.getState().edit((f) => {
          const to = { card: edge.target as CardId, input: input as FieldId };
          const r = unmapField(f.data, to, path);
          return r.ok ? ok({ ...f, data: r.value }) : r;
        });
        report(problems);
        if (!problems)
          document
            .querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(edge.target)}"]`)
            ?.focus();
        return;
      }
      if (e.key === 'Escape') {
        take();
        document
          .querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(edge.target)}"]`)
          ?.focus();
        return;
      }
      // Enter/Space: React Flow would select the line; a mapping line has nothing to select.
      if (e.key === 'Enter' || e.key === ' ') take();
    },
    [store, edges, pathOf, report, onKeys],
  );
}
