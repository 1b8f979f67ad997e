/** Choosing the flow's event: Delegated Flow first (what entity risk policies run). */
import { useState } from 'react';
import type { Catalog } from '../../model/catalog.ts';
import { Dialog } from '../ui/Dialog.tsx';

/** What a change of event does to the mappings from the current one. */
export interface EventChange {
  from: string;
  kept: string[];
  dropped: string[];
}

interface Props {
  open: boolean;
  catalog: Catalog | null;
  onClose: () => void;
  onPick: (id: string, scheduled: boolean) => void;
  /** The flow's current event's name, when it has one: the dialog then changes it. */
  current: string | null;
  /** What choosing an event would keep and drop; null when nothing is lost or kept. */
  planOf: (id: string, scheduled: boolean) => EventChange | null;
}

interface Pending {
  id: string;
  title: string;
  scheduled: boolean;
  change: EventChange;
}

const names = (list: string[]): string => list.map((x) => `“${x}”`).join(', ');

/** Asks before replacing the event: which mappings follow the new event and which are lost. */
function ConfirmChange({
  pending,
  onConfirm,
  onBack,
}: {
  pending: Pending;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const { change } = pending;
  return (
    <div className="event-change" role="group" aria-label="Confirm the new event">
      <p>
        Replace “{change.from}” with “{pending.title}”?
      </p>
      {change.kept.length > 0 && <p>Mappings kept from {names(change.kept)}.</p>}
      {change.dropped.length > 0 ? (
        <p role="alert">
          Mappings dropped from {names(change.dropped)}: the new event has no such output.
        </p>
      ) : (
        <p>No mapping is lost.</p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button type="button" className="primary" data-autofocus="" onClick={onConfirm}>
          Change event
        </button>
      </div>
    </div>
  );
}

const MAIN = [
  {
    id: 'root:kernel:http:delegated',
    title: 'Delegated Flow',
    note: 'Run by an entity risk policy or an admin from the Admin Console.',
    scheduled: false,
  },
  {
    id: 'root:kernel:control:callable',
    title: 'Helper Flow',
    note: 'Called by other flows (Call Flow, For Each, …).',
    scheduled: false,
  },
  {
    id: 'root:kernel:http:accept',
    title: 'API Endpoint',
    note: 'Invoked over HTTP.',
    scheduled: false,
  },
  {
    id: 'root:kernel:control:callable',
    title: 'Scheduled Flow',
    note: 'Runs on a schedule.',
    scheduled: true,
  },
];

/** The event picker dialog. */
export function EventPicker({ open, catalog, onClose, onPick, current, planOf }: Props) {
  const [pending, setPending] = useState<Pending | null>(null);
  const appEvents =
    catalog?.cards.filter((c) => c.isEvent && c.id.startsWith('root:channels:')) ?? [];
  const close = () => {
    setPending(null);
    onClose();
  };
  // Changing an existing event asks first, saying which mappings follow it.
  const pick = (id: string, title: string, scheduled: boolean) => {
    const change = current === null ? null : planOf(id, scheduled);
    if (change) setPending({ id, title, scheduled, change });
    else onPick(id, scheduled);
  };
  const title = current === null ? 'Add event' : 'Change event';
  if (pending)
    return (
      <Dialog title={title} open={open} onClose={close}>
        <ConfirmChange
          pending={pending}
          onBack={() => setPending(null)}
          onConfirm={() => {
            setPending(null);
            onPick(pending.id, pending.scheduled);
          }}
        />
      </Dialog>
    );
  return (
    <Dialog title={title} open={open} onClose={close}>
      {current !== null && <p className="muted">The flow starts with “{current}” now.</p>}
      {!catalog && <p className="muted">Loading cards…</p>}
      <ul className="event-list">
        {MAIN.map((e, i) => (
          <li key={e.title}>
            <button
              type="button"
              data-autofocus={i === 0 ? '' : undefined}
              disabled={!catalog}
              onClick={() => pick(e.id, e.title, e.scheduled)}
            >
              <strong>{e.title}</strong>
              <span className="muted">{e.note}</span>
            </button>
          </li>
        ))}
      </ul>
      <details>
        <summary>App events ({appEvents.length})</summary>
        <p className="muted">
          The flow runs for each event (e.g. Okta “User Suspended”); its cards go inside Okta’s “For
          Each - Ignore Errors” wrapper, as Okta exports them.
        </p>
        <ul className="event-list">
          {appEvents.map((c) => (
            <li key={c.id}>
              <button type="button" onClick={() => pick(c.id, `${c.appLabel} – ${c.title}`, false)}>
                {c.appLabel} – {c.title}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </Dialog>
  );
}
