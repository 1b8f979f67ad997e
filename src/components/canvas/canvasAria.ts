/**
 * What React Flow tells assistive technology about the canvas: the hints read with a focused
 * card or mapping line (our keys, not React Flow's defaults: cards are never nudged by the
 * arrow keys, their places come from the flow's order).
 */
import type { AriaLabelConfig } from '@xyflow/react';

const CARD_HINT =
  'Enter or Space opens the card in the Inspector. Alt+Arrow Up or Alt+Arrow Down moves it earlier or later in the flow. The arrow keys go to the next or previous card. Delete removes it, Escape leaves it.';

/** The canvas's accessible hints (module scope: React Flow compares it by identity). */
export const CANVAS_ARIA: Partial<AriaLabelConfig> = {
  'node.a11yDescription.default': CARD_HINT,
  'node.a11yDescription.keyboardDisabled': CARD_HINT,
  'node.a11yDescription.ariaLiveMessage': () => '',
  'edge.a11yDescription.default':
    'A mapping line. Delete or Backspace unmaps this input; Escape returns to the card.',
};
