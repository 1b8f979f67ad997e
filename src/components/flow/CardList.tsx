/** A flow's cards in execution order, read-only (the version viewer and non-canvas views). */
import { useMemo } from 'react';
import type { RawFloData } from '../../model/raw.ts';
import { layoutFlow } from '../../export/layout/layout.ts';

/** Lists the visible cards with their app, title and set or mapped inputs. */
export function CardList({ data, label }: { data: RawFloData; label: string }) {
  const nodes = useMemo(() => layoutFlow(data).nodes.filter((n) => n.summary !== null), [data]);
  return (
    <ol className="card-list" aria-label={label}>
      {nodes.map((n) => (
        <li key={n.id} className={`card-item role-${n.summary?.role ?? 'card'}`}>
          <span className="card-app">{n.summary?.app}</span>
          <span className="card-title">{n.summary?.title}</span>
          {n.summary?.note && <span className="card-note">{n.summary.note.markdown}</span>}
          {n.summary && n.summary.inputs.length > 0 && (
            <ul className="card-inputs">
              {n.summary.inputs.slice(0, 6).map((i, k) => (
                <li key={k}>
                  <span className="muted">{i.label}:</span> {i.mapped ? `← ${i.text}` : i.text}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
