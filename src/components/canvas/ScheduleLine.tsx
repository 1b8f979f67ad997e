/** The schedule in words on a Scheduled Flow's event card (one small line under its title). */
import { useContext, useSyncExternalStore } from 'react';
import { scheduleSummary } from '../../model/schedule.ts';
import { EditorContext } from '../flow/editorContext.ts';
import './scheduleLine.css';

const never = () => () => {};

/** Shows the open flow's schedule; nothing for a flow that is not scheduled. */
export function ScheduleLine() {
  const store = useContext(EditorContext);
  // A string snapshot: the card re-renders only when the words change.
  const text = useSyncExternalStore(store?.subscribe ?? never, () =>
    store ? scheduleSummary(store.getState().flow.data) : null,
  );
  if (!text) return null;
  return (
    <span className="cv-schedule" title={text}>
      {text}
    </span>
  );
}
