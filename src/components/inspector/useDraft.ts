/** Local text over a model value, for fields whose typing the model may refuse. */
import { useState } from 'react';

/**
 * The text a field shows: what the user typed while the model has not changed under it;
 * the model's own text again when it changed elsewhere (undo, another editor).
 * `setDraft(text, base)` records the typed text and the model value it now stands on.
 */
export function useDraft(value: string): [string, (text: string, base?: string) => void] {
  const [state, setState] = useState({ base: value, draft: value });
  let current = state;
  if (state.base !== value) {
    // The model moved without us: adopt its value (derived state, updated during render).
    current = { base: value, draft: value };
    setState(current);
  }
  const setDraft = (text: string, base: string = value) => setState({ base, draft: text });
  return [current.draft, setDraft];
}
