/**
 * Removing a user from each of their groups must skip Everyone, as Okta's own flows do: go on
 * only when the group record's `Type` is `OKTA_GROUP` (Everyone is `BUILT_IN`), or when its
 * `Profile.Name` is not "Everyone". A guard that compares the wrong way round, or compares
 * something other than the group record, is an error.
 */
import type { CardId } from '../ids.ts';
import type { RawMethod } from '../raw.ts';
import type { ScopePath } from '../scope.ts';
import type { Flow } from '../workspace.ts';
import type { Rule } from './rules.ts';
import type { Source } from './trace.ts';
import { allCards, readFieldName, sourceOf } from './trace.ts';
import type { Finding } from './types.ts';

const GUARDS = new Set(['continueIf', 'if', 'branch']);
const MARKERS = new Set(['Everyone', 'BUILT_IN', 'OKTA_GROUP', 'APP_GROUP']);
const ITEM_READERS = new Set(['pick', 'get', 'expand']);

/** Whether a reader card reads out of an object declared as an Okta group record. */
function readsGroupRecord(flow: Flow, reader: Source): boolean {
  const input = Object.values(reader.m.node.model.inputs.data).find((f) => f.key === 'object');
  const src = input ? sourceOf(flow.data, reader.path, reader.m.uuid, input.id) : null;
  const type = src?.output.value.type;
  return (
    type !== null &&
    typeof type === 'object' &&
    !Array.isArray(type) &&
    'Type' in type &&
    'Profile' in type
  );
}

type Verdict = 'right' | 'wrong' | 'notTheRecord';

/** How one comparison treats Everyone; null when it does not mention a group marker. */
function judge(flow: Flow, m: RawMethod, path: ScopePath, group: string | null): Verdict | null {
  const fields = Object.values(m.node.model.inputs.data).filter((f) => f.group === group);
  const field = (key: string) => fields.find((f) => f.key === key);
  const op = field('operator')?.value.data;
  const sides = ['left-operand', 'right-operand'].map((k) => field(k));
  const literal = sides.find((f) => typeof f?.value.data === 'string' && MARKERS.has(f.value.data));
  if (!literal) return null;
  const other = sides.find((f) => f !== literal);
  const src: Source | null = other ? sourceOf(flow.data, path, m.uuid, other.id) : null;
  const read = src ? readFieldName(src) : null;
  const value = literal.value.data as string;
  if (read !== 'Type' && read !== 'Profile.Name') return 'notTheRecord';
  if (m.node.key !== 'continueIf') return 'right';
  const keeps =
    read === 'Type'
      ? (op === '==' && value === 'OKTA_GROUP') || (op === '!=' && value === 'BUILT_IN')
      : op === '!=' && value === 'Everyone';
  return keeps ? 'right' : 'wrong';
}

const at = (m: RawMethod, path: ScopePath) => ({ card: m.uuid as CardId, path });

/** The Everyone rule. */
export const everyoneGuard: Rule = {
  id: 'everyone-guard',
  title: 'Removing every group membership skips Everyone',
  check: (flow) => {
    const cards = allCards(flow.data);
    const removals = cards.filter(({ m, path }) => {
      if (m.node.key !== 'removeUserFromGroup') return false;
      const group = Object.values(m.node.model.inputs.data).find((f) => f.group === 'Group');
      const src = group ? sourceOf(flow.data, path, m.uuid, group.id) : null;
      // Only the "remove from all groups" pattern needs the guard: the flow lists the user's
      // groups, or the Group ID is read out of a group record (a list item).
      return (
        cards.some((c) => c.m.node.key === 'getUsersGroups') ||
        (src !== null && ITEM_READERS.has(src.m.node.key) && readsGroupRecord(flow, src))
      );
    });
    if (removals.length === 0) return [];
    const out: Finding[] = [];
    let guarded = false;
    for (const { m, path } of cards) {
      if (!GUARDS.has(m.node.key)) continue;
      const groups = new Set(Object.values(m.node.model.inputs.data).map((f) => f.group));
      for (const g of groups) {
        const verdict = judge(flow, m, path, g);
        if (verdict === 'right') guarded = true;
        else if (verdict === 'wrong')
          out.push({
            rule: 'everyone-guard',
            severity: 'error',
            message: `“${m.node.data.name}” goes on only for the groups it should skip — compare the group record's Type == "OKTA_GROUP" (Everyone is BUILT_IN) or Profile.Name != "Everyone".`,
            ...at(m, path),
          });
        else if (verdict === 'notTheRecord')
          out.push({
            rule: 'everyone-guard',
            severity: 'error',
            message: `“${m.node.data.name}” compares something other than the group record's Type or Profile.Name with a group marker, so it never skips Everyone — map the record's Type (or Profile.Name) into it.`,
            ...at(m, path),
          });
      }
    }
    if (guarded || out.length > 0) return out;
    return removals.map(({ m, path }) => ({
      rule: 'everyone-guard',
      severity: 'warning' as const,
      message: `“${m.node.data.name}” removes the user from each of their groups without skipping Everyone — no user can leave Everyone; add Continue If (the group record's Type == "OKTA_GROUP") before it.`,
      ...at(m, path),
    }));
  },
};
