/** The DOM events nodes send up to the canvas, which keeps the nodes free of callbacks. */
import type { PaletteKind } from './Palette.tsx';

/** Opens the event picker; provided by the canvas through a DOM event to keep nodes pure. */
export const ADD_EVENT = 'flopack:add-event';
/** Opens the card popover at a gap ("+") or at the end of the flow. */
export const ADD_CARD = 'flopack:add-card';

/** What an ADD_CARD event carries: the gap (the node it follows, or "end") and where. */
export interface AddRequest {
  gap: string;
  x: number;
  y: number;
  kind: PaletteKind;
}

/** Asks the canvas for the card popover beside `el`. */
export const requestAdd = (el: HTMLElement, gap: string, kind: PaletteKind): void => {
  const r = el.getBoundingClientRect();
  const detail: AddRequest = { gap, x: r.right, y: r.top, kind };
  el.dispatchEvent(new CustomEvent(ADD_CARD, { bubbles: true, detail }));
};
