/** IDs typed on cards that the mock org lacks, said before the run, with the IDs to use. */
import type { UnknownId } from '../../model/sim/staticIds.ts';

/**
 * The warnings; `onUse` is given for the open flow's cards (a helper's are changed in the
 * helper itself).
 */
export function IdWarnings({
  warnings,
  draftId,
  onUse,
}: {
  warnings: UnknownId[];
  draftId: string;
  onUse: (w: UnknownId, id: string) => void;
}) {
  if (warnings.length === 0) return null;
  return (
    <section aria-label="IDs the mock org does not have">
      {warnings.map((w) => (
        <div key={`${w.flowId} ${w.card} ${w.input}`} className="sim-warning">
          <p>
            <strong>{w.code}</strong>: {w.message}
            {w.flowId !== draftId && ` Open “${w.flowName}” to change it.`}
          </p>
          {w.flowId === draftId && (
            <ul aria-label={`IDs ${w.cardTitle} · ${w.inputLabel} could take`}>
              {w.choices.map((c) => (
                <li key={c.id}>
                  <button type="button" onClick={() => onUse(w, c.id)}>
                    use {c.name} ({c.id})
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
