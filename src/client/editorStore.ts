/**
 * The draft of the flow being edited: one store per open flow, created by a factory.
 * Every edit goes through a model operation; undo history (zundo) follows a capture policy:
 * a burst of edits under one key (a drag, a typing burst) is one step, selection is none,
 * loading or saving a flow is none.
 */
import { temporal } from 'zundo';
import type { TemporalState } from 'zundo';
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Problem, Result } from '../model/errors.ts';
import type { CardId, FlowId, FolderId } from '../model/ids.ts';
import type { ScopePath } from '../model/scope.ts';
import type { Flow } from '../model/workspace.ts';
import type { FlowDto } from '../contract/api.ts';

/** How long edits under the same burst key merge into one undo step. */
export const BURST_MS = 1200;

/** Undo depth per flow. */
export const HISTORY_LIMIT = 250;

/** The selected card, with the scope it lives in. */
export interface Selection {
  card: CardId;
  path: ScopePath;
}

/** Editor state. Only `flow` is recorded in history. */
export interface EditorState {
  flow: Flow;
  /** The flow as last loaded or saved; the draft is dirty when it differs. */
  saved: Flow;
  baseRevision: number;
  selection: Selection | null;
  /** Why the draft cannot be changed (e.g. the person is a viewer), or null when it can. */
  readOnly: string | null;
  /** Applies a model operation to the draft; returns its problems, or null when it applied. */
  edit: (op: (flow: Flow) => Result<Flow>, opts?: { burst?: string }) => Problem[] | null;
  select: (selection: Selection | null) => void;
  /** Makes the draft read-only (with the reason shown to the person) or editable again. */
  setReadOnly: (reason: string | null) => void;
  /** Replaces the draft with a flow from the server, clearing history. */
  load: (dto: FlowDto) => void;
  /** Records a successful save: the saved flow and its new revision. */
  saved_: (dto: FlowDto) => void;
  /**
   * Records that the flow was turned ON or OFF on the server (at once, no save): the saved
   * flow and the draft both take the state, without an undo step or unsaved changes.
   */
  activeSet: (active: boolean) => void;
}

/** Converts the API's flow into the model's. */
export function flowFromDto(dto: FlowDto): Flow {
  return {
    id: dto.id as FlowId,
    name: dto.name,
    description: dto.description,
    folderId: dto.folderId as FolderId | null,
    active: dto.active,
    data: dto.content,
    rest: null,
  };
}

/** The store type, with zundo's temporal API. */
export type EditorStore = StoreApi<EditorState> & {
  temporal: StoreApi<TemporalState<Pick<EditorState, 'flow'>>>;
};

/** Creates the editor store for one flow. */
export function createEditorStore(dto: FlowDto): EditorStore {
  let burstKey: string | null = null;
  let burstAt = 0;
  const initial = flowFromDto(dto);
  const store = createStore<EditorState>()(
    temporal(
      (set, get) => ({
        flow: initial,
        saved: initial,
        baseRevision: dto.revision,
        selection: null,
        readOnly: null,
        edit(op, opts = {}) {
          const refused = get().readOnly;
          if (refused !== null) return [{ code: 'ROLE_E001', message: refused }];
          const r = op(get().flow);
          if (!r.ok) return r.problems;
          if (r.value === get().flow) return null;
          const now = Date.now();
          const merging =
            opts.burst !== undefined && opts.burst === burstKey && now - burstAt < BURST_MS;
          burstKey = opts.burst ?? null;
          burstAt = now;
          const t = (store as unknown as EditorStore).temporal.getState();
          if (merging) t.pause();
          set({ flow: r.value });
          if (merging) t.resume();
          return null;
        },
        select(selection) {
          set({ selection });
        },
        setReadOnly(reason) {
          if (get().readOnly !== reason) set({ readOnly: reason });
        },
        load(next) {
          const flow = flowFromDto(next);
          const t = (store as unknown as EditorStore).temporal.getState();
          t.pause();
          set({ flow, saved: flow, baseRevision: next.revision, selection: null });
          t.resume();
          t.clear();
          burstKey = null;
        },
        activeSet(active) {
          const { flow, saved } = get();
          if (saved.active === active && flow.active === active) return;
          const t = (store as unknown as EditorStore).temporal.getState();
          const nextSaved = { ...saved, active };
          t.pause();
          set({ saved: nextSaved, flow: flow === saved ? nextSaved : { ...flow, active } });
          t.resume();
        },
        saved_(next) {
          const flow = flowFromDto(next);
          const t = (store as unknown as EditorStore).temporal.getState();
          // Keep the draft object when the server echoed it, so identity (and history) survive.
          const current = get().flow;
          const same = JSON.stringify(current) === JSON.stringify(flow);
          t.pause();
          set({
            flow: same ? current : flow,
            saved: same ? current : flow,
            baseRevision: next.revision,
          });
          t.resume();
        },
      }),
      {
        partialize: (s) => ({ flow: s.flow }),
        equality: (a, b) => a.flow === b.flow,
        limit: HISTORY_LIMIT,
      },
    ),
  );
  return store;
}

/** True when the draft differs from what was last saved. */
export const isDirty = (s: EditorState): boolean => s.flow !== s.saved;
