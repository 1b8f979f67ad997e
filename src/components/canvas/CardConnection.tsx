/**
 * Beside an app card's app name: the connection it uses, or a marked "No connection". Shown
 * in the header line so the card keeps the height the layout gives it.
 */
import { useQuery } from '@tanstack/react-query';
import { queries } from '../../client/api.ts';
import type { CardSummary } from '../../model/summary.ts';

/** Nothing on function and Tables cards (they take no connection). */
export function CardConnection({ s }: { s: CardSummary }) {
  const list = useQuery(queries.connections()).data;
  if (s.connection === undefined) return null;
  if (s.connection === null)
    return <span className="cv-conn cv-conn-missing"> · No connection</span>;
  const name = list?.find((x) => x.id === s.connection)?.name ?? 'unknown connection';
  return (
    <span className="cv-conn" title={`Connection: ${name}`}>
      {' '}
      · {name}
    </span>
  );
}
