/** What a card does structurally, read from its address and model flags. */
import type { RawMethod } from './raw.ts';

const kernelKey = (m: RawMethod, module: string): string | null =>
  m.address.startsWith(`root:kernel:${module}:`) ? m.node.key : null;

/** If/Else card; its branches hang off two noop heads and rejoin at a Join card. */
export const isIfElse = (m: RawMethod): boolean => kernelKey(m, 'control') === 'if';
/** A noop: an If/Else branch head, or the placeholder event of a flow without an event. */
export const isNoop = (m: RawMethod): boolean => kernelKey(m, 'control') === 'noop';
/** The card where an If/Else's branches meet. */
export const isJoin = (m: RawMethod): boolean => kernelKey(m, 'control') === 'join';
/** A hidden card the console adds when a sub-field of an object output is mapped. */
export const isExpand = (m: RawMethod): boolean => kernelKey(m, 'object') === 'expand';
/** A note: a card in the sequence with a title and Markdown, no inputs or outputs. */
export const isNote = (m: RawMethod): boolean => kernelKey(m, 'control') === 'comment';
/** Helper Flow (or Scheduled Flow) event card. */
export const isCallable = (m: RawMethod): boolean => kernelKey(m, 'control') === 'callable';
/** Delegated Flow event card. */
export const isDelegated = (m: RawMethod): boolean => kernelKey(m, 'http') === 'delegated';
/** API Endpoint event card. */
export const isApiEndpoint = (m: RawMethod): boolean => kernelKey(m, 'http') === 'accept';
/** A connector event card (Okta "User Suspended" and the like). */
export const isAppEvent = (m: RawMethod): boolean =>
  m.address.startsWith('root:channels:') && m.node.model['webhook'] === true;

/** Pause / Pause Raw: not allowed in a delegated flow. */
export const isPause = (m: RawMethod): boolean => {
  const key = kernelKey(m, 'http');
  return key === 'pause' || key === 'pauseRaw';
};

/** `module:key` of a kernel card, or null for connector cards. */
export function kernelId(m: RawMethod): string | null {
  if (!m.address.startsWith('root:kernel:')) return null;
  const module = m.address.split(':')[2] ?? '';
  return `${module}:${m.node.key}`;
}

/** Event-capable cards: the first card of a flow's sequence. */
export const isEventCard = (m: RawMethod): boolean =>
  isCallable(m) || isDelegated(m) || isApiEndpoint(m) || isAppEvent(m);
