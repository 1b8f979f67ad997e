/**
 * The mock org as the Test run shows it: users (ID, login, name, status) and groups (ID, name,
 * type, members), read through Okta's records, and what a run changed, in words.
 */
import type { MockOrg } from './org.ts';
import { groupRecord, userRecord } from './records.ts';

/** A user as listed: Okta's `ID`, `login`, first and last name, `Status`. */
export interface UserRow {
  id: string;
  login: string;
  name: string;
  status: string;
  /** What the run changed, in words ("status ACTIVE → DEPROVISIONED", "left Engineering"). */
  changes: string[];
}

/** A group as listed: Okta's `ID`, `Profile.Name`, `Type`, and its member count. */
export interface GroupRow {
  id: string;
  name: string;
  type: string;
  members: number;
  changes: string[];
}

/** The org's users and groups; with `before`, each row says what changed since. */
export function orgView(org: MockOrg, before?: MockOrg): { users: UserRow[]; groups: GroupRow[] } {
  const groupName = (o: MockOrg, id: string): string =>
    o.groups.find((g) => g.id === id)?.name ?? id;
  const users = org.users.map((u): UserRow => {
    const r = userRecord(u);
    const row: UserRow = {
      id: String(r['ID']),
      login: String(r['login']),
      name: `${String(r['firstName'])} ${String(r['lastName'])}`.trim(),
      status: String(r['Status']),
      changes: [],
    };
    if (!before) return row;
    const was = before.users.find((x) => x.id === u.id);
    if (!was) return { ...row, changes: ['added by the run'] };
    const changes: string[] = [];
    if (was.status !== u.status) changes.push(`status ${was.status} → ${u.status}`);
    const left = was.groups.filter((g) => !u.groups.includes(g));
    const joined = u.groups.filter((g) => !was.groups.includes(g));
    if (left.length) changes.push(`left ${left.map((g) => groupName(before, g)).join(', ')}`);
    if (joined.length) changes.push(`joined ${joined.map((g) => groupName(org, g)).join(', ')}`);
    if (was.sessions !== u.sessions) changes.push(`sessions ${was.sessions} → ${u.sessions}`);
    if (was.tokens !== u.tokens) changes.push(`tokens ${was.tokens} → ${u.tokens}`);
    return { ...row, changes };
  });
  const count = (o: MockOrg, id: string): number =>
    o.users.filter((u) => u.groups.includes(id)).length;
  const groups = org.groups.map((g): GroupRow => {
    const r = groupRecord(g);
    const profile = r['Profile'] as { Name: string };
    const members = count(org, g.id);
    const row: GroupRow = {
      id: String(r['ID']),
      name: profile.Name,
      type: String(r['Type']),
      members,
      changes: [],
    };
    if (!before) return row;
    if (!before.groups.some((x) => x.id === g.id)) return { ...row, changes: ['added by the run'] };
    const was = count(before, g.id);
    return was === members ? row : { ...row, changes: [`members ${was} → ${members}`] };
  });
  return { users, groups };
}
