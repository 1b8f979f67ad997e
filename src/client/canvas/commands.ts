/**
 * Editing commands the canvas, the palette, shortcuts and menus share. Each one runs model
 * operations through the editor store (so it is one undo step) and reports problems.
 */
import type { EditorStore, Selection } from '../editorStore.ts';
import type { Catalog } from '../../model/catalog.ts';
import { createCard } from '../../model/catalog.ts';
import type { Clip } from '../../model/clipboard.ts';
import { copyCards, duplicateCard, pasteClip } from '../../model/clipboard.ts';
import type { Problem, Result } from '../../model/errors.ts';
import { ok } from '../../model/errors.ts';
import { appEventWrapper, setAppEvent, unwrapAppEvent } from '../../model/appEvents.ts';
import { isAppEvent } from '../../model/cardRoles.ts';
import { scheduledEvent } from '../../model/events.ts';
import { eventCardOf, eventChangePlan, setEvent } from '../../model/flows.ts';
import type { CardId } from '../../model/ids.ts';
import { insertCard, moveCard, removeCard } from '../../model/insert.ts';
import type { InsertAt } from '../../model/positions.ts';
import type { Shift } from '../../model/reorder.ts';
import { shiftCard } from '../../model/reorder.ts';
import type { RawFloData } from '../../model/raw.ts';
import { allCardIds } from '../../model/scope.ts';
import { sequenceOf } from '../../model/sequence.ts';
import type { Flow } from '../../model/workspace.ts';

/** A command's outcome: problems to show, or a notice. */
export interface Outcome {
  problems: Problem[] | null;
  notice?: string;
}

const onData =
  (op: (data: RawFloData) => Result<RawFloData>) =>
  (f: Flow): Result<Flow> => {
    const r = op(f.data);
    return r.ok ? ok(r.value === f.data ? f : { ...f, data: r.value }) : r;
  };

/**
 * Where "insert" goes for a selection: after the selected card, else at the end of the flow —
 * for an app-event flow, the end of the flow inside Okta's event wrapper.
 */
export function insertionPoint(sel: Selection | null, data?: RawFloData): InsertAt {
  const wrapper = data ? appEventWrapper(data) : null;
  if (wrapper && (!sel || (sel.path.length === 0 && sel.card !== wrapper.card.uuid))) {
    // Okta's wrapper holds the flow: after the app event means the start of the flow inside.
    const inner = sequenceOf(wrapper.inner).event;
    return sel && inner
      ? { kind: 'after', card: inner, path: wrapper.path }
      : { kind: 'end', path: wrapper.path };
  }
  if (wrapper && sel?.card === wrapper.card.uuid) return { kind: 'end', path: wrapper.path };
  if (sel) return { kind: 'after', card: sel.card, path: sel.path };
  return { kind: 'end' };
}

const eventCard = (catalog: Catalog, id: string, taken: ReadonlySet<string>, scheduled: boolean) =>
  scheduled ? scheduledEvent(catalog, taken) : createCard(catalog, id, taken);

/**
 * What choosing an event would do to the mappings from the flow's current event (kept and
 * dropped outputs), to ask before changing it; null when the flow has no event yet.
 */
export function eventChangeOf(
  store: EditorStore,
  catalog: Catalog,
  id: string,
  scheduled: boolean,
): ReturnType<typeof eventChangePlan> {
  const data = store.getState().flow.data;
  if (!catalog.byId.has(id)) return null;
  return eventChangePlan(data, eventCard(catalog, id, allCardIds(data), scheduled));
}

/** Inserts a catalog card (or sets it as the event, for event cards) and selects it. */
export function insertFromCatalog(
  store: EditorStore,
  catalog: Catalog,
  id: string,
  at: InsertAt,
  opts: { scheduled?: boolean } = {},
): Outcome {
  const entry = catalog.byId.get(id);
  if (!entry)
    return { problems: [{ code: 'CARD_E001', message: `No card "${id}" in the catalog.` }] };
  let placed: string | null = null;
  let path = at.path ?? [];
  const problems = store.getState().edit(
    onData((data) => {
      const taken = allCardIds(data);
      if (entry.isEvent) {
        const card = eventCard(catalog, id, taken, opts.scheduled === true);
        placed = card.uuid;
        path = [];
        if (isAppEvent(card)) return setAppEvent(data, card, catalog);
        // Leaving an app event: the flow's cards come out of Okta's event wrapper first.
        const base = appEventWrapper(data) ? unwrapAppEvent(data) : data;
        return setEvent(base, card, opts.scheduled ? { scheduled: true } : {});
      }
      const card = createCard(catalog, id, taken);
      const r = insertCard(data, at, card, { catalog });
      if (!r.ok) return r;
      placed = r.value.card;
      return ok(r.value.data);
    }),
  );
  if (!problems && placed) store.getState().select({ card: placed, path });
  return { problems };
}

/** Removes the selected card (an If/Else with its branches). */
export function removeSelected(store: EditorStore): Outcome {
  const sel = store.getState().selection;
  if (!sel) return { problems: null };
  const problems = store.getState().edit(onData((d) => removeCard(d, sel.card, sel.path)));
  if (!problems) store.getState().select(null);
  return { problems };
}

/** Duplicates the selected card right after itself. */
export function duplicateSelected(store: EditorStore): Outcome {
  const sel = store.getState().selection;
  if (!sel) return { problems: null };
  let first: CardId | null = null;
  const problems = store.getState().edit(
    onData((d) => {
      const r = duplicateCard(d, sel.card, sel.path);
      if (!r.ok) return r;
      first = r.value.cards[0] ?? null;
      return ok(r.value.data);
    }),
  );
  if (!problems && first) store.getState().select({ card: first, path: sel.path });
  return { problems };
}

/** Copies the selected card into a clip. */
export function copySelected(store: EditorStore): {
  clip: Clip | null;
  problems: Problem[] | null;
} {
  const s = store.getState();
  if (!s.selection) return { clip: null, problems: null };
  const r = copyCards(s.flow.data, [s.selection.card], s.selection.path);
  return r.ok ? { clip: r.value, problems: null } : { clip: null, problems: r.problems };
}

/** Pastes a clip after the selection (or at the end); one undo step, with a notice for lost mappings. */
export function pasteClipAt(store: EditorStore, clip: Clip): Outcome {
  const sel = store.getState().selection;
  const at = insertionPoint(sel, store.getState().flow.data);
  let dropped = 0;
  let first: CardId | null = null;
  const problems = store.getState().edit(
    onData((d) => {
      const r = pasteClip(d, at, clip);
      if (!r.ok) return r;
      dropped = r.value.dropped;
      first = r.value.cards[0] ?? null;
      return ok(r.value.data);
    }),
  );
  if (!problems && first) store.getState().select({ card: first, path: at.path ?? [] });
  const notice =
    dropped > 0
      ? `${dropped} mapping${dropped === 1 ? '' : 's'} could not come along: ${dropped === 1 ? 'its source card was' : 'their source cards were'} not copied. Re-map ${dropped === 1 ? 'it' : 'them'} in the Inspector.`
      : undefined;
  return notice ? { problems, notice } : { problems };
}

/** Moves a card to a position; reports mappings that no longer fit. */
export function moveTo(store: EditorStore, card: CardId, at: InsertAt): Outcome {
  let dropped = 0;
  const problems = store.getState().edit(
    onData((d) => {
      const r = moveCard(d, card, at);
      if (!r.ok) return r;
      dropped = r.value.dropped;
      return ok(r.value.data);
    }),
  );
  const notice =
    dropped > 0
      ? `${dropped} mapping(s) were removed: their source no longer runs before the card.`
      : undefined;
  return notice ? { problems, notice } : { problems };
}

/**
 * Moves the selected card one step earlier or later in its lane (Alt+Arrow Up/Down); refused,
 * with the reason, at a lane's end or when a mapping would be cut.
 */
export function shiftSelected(store: EditorStore, shift: Shift): Outcome {
  const sel = store.getState().selection;
  if (!sel) return { problems: null };
  return {
    problems: store.getState().edit(onData((d) => shiftCard(d, sel.card, sel.path, shift))),
  };
}

/** The flow's event card uuid, or null. */
export const eventOf = (store: EditorStore): string | null =>
  eventCardOf(store.getState().flow.data)?.uuid ?? null;
