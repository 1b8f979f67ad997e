/** The card's outputs: what later cards can map from. */
import { useId, useState } from 'react';
import { outputSections, typeLabel } from '../../model/cardForm.ts';
import type { DraggedOutput } from '../../client/canvas/outputDrag.ts';
import { OUTPUT_DRAG_TYPE } from '../../client/canvas/outputDrag.ts';
import type { CardId } from '../../model/ids.ts';
import type { RawMethod } from '../../model/raw.ts';
import type { ScopePath } from '../../model/scope.ts';
import { AddPickedOutput, RemovePickedOutput } from './PickedOutputs.tsx';

/**
 * The "Outputs" section, grouped like the card groups them. An output can be dragged onto a
 * later card on the canvas to map it into one of that card's inputs. On a card whose outputs
 * the author picks (Get Multiple), keys are added and removed here.
 */
export function OutputsSection({ m, path }: { m: RawMethod; path?: ScopePath }) {
  const headingId = useId();
  const sections = outputSections(m);
  const [problem, setProblem] = useState<string | null>(null);
  const picks = path !== undefined && m.node.model.outputs.extensible;
  return (
    <section className="insp-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Outputs</h3>
      {sections.length === 0 && <p className="muted">This card has no outputs.</p>}
      {sections.map((s) => (
        <div key={s.title ?? ''} className="insp-group">
          {s.title && <h4>{s.title}</h4>}
          <ul className="insp-outputs">
            {s.fields.map((f) => (
              <li
                key={f.id}
                draggable={path !== undefined}
                title={path !== undefined ? 'Drag onto a later card to map this output' : undefined}
                onDragStart={(e) => {
                  if (!path) return;
                  const drag: DraggedOutput = {
                    card: m.uuid as CardId,
                    output: f.id,
                    path,
                    label: f.label,
                  };
                  e.dataTransfer.setData(OUTPUT_DRAG_TYPE, JSON.stringify(drag));
                  e.dataTransfer.effectAllowed = 'link';
                }}
              >
                <span>{f.label}</span>
                <span className="insp-type">{typeLabel(f.type, f.collection)}</span>
                {picks && f.custom && (
                  <RemovePickedOutput
                    card={m.uuid as CardId}
                    output={f.id}
                    label={f.label}
                    path={path}
                    onProblem={setProblem}
                  />
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {problem && (
        <p role="alert" className="insp-problem">
          {problem}
        </p>
      )}
      {picks && <AddPickedOutput card={m.uuid as CardId} path={path} onProblem={setProblem} />}
    </section>
  );
}
