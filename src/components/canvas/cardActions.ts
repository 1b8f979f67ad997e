/** What a card on the canvas can ask of the editor, and what it is told while mapping. */
import { createContext } from 'react';
import type { CardView } from '../../export/layout/layout.ts';
import type { Json } from '../../model/raw.ts';
import type { ScopePath } from '../../model/scope.ts';

/** What cards on the canvas can ask of the editor (a stable object from the canvas). */
export interface CardActions {
  setView: (card: string, view: CardView | null) => void;
  unmap: (card: string, path: ScopePath, input: string) => void;
  setValue: (card: string, path: ScopePath, input: string, value: Json) => void;
  openHelper: (flowId: string) => void;
  helperName: (flowId: string) => string;
  /** While an output is dragged: why this input cannot take it, or null when it can. */
  canTake: (card: string, path: ScopePath, input: string) => string | null;
  /** Sends the current item of a list card to a helper input (null: to none). */
  setItem: (card: string, path: ScopePath, input: string | null, itemPath: string) => void;
  /** Why the flow cannot be changed here (a viewer's role), or null when it can. */
  readOnly: string | null;
}

/** The output being dragged onto inputs, if any (the canvas provides it). */
export const ConnectingContext = createContext<unknown>(null);

/** Provided by the canvas; nodes read it instead of taking callbacks in their data. */
export const CardActionsContext = createContext<CardActions | null>(null);
