/**
 * Tables on cards: choosing the table of a Create Row / Update Row card writes one input per
 * column in the card's "Fields" group, as Okta's console does (`meta` method
 * `getColumnFields`).
 */
import { updateCard } from './cards.ts';
import type { ScopePath } from './scope.ts';
import type { CardId, IdSource } from './ids.ts';
import { freshId, randomIds } from './ids.ts';
import type { Json, RawField, RawFloData, RawMethod, RawTable } from './raw.ts';
import { fail, ok, type Result } from './errors.ts';

/** Okta's column type codes (`data.tables[].data.structure[].type`) and the input type each takes. */
const COLUMN_TYPES: Readonly<Record<string, string>> = {
  str: 'string',
  dec: 'number',
  dte: 'Date',
  bln: 'boolean',
};

const FIELDS = 'Fields';

/** A column of a table as Okta stores it. */
export interface TableColumn {
  name: string;
  type: string;
}

/** The columns of a table, in order; entries that are not `{name, type}` are skipped. */
export function tableColumns(table: RawTable): TableColumn[] {
  const out: TableColumn[] = [];
  for (const c of table.data.structure) {
    if (c === null || typeof c !== 'object' || Array.isArray(c)) continue;
    const { name, type } = c as { name?: Json; type?: Json };
    if (typeof name === 'string' && typeof type === 'string') out.push({ name, type });
  }
  return out;
}

/** True when the card writes one input per column of its table (Create Row, Update Row). */
export function takesColumnFields(m: RawMethod): boolean {
  const meta = m.node.model.meta;
  if (!meta || typeof meta !== 'object') return false;
  return Object.values(meta as Record<string, unknown>).some((entry) => {
    const address = (entry as { address?: { defaultValue?: { method?: unknown } } } | null)
      ?.address;
    return address?.defaultValue?.method === 'getColumnFields';
  });
}

function tableInput(m: RawMethod): RawField | undefined {
  return Object.values(m.node.model.inputs.data).find(
    (f) => f.key === 'stash' && f.group === 'parameters',
  );
}

function columnField(id: string, column: TableColumn, index: number, kept?: RawField): RawField {
  const type = COLUMN_TYPES[column.type] ?? 'string';
  return {
    id,
    group: FIELDS,
    key: column.name,
    value: kept?.value ?? {
      error: false,
      proxy: false,
      check: false,
      type,
      collection: false,
      data: '',
      available: [type],
    },
    required: false,
    ref: false,
    metadata: { ...(kept?.metadata ?? {}), index, optional: false },
    flags: 'd',
  };
}

/**
 * Points a table card at `table`. On cards that take column fields, the "Fields" group is
 * rewritten to one input per column: a column that already had an input keeps its id and
 * value (so its mapping survives), inputs for columns the table no longer has are removed.
 */
export function chooseTable(
  data: RawFloData,
  card: CardId,
  table: RawTable,
  path: ScopePath = [],
  ids: IdSource = randomIds,
): Result<RawFloData> {
  return updateCard(data, path, card, (m) => {
    const stash = tableInput(m);
    if (!stash) return fail('TABLE_E001', `"${m.node.data.name}" does not use a table.`);
    const inputs = m.node.model.inputs.data;
    const next: Record<string, RawField> = {};
    const previous = new Map<string, RawField>();
    let lastIndex = -1;
    for (const [id, f] of Object.entries(inputs)) {
      if (f.group === FIELDS) {
        previous.set(f.key, f);
        continue;
      }
      next[id] = f.id === stash.id ? { ...f, value: { ...f.value, data: table.id } } : f;
      lastIndex = Math.max(lastIndex, f.metadata.index ?? -1);
    }
    if (takesColumnFields(m)) {
      const taken = new Set(Object.keys(inputs));
      tableColumns(table).forEach((column, i) => {
        const kept = previous.get(column.name);
        const id = kept?.id ?? freshId(taken, () => ids.short());
        taken.add(id);
        next[id] = columnField(id, column, lastIndex + 1 + i, kept);
      });
    }
    const model = { ...m.node.model, inputs: { ...m.node.model.inputs, data: next } };
    return ok({ ...m, node: { ...m.node, model } });
  });
}
