/** The studio's card clipboard, shared by every open flow (so cards paste across flows). */
import type { Clip } from '../model/clipboard.ts';

let current: Clip | null = null;

/** Reads and writes the clipboard. */
export const cardClipboard = {
  get: (): Clip | null => current,
  set: (clip: Clip): void => {
    current = clip;
  },
};
