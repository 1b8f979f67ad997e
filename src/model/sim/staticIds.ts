/**
 * Group and user IDs typed on cards that the mock org does not have. Okta would answer 404
 * halfway through the run; the Test run says so before it starts, naming the card and the
 * input, with the org's groups (or users) the input could take instead.
 */
import { unversioned } from '../address.ts';
import { viewField } from '../cards.ts';
import type { CardId, FieldId } from '../ids.ts';
import { mappingsOf } from '../mapping.ts';
import type { RawField, RawScope } from '../raw.ts';
import type { ScopePath } from '../scope.ts';
import { inlineFlows } from '../scope.ts';
import type { GroupType, MockOrg } from './org.ts';
import { findUser } from './org.ts';

/** Code of the warning. */
export const UNKNOWN_ID = 'SIM_W001';

/** An ID typed on a card that the mock org lacks, and what the input could take instead. */
export interface UnknownId {
  code: typeof UNKNOWN_ID;
  flowId: string;
  flowName: string;
  path: ScopePath;
  card: CardId;
  cardTitle: string;
  input: FieldId;
  inputLabel: string;
  value: string;
  kind: 'group' | 'user';
  /** The org's groups or users the input could take, as "use <name> (<ID>)". */
  choices: { id: string; name: string }[];
  message: string;
}

interface IdInput {
  /** `group/key` or `key`, as the simulator reads the input. */
  names: readonly string[];
  kind: 'group' | 'user';
  /** Group types Okta accepts here; every type when absent. */
  types?: readonly GroupType[];
}

const USER = (...names: string[]): IdInput => ({ names, kind: 'user' });

/** Okta cards whose inputs take a group or user ID, by `okta:key`. */
const ID_INPUTS: Readonly<Record<string, readonly IdInput[]>> = {
  'okta:addNewUserToGroup': [
    { names: ['Group/id'], kind: 'group', types: ['OKTA_GROUP'] },
    USER('User/id'),
  ],
  'okta:removeUserFromGroup': [
    { names: ['Group/id'], kind: 'group', types: ['OKTA_GROUP'] },
    USER('User/id'),
  ],
  'okta:listGroupMembers': [{ names: ['Group/groupId', 'groupId'], kind: 'group' }],
  'okta:readUser': [USER('User/ID or Login', 'ID or Login')],
  'okta:clearUserSessions': [USER('ID')],
  'okta:deactivateUser': [USER('User/id', 'id')],
  'okta:suspendUser': [USER('User/id', 'id')],
  'okta:getUsersGroups': [USER('User/ID', 'ID')],
};

/** Deepest inline nesting walked (inline flows are trees; this bounds hostile files). */
const MAX_NESTING = 32;

const okKey = (address: string): string => {
  const parts = unversioned(address).split(':');
  return `${parts[parts.length - 2] ?? ''}:${parts[parts.length - 1] ?? ''}`;
};

const idInputOf = (spec: readonly IdInput[], f: RawField): IdInput | undefined =>
  spec.find((s) => s.names.includes(f.group ? `${f.group}/${f.key}` : f.key));

/** The static group and user IDs on a flow's cards (inline flows too) that `org` lacks. */
export function unknownIds(
  flow: { id: string; name: string; data: RawScope },
  org: MockOrg,
): UnknownId[] {
  const out: UnknownId[] = [];
  const walk = (scope: RawScope, path: ScopePath): void => {
    if (path.length > MAX_NESTING) return;
    const mapped = new Set(mappingsOf(scope).map((x) => `${x.to.card} ${x.to.input}`));
    for (const m of scope.methods) {
      for (const entry of inlineFlows(m))
        walk(entry.flo, [...path, { card: m.uuid as CardId, slot: entry.slot }]);
      if (!m.address.startsWith('root:channels:')) continue;
      const spec = ID_INPUTS[okKey(m.address)];
      if (!spec) continue;
      for (const f of Object.values(m.node.model.inputs.data)) {
        const want = idInputOf(spec, f);
        const value = typeof f.value.data === 'string' ? f.value.data.trim() : '';
        if (!want || value === '' || mapped.has(`${m.uuid} ${f.id}`)) continue;
        const known =
          want.kind === 'group' ? org.groups.some((g) => g.id === value) : !!findUser(org, value);
        if (known) continue;
        const choices =
          want.kind === 'group'
            ? org.groups
                .filter((g) => !want.types || want.types.includes(g.type))
                .map((g) => ({ id: g.id, name: g.name }))
            : org.users.map((u) => ({ id: u.id, name: `${u.firstName} ${u.lastName}`.trim() }));
        const cardTitle = m.node.data.name;
        const inputLabel = viewField(f).label;
        out.push({
          code: UNKNOWN_ID,
          flowId: flow.id,
          flowName: flow.name,
          path,
          card: m.uuid as CardId,
          cardTitle,
          input: f.id as FieldId,
          inputLabel,
          value,
          kind: want.kind,
          choices,
          message: `“${cardTitle}” · ${inputLabel} is "${value}", which the mock org does not have: Okta would answer 404 there — use one of the org's ${want.kind === 'group' ? 'groups' : 'users'}, or add it to the mock org.`,
        });
      }
    }
  };
  walk(flow.data, []);
  return out;
}
