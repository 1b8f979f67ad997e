/** Tells the person that someone else changed or deleted the flow they have open. */
import type { RemoteChange } from '../../client/liveNotices.ts';
import { changeMessage } from '../../client/liveNotices.ts';

interface Props {
  change: RemoteChange | null;
  onReload: () => void;
  onCompare: (revision: number) => void;
  onClose: () => void;
}

/** A status banner (always in the page, so screen readers announce what appears in it). */
export function ChangeBanner({ change, onReload, onCompare, onClose }: Props) {
  return (
    <div
      role="status"
      aria-label="Changes by others"
      className={change ? 'change-banner' : 'change-banner empty'}
    >
      {change && (
        <>
          <span>{changeMessage(change)}</span>
          {change.kind === 'changed' && change.revision !== null ? (
            <>
              <button type="button" onClick={onReload}>
                Reload
              </button>
              <button type="button" onClick={() => onCompare(change.revision ?? 0)}>
                Compare
              </button>
            </>
          ) : (
            <button type="button" onClick={onClose}>
              Close flow
            </button>
          )}
        </>
      )}
    </div>
  );
}
