/** "Check": the lint findings of the open flow; choosing one selects its card. */
import { useUi } from '../../client/uiStore.ts';
import { useEditorStore } from '../flow/editorContext.ts';
import { useLint } from './useLint.ts';

const ICON = { error: '✖', warning: '▲', info: 'ℹ' } as const;

/** The problems panel. */
export function ProblemsPanel() {
  const findings = useLint();
  const store = useEditorStore();
  return (
    <aside className="versions problems" aria-label="Check">
      <h2>Check</h2>
      {findings.length === 0 ? (
        <p>No problems found.</p>
      ) : (
        <ul className="version-list">
          {findings.map((f, i) => (
            <li key={i}>
              <button
                type="button"
                className={`version-item problem-${f.severity}`}
                disabled={!f.card}
                onClick={() => {
                  if (!f.card) return;
                  // Show the card in the Inspector, where the problem is fixed.
                  useUi.getState().showPanel('inspector');
                  store.getState().select({ card: f.card, path: f.path ?? [] });
                  document
                    .querySelector<HTMLElement>(
                      `.react-flow__node[data-id="${CSS.escape(f.card)}"]`,
                    )
                    ?.focus();
                }}
              >
                <span>
                  <span aria-hidden="true">{ICON[f.severity]} </span>
                  <span className="visually-hidden">{f.severity}: </span>
                  {f.message}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

/** The number of errors and warnings, for the Check button. */
export function useProblemCount(): { errors: number; warnings: number } {
  const findings = useLint();
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}
