/**
 * A mock Okta org for simulated runs: users with status, group memberships, sessions and
 * tokens; groups (Everyone is built in and cannot be left); and an outbox that records the
 * messages and emails a run would send.
 */

/** A user of the mock org. */
export interface MockUser {
  id: string;
  login: string;
  firstName: string;
  lastName: string;
  email: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'DEPROVISIONED' | 'STAGED' | 'LOCKED_OUT';
  statusChanged: string;
  lastLogin: string;
  created: string;
  groups: string[];
  sessions: number;
  tokens: number;
}

/** A group of the mock org. */
export interface MockGroup {
  id: string;
  name: string;
  description: string;
  type: 'BUILT_IN' | 'OKTA_GROUP';
}

/** Something a run sent: a chat message or an email. */
export interface OutboxItem {
  kind: 'slack' | 'email';
  to: string[];
  subject?: string;
  text: string;
}

/** The org: plain data; runs return a new org and never change this one. */
export interface MockOrg {
  users: MockUser[];
  groups: MockGroup[];
  outbox: OutboxItem[];
}

/** The id of the reserved at-risk group the quarantine template adds users to. */
export const AT_RISK_GROUP_ID = '00gATRISKGROUPID';

/** A small org to try flows on. */
export function sampleOrg(): MockOrg {
  const day = '2026-11-28T09:00:00.000Z';
  return {
    users: [
      {
        id: '00u1alice',
        login: 'alice@example.com',
        firstName: 'Alice',
        lastName: 'Example',
        email: 'alice@example.com',
        status: 'ACTIVE',
        statusChanged: day,
        lastLogin: '2026-11-29T07:45:00.000Z',
        created: '2024-03-01T10:00:00.000Z',
        groups: ['00g0everyone', '00g1engineering', '00g2vpn'],
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
        statusChanged: day,
        lastLogin: '2026-11-27T16:10:00.000Z',
        created: '2025-01-15T10:00:00.000Z',
        groups: ['00g0everyone', '00g3finance'],
        sessions: 1,
        tokens: 1,
      },
    ],
    groups: [
      {
        id: '00g0everyone',
        name: 'Everyone',
        description: 'All users in the org',
        type: 'BUILT_IN',
      },
      { id: '00g1engineering', name: 'Engineering', description: '', type: 'OKTA_GROUP' },
      { id: '00g2vpn', name: 'VPN Users', description: '', type: 'OKTA_GROUP' },
      { id: '00g3finance', name: 'Finance', description: '', type: 'OKTA_GROUP' },
      {
        id: AT_RISK_GROUP_ID,
        name: 'At-Risk Users',
        description: 'Reserved for quarantined users',
        type: 'OKTA_GROUP',
      },
    ],
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

/** A group as Okta's API returns it (what Get User's Groups lists). */
export const groupObject = (g: MockGroup): Record<string, unknown> => ({
  id: g.id,
  type: g.type,
  profile: { name: g.name, description: g.description },
});
