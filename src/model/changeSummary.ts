/** A short, worded summary of what a save changed, kept with each version. */
import type { RawMethod } from './raw.ts';
import type { Flow } from './workspace.ts';

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

function cardChanges(before: readonly RawMethod[], after: readonly RawMethod[]): string[] {
  const old = new Map(before.map((m) => [m.uuid, m]));
  const now = new Map(after.map((m) => [m.uuid, m]));
  const visible = (m: RawMethod): boolean => !['noop', 'join', 'expand'].includes(m.node.key);
  let added = 0;
  let removed = 0;
  let changed = 0;
  for (const [id, m] of now) {
    const o = old.get(id);
    if (!o) {
      if (visible(m)) added++;
    } else if (o !== m && visible(m) && JSON.stringify(o) !== JSON.stringify(m)) changed++;
  }
  for (const [id, m] of old) if (!now.has(id) && visible(m)) removed++;
  const out: string[] = [];
  if (added) out.push(`${plural(added, 'card')} added`);
  if (removed) out.push(`${plural(removed, 'card')} removed`);
  if (changed) out.push(`${plural(changed, 'card')} changed`);
  return out;
}

/** Describes the change from `before` (null: a new flow) to `after`. */
export function describeChange(before: Flow | null, after: Flow): string {
  if (!before) return 'Created';
  const parts: string[] = [];
  if (before.name !== after.name) parts.push(`Renamed to "${after.name}"`);
  if (before.description !== after.description) parts.push('Description changed');
  if (before.folderId !== after.folderId) parts.push('Moved to another folder');
  if (before.active !== after.active) parts.push(after.active ? 'Turned ON' : 'Turned OFF');
  if (before.data.log !== after.data.log)
    parts.push(after.data.log ? 'Data saving on' : 'Data saving off');
  if (before.data !== after.data) {
    const cards = cardChanges(before.data.methods, after.data.methods);
    if (cards.length) parts.push(...cards);
    else if (
      JSON.stringify({ ...before.data, log: null }) !== JSON.stringify({ ...after.data, log: null })
    )
      parts.push('Flow content changed');
  }
  return parts.length ? parts.join('; ') : 'Saved without changes';
}
