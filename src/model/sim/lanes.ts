/**
 * How a run names the lanes of inline flows, as Okta's console names their places: the
 * container card's title and the arm ("If Error › Try", "If/ElseIf › Else"), or, for an event
 * wrapper, the wrapped event's title. An inline lane's own start card (a hidden "Helper Flow"
 * callable) is listed under the lane's name, never as a helper flow.
 */
import type { RawMethod } from '../raw.ts';
import type { InlineEntry } from '../scope.ts';
import { sequenceOf } from '../sequence.ts';
import { cardCategory } from '../summary.ts';
import type { Execution } from './engine.ts';

/** The name Okta gives a card kind when its title is left empty. */
const DEFAULT_TITLE: Record<string, string> = {
  tryCatch: 'If Error',
  branch: 'If/ElseIf',
  each: 'For Each',
  asyncEach: 'For Each - Ignore Errors',
  map: 'Map',
  filter: 'Filter',
};

const titleOf = (m: RawMethod): string =>
  m.node.data.name.trim() || DEFAULT_TITLE[m.node.key] || 'Card';

/** The start card of an inline flow (its hidden callable), if any. */
function laneStart(entry: InlineEntry): RawMethod | undefined {
  const id = sequenceOf(entry.flo).event;
  return id ? entry.flo.methods.find((x) => x.uuid === id) : undefined;
}

/**
 * A lane's name: "If Error › Try", "If Error › If Error", "If/ElseIf › If" / "› Else If" /
 * "› Else"; an event wrapper's lane takes the wrapped event's title ("User Added to Group").
 */
export function laneLabel(container: RawMethod, entry: InlineEntry): string {
  const title = titleOf(container);
  if (entry.slot.kind === 'error') return `${title} › If Error`;
  const key = container.node.key;
  if (key === 'tryCatch') return `${title} › Try`;
  if (key === 'branch')
    return `${title} › ${entry.group === 'if' ? 'If' : entry.group === 'else' ? 'Else' : 'Else If'}`;
  const event = laneStart(entry)?.node.data.name.trim() ?? '';
  return event !== '' && event !== 'Helper Flow' ? event : `${title} › For each item`;
}

/**
 * An inline run as the history lists it: named after its lane, its start card shown as the
 * lane's start (titled by the lane, in the container's category) instead of "Helper Flow".
 */
export function asLane(
  ex: Execution,
  container: RawMethod,
  entry: InlineEntry,
  label = laneLabel(container, entry),
): Execution {
  const start = laneStart(entry);
  const app = cardCategory(container).label;
  return {
    ...ex,
    flowName: label,
    steps: ex.steps.map((s) =>
      start && s.card === start.uuid && s.path.length > 0 ? { ...s, title: label, app } : s,
    ),
  };
}
