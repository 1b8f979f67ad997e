/**
 * A table input (Create Row, Read Row…) chosen by the table's name: the card stores the id,
 * people see names. Choosing writes one input per column, as Okta's console does.
 */
import type { TableDto } from '../../contract/api.ts';
import { chooseTable } from '../../model/tables.ts';
import type { CardId } from '../../model/ids.ts';
import type { RawFloData, RawTable } from '../../model/raw.ts';
import type { Result } from '../../model/errors.ts';
import type { ScopePath } from '../../model/scope.ts';
import { useTables } from './useTables.ts';

/** A table as the model's `chooseTable` reads it (its columns are what it needs). */
const rawTable = (t: TableDto): RawTable => ({
  id: t.id,
  name: t.name,
  description: '',
  data: { class: 'table', group_id: '', structure: t.columns },
});

/** The content operation choosing `table` for a card's table input. */
export const chooseTableOp =
  (card: CardId, table: TableDto, path: ScopePath) =>
  (d: RawFloData): Result<RawFloData> =>
    chooseTable(d, card, rawTable(table), path);

interface Props {
  /** The table id the card holds ('' for none). */
  value: string;
  onChoose: (table: TableDto) => void;
  id?: string;
  label?: string;
  className?: string;
  /** Why it cannot be changed (a viewer), or null. */
  readOnly?: string | null;
}

/** A select of the workspace's tables by name; an id not in the workspace shows as such. */
export function TableSelect({ value, onChoose, id, label, className, readOnly = null }: Props) {
  const { tables, tableName } = useTables();
  const known = value === '' || tableName(value) !== null;
  return (
    <select
      id={id}
      aria-label={label}
      className={className}
      value={value}
      disabled={readOnly !== null}
      title={readOnly ?? tableName(value) ?? undefined}
      onChange={(e) => {
        const t = tables.find((x) => x.id === e.target.value);
        if (t) onChoose(t);
      }}
    >
      {value === '' && <option value="">Choose a table…</option>}
      {!known && <option value={value}>{value} (not in this workspace)</option>}
      {tables.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </select>
  );
}
