/**
 * App-wide UI state (not server data, not the draft): which folder and flow are open,
 * which folders are expanded, the theme, and transient messages. Mirrored in the URL hash
 * so a reload opens the same flow.
 */
import { create } from 'zustand';
import type { CardView } from '../export/layout/layout.ts';
import type { FlowKind } from '../model/flows.ts';

/** The tools that share the right-hand drawer. */
export type SidePanel = 'inspector' | 'check' | 'test' | 'versions';

/** Which mapping lines the canvas draws: the selected card's, or all of them. */
export type MappingLines = 'selected' | 'all';

/** A message shown briefly in the status area. */
export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

/** The open flow as the workspace's lists show it while it is being edited. */
export interface DraftHeader {
  id: string;
  name: string;
  kind: FlowKind;
}

/** The UI state. */
export interface UiState {
  folderId: string | null;
  flowId: string | null;
  expanded: Record<string, true>;
  theme: 'light' | 'dark';
  toasts: Toast[];
  /** What the right-hand drawer shows; null when it is closed (the canvas takes the room). */
  panel: SidePanel | null;
  /** Opens a tool in the drawer, or closes the drawer when that tool is already shown. */
  togglePanel: (panel: SidePanel) => void;
  showPanel: (panel: SidePanel | null) => void;
  /** The card outline beside the canvas (off by default; remembered). */
  outline: boolean;
  setOutline: (open: boolean) => void;
  mappingLines: MappingLines;
  setMappingLines: (lines: MappingLines) => void;
  /** Cards shown collapsed or with every row, by card id (kept while the page is open). */
  cardViews: ReadonlyMap<string, CardView>;
  setCardView: (card: string, view: CardView | null) => void;
  /** The workspace-wide dialog open over the studio (reached from the top bar and the palette). */
  workspaceDialog: 'connections' | null;
  setWorkspaceDialog: (dialog: 'connections' | null) => void;
  /** The workspace sidebar; remembered across visits. */
  sidebarOpen: boolean;
  setSidebarOpen: (open: boolean) => void;
  /** The open flow's draft as lists show it (name, kind), so the sidebar follows edits. */
  draft: DraftHeader | null;
  setDraft: (draft: DraftHeader | null) => void;
  /** Asked before the open flow is left; false keeps it open (unsaved changes). */
  leaveGuard: (() => boolean) | null;
  setLeaveGuard: (guard: (() => boolean) | null) => void;
  openFolder: (id: string | null) => void;
  /** Opens a flow; `from` is the calling flow when following a helper-flow link. */
  openFlow: (
    id: string | null,
    folderId?: string | null,
    from?: { id: string; name: string },
  ) => void;
  /** The flow to go back to after following a helper-flow link. */
  returnTo: { id: string; name: string } | null;
  toggle: (id: string, open?: boolean) => void;
  setTheme: (theme: 'light' | 'dark') => void;
  toast: (kind: Toast['kind'], text: string) => void;
  dismiss: (id: number) => void;
}

const fromHash = (): { folderId: string | null; flowId: string | null } => {
  const params = new URLSearchParams(globalThis.location?.hash.slice(1) ?? '');
  return { folderId: params.get('folder'), flowId: params.get('flow') };
};

const toHash = (folderId: string | null, flowId: string | null): void => {
  const params = new URLSearchParams();
  if (folderId) params.set('folder', folderId);
  if (flowId) params.set('flow', flowId);
  const hash = params.toString();
  globalThis.history?.replaceState(null, '', hash ? `#${hash}` : globalThis.location.pathname);
};

/**
 * Browser storage can be missing or throw on access (storage blocked, some private modes);
 * the studio then works without remembering the theme.
 */
const storage = {
  get(key: string): string | null {
    try {
      return globalThis.localStorage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      globalThis.localStorage?.setItem(key, value);
    } catch {
      // not remembered; nothing else depends on it
    }
  },
};

const storedTheme = (): 'light' | 'dark' => {
  const t = storage.get('flopack-theme');
  if (t === 'dark' || t === 'light') return t;
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
};

const storedSidebar = (): boolean => storage.get('flopack-sidebar') !== 'closed';

let toastSeq = 0;

/** The UI store hook. */
export const useUi = create<UiState>()((set, get) => ({
  ...fromHash(),
  expanded: {},
  theme: storedTheme(),
  toasts: [],
  panel: null,
  togglePanel(panel) {
    set({ panel: get().panel === panel ? null : panel });
  },
  showPanel(panel) {
    set({ panel });
  },
  outline: storage.get('flopack-outline') === 'open',
  setOutline(open) {
    storage.set('flopack-outline', open ? 'open' : 'closed');
    set({ outline: open });
  },
  cardViews: new Map(),
  setCardView(card, view) {
    const next = new Map(get().cardViews);
    if (view) next.set(card, view);
    else next.delete(card);
    set({ cardViews: next });
  },
  mappingLines: 'selected',
  setMappingLines(lines) {
    set({ mappingLines: lines });
  },
  workspaceDialog: null,
  setWorkspaceDialog(dialog) {
    set({ workspaceDialog: dialog });
  },
  sidebarOpen: storedSidebar(),
  setSidebarOpen(open) {
    storage.set('flopack-sidebar', open ? 'open' : 'closed');
    set({ sidebarOpen: open });
  },
  draft: null,
  setDraft(draft) {
    const old = get().draft;
    if (old?.id === draft?.id && old?.name === draft?.name && old?.kind === draft?.kind) return;
    set({ draft });
  },
  leaveGuard: null,
  setLeaveGuard(guard) {
    set({ leaveGuard: guard });
  },
  openFolder(id) {
    set({ folderId: id });
    toHash(id, get().flowId);
  },
  returnTo: null,
  openFlow(id, folderId, from) {
    const guard = get().leaveGuard;
    if (id !== get().flowId && guard && !guard()) return;
    const folder = folderId === undefined ? get().folderId : folderId;
    set({ flowId: id, folderId: folder, returnTo: from ?? null });
    toHash(folder, id);
  },
  toggle(id, open) {
    const expanded = { ...get().expanded };
    const next = open ?? !expanded[id];
    if (next) expanded[id] = true;
    else delete expanded[id];
    set({ expanded });
  },
  setTheme(theme) {
    storage.set('flopack-theme', theme);
    set({ theme });
  },
  toast(kind, text) {
    const id = ++toastSeq;
    set({ toasts: [...get().toasts, { id, kind, text }].slice(-4) });
    if (kind === 'info') setTimeout(() => get().dismiss(id), 6000);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));
