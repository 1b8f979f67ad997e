/**
 * A mock Okta org for simulated runs: users with status, group memberships, sessions and
 * tokens; groups with Okta's types (Everyone is `BUILT_IN` and cannot be left, others
 * `OKTA_GROUP` or `APP_GROUP`); applications with their assigned users; tables for Create Row;
 * and an outbox that records the messages and emails a run would send. Cards see it only
 * through Okta-shaped records (records.ts).
 */

/** A user of the mock org. */
export interface MockUser {
  id: string;
  login: string;
  firstName: string;
  lastName: string;
  email: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'DEPROVISIONED' | 'STAGED' | 'PROVISIONED' | 'LOCKED_OUT';
  statusChanged: string;
  lastLogin: string | null;
  created: string;
  /** Group ids. */
  groups: string[];
  sessions: number;
  tokens: number;
}

/** Okta's group types. */
export type GroupType = 'BUILT_IN' | 'OKTA_GROUP' | 'APP_GROUP';

/** A group of the mock org. */
export interface MockGroup {
  id: string;
  name: string;
  description: string;
  type: GroupType;
  created: string;
  lastUpdated: string;
  lastMembershipUpdated: string;
  /** When set, Okta refuses to remove members (the reason it gives), e.g. a group rule. */
  refuseRemoval?: string;
}

/** A user's assignment to an application (an "app user"), with the app's own profile. */
export interface MockAppUser {
  /** The Okta user's id. */
  userId: string;
  /** The user's id in the app (Active Directory's objectGUID, a Salesforce user id…). */
  externalId: string;
  /** `USER`: assigned directly; `GROUP`: through a group assignment (Okta won't remove it alone). */
  scope: 'USER' | 'GROUP';
  status: 'STAGED' | 'PROVISIONED' | 'ACTIVE' | 'INACTIVE' | 'PENDING' | 'DEPROVISIONED';
  syncState: 'DISABLED' | 'OUT_OF_SYNC' | 'SYNCING' | 'SYNCHRONIZED' | 'ERROR';
  created: string;
  lastUpdated: string;
  statusChanged: string;
  passwordChanged: string | null;
  lastSync: string | null;
  /** The user name the app knows (Credentials › Username). */
  username: string;
  /** The app's profile of the user; its keys depend on the app (Profile Properties). */
  profile: Record<string, string | null>;
}

/** An application of the mock org and the users assigned to it. */
export interface MockApp {
  id: string;
  /** Okta's app name (`active_directory`, `salesforce`…). */
  name: string;
  label: string;
  users: MockAppUser[];
}

/** Something a run sent: a chat message or an email. */
export interface OutboxItem {
  kind: 'slack' | 'email';
  to: string[];
  subject?: string;
  text: string;
}

/** A Workflows table: its rows, each with an id and the column values. */
export type MockTable = { 'Row ID': string; [column: string]: unknown }[];

/** The org: plain data; runs return a new org and never change this one. */
export interface MockOrg {
  users: MockUser[];
  groups: MockGroup[];
  apps: MockApp[];
  /** Tables by name or id (Create Row adds rows). */
  tables: Record<string, MockTable>;
  outbox: OutboxItem[];
}

/** The id of the sample org's reserved at-risk group. */
export const AT_RISK_GROUP_ID = '00g5atriskusers';

const DAY = '2026-11-28T09:00:00.000Z';
const group = (
  id: string,
  name: string,
  type: GroupType,
  description = '',
  extra: Partial<MockGroup> = {},
): MockGroup => ({
  id,
  name,
  description,
  type,
  created: '2024-01-10T08:00:00.000Z',
  lastUpdated: '2024-01-10T08:00:00.000Z',
  lastMembershipUpdated: DAY,
  ...extra,
});

const appUser = (
  userId: string,
  username: string,
  externalId: string,
  profile: Record<string, string | null>,
  scope: MockAppUser['scope'] = 'USER',
): MockAppUser => ({
  userId,
  externalId,
  scope,
  status: 'PROVISIONED',
  syncState: 'SYNCHRONIZED',
  created: '2024-03-01T10:05:00.000Z',
  lastUpdated: DAY,
  statusChanged: '2024-03-01T10:05:00.000Z',
  passwordChanged: null,
  lastSync: DAY,
  username,
  profile,
});

/**
 * A small org to try flows on: Alice belongs to Everyone and three Okta groups, one of which
 * ("Payroll Approvers", kept by a group rule) refuses removal; Bob is also in an app group.
 * Both are assigned to Active Directory (Bob through his group) and Alice also to Salesforce;
 * each app user has the profile keys the app's Okta cards declare.
 */
export function sampleOrg(): MockOrg {
  return {
    users: [
      {
        id: '00u1alice',
        login: 'alice@example.com',
        firstName: 'Alice',
        lastName: 'Example',
        email: 'alice@example.com',
        status: 'ACTIVE',
        statusChanged: DAY,
        lastLogin: '2026-11-29T07:45:00.000Z',
        created: '2024-03-01T10:00:00.000Z',
        groups: ['00g0everyone', '00g1engineering', '00g2vpn', '00g4payroll'],
        sessions: 2,
        tokens: 3,
      },
      {
        id: '00u2bob',
        login: 'bob@example.com',
        firstName: 'Bob',
        lastName: 'Sample',
        email: 'bob@example.com',
        status: 'ACTIVE',
        statusChanged: DAY,
        lastLogin: '2026-11-27T16:10:00.000Z',
        created: '2025-01-15T10:00:00.000Z',
        groups: ['00g0everyone', '00g3finance', '00g6addomain'],
        sessions: 1,
        tokens: 1,
      },
    ],
    groups: [
      group('00g0everyone', 'Everyone', 'BUILT_IN', 'All users in your organization'),
      group('00g1engineering', 'Engineering', 'OKTA_GROUP'),
      group('00g2vpn', 'VPN Users', 'OKTA_GROUP'),
      group('00g3finance', 'Finance', 'OKTA_GROUP'),
      group('00g4payroll', 'Payroll Approvers', 'OKTA_GROUP', '', {
        refuseRemoval: 'the membership is kept by the group rule "Payroll staff"',
      }),
      group(AT_RISK_GROUP_ID, 'At-Risk Users', 'OKTA_GROUP', 'Reserved for quarantined users'),
      group('00g6addomain', 'Domain Users', 'APP_GROUP', 'Imported from Active Directory'),
    ],
    apps: [
      {
        id: '0oa1activedirectory',
        name: 'active_directory',
        label: 'example.local',
        users: [
          appUser('00u1alice', 'alice@example.local', '6f1c2a9e-5b7d-4e1a-9c3f-0a1b2c3d4e01', {
            dn: 'CN=Alice Example,OU=Staff,DC=example,DC=local',
            email: 'alice@example.com',
            externalId: '6f1c2a9e-5b7d-4e1a-9c3f-0a1b2c3d4e01',
            samAccountName: 'alice',
          }),
          appUser(
            '00u2bob',
            'bob@example.local',
            '6f1c2a9e-5b7d-4e1a-9c3f-0a1b2c3d4e02',
            {
              dn: 'CN=Bob Sample,OU=Finance,DC=example,DC=local',
              email: 'bob@example.com',
              externalId: '6f1c2a9e-5b7d-4e1a-9c3f-0a1b2c3d4e02',
              samAccountName: 'bob',
            },
            'GROUP',
          ),
        ],
      },
      {
        id: '0oa2salesforce',
        name: 'salesforce',
        label: 'Salesforce',
        users: [
          appUser('00u1alice', 'alice@example.com.sales', '0055e000001AbCdAAK', {
            role: 'Sales Operations',
            firstName: 'Alice',
            lastName: 'Example',
          }),
        ],
      },
    ],
    tables: {},
    outbox: [],
  };
}

/** A user by id or login. */
export const findUser = (org: MockOrg, idOrLogin: unknown): MockUser | undefined =>
  typeof idOrLogin === 'string'
    ? org.users.find((u) => u.id === idOrLogin || u.login === idOrLogin)
    : undefined;

/** Replaces one user. */
export const withUser = (org: MockOrg, user: MockUser): MockOrg => ({
  ...org,
  users: org.users.map((u) => (u.id === user.id ? user : u)),
});

/** An application by id, name or label. */
export const findApp = (org: MockOrg, ref: unknown): MockApp | undefined =>
  typeof ref === 'string'
    ? (org.apps.find((a) => a.id === ref) ??
      org.apps.find((a) => a.name === ref || a.label === ref))
    : undefined;

/** Replaces one application. */
export const withApp = (org: MockOrg, app: MockApp): MockOrg => ({
  ...org,
  apps: org.apps.map((a) => (a.id === app.id ? app : a)),
});
