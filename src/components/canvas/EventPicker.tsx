/** Choosing the flow's event: Delegated Flow first (what entity risk policies run). */
import type { Catalog } from '../../model/catalog.ts';
import { Dialog } from '../ui/Dialog.tsx';

interface Props {
  open: boolean;
  catalog: Catalog | null;
  onClose: () => void;
  onPick: (id: string, scheduled: boolean) => void;
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
export function EventPicker({ open, catalog, onClose, onPick }: Props) {
  const appEvents =
    catalog?.cards.filter((c) => c.isEvent && c.id.startsWith('root:channels:')) ?? [];
  return (
    <Dialog title="Add event" open={open} onClose={onClose}>
      {!catalog && <p className="muted">Loading cards…</p>}
      <ul className="event-list">
        {MAIN.map((e, i) => (
          <li key={e.title}>
            <button
              type="button"
              data-autofocus={i === 0 ? '' : undefined}
              disabled={!catalog}
              onClick={() => onPick(e.id, e.scheduled)}
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
              <button type="button" onClick={() => onPick(c.id, false)}>
                {c.appLabel} – {c.title}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </Dialog>
  );
}
