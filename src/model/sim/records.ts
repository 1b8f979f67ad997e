/**
 * Okta's records as the cards return them. A record is built with Okta's field names (`ID`,
 * `Type`, `Profile.Name`, `Status`…), then shaped by the output type the card (or the helper
 * flow's input) declares: exactly the declared keys, nothing invented, a declared key Okta
 * would leave empty is null. Shaping is cycle-safe and depth-limited.
 */
import type { Json } from '../raw.ts';
import type { MockAppUser, MockGroup, MockOrg, MockUser } from './org.ts';

/** An Okta group record (Get Users Groups, streamed group records). */
export function groupRecord(g: MockGroup): Record<string, unknown> {
  return {
    ID: g.id,
    Created: g.created,
    'Last Updated': g.lastUpdated,
    'Last Membership Updated': g.lastMembershipUpdated,
    'Object Class': ['okta:user_group'],
    Type: g.type,
    Profile: { Name: g.name, Description: g.description },
  };
}

/** An Okta user record: Read User's System Properties and Profile Properties, by key. */
export function userRecord(u: MockUser): Record<string, unknown> {
  return {
    ID: u.id,
    Status: u.status,
    Created: u.created,
    Activated: u.created,
    'Status Changed': u.statusChanged,
    'Last Login': u.lastLogin,
    'Last Updated': u.statusChanged,
    'Password Changed': u.created,
    Credentials: {
      Emails: [{ value: u.email, status: 'VERIFIED', type: 'PRIMARY' }],
      Password: true,
      'Recovery Question': null,
      Provider: { Name: 'OKTA', Type: 'OKTA' },
    },
    login: u.login,
    firstName: u.firstName,
    lastName: u.lastName,
    email: u.email,
  };
}

/** An app user's System Properties, by Okta's keys (Get Assigned User for Application). */
export function appUserSystem(a: MockAppUser): Record<string, unknown> {
  return {
    'User ID': a.userId,
    'External ID': a.externalId,
    Created: a.created,
    'Last Updated': a.lastUpdated,
    Scope: a.scope,
    Status: a.status,
    'Status Changed': a.statusChanged,
    'Password Changed': a.passwordChanged,
    'Sync State': a.syncState,
    'Last Sync': a.lastSync,
    // Okta says whether the app holds a password for the user, never the password.
    Credentials: { Username: a.username, Password: false },
  };
}

/** An app user as List Users Assigned to Application lists (or streams) it. */
export function appUserRecord(a: MockAppUser): Record<string, unknown> {
  return { 'Profile Properties': { ...a.profile }, 'System Properties': appUserSystem(a) };
}

/** Group ids by name or id, for scenarios that name groups. */
export const groupIdOf = (org: MockOrg, ref: string): string | undefined =>
  org.groups.find((g) => g.id === ref)?.id ?? org.groups.find((g) => g.name === ref)?.id;

const isDescriptor = (t: Json): t is { [key: string]: Json } =>
  t !== null && typeof t === 'object' && !Array.isArray(t);

const MAX_SHAPE_DEPTH = 16;

/**
 * A value shaped by a declared type: a structured descriptor keeps exactly its keys (each shaped
 * by its own type), a list shapes each item, a scalar type keeps the value as it is.
 */
export function shape(value: unknown, type: Json, collection: boolean, depth = 0): unknown {
  if (value === undefined) return undefined;
  if (depth > MAX_SHAPE_DEPTH) return null;
  if (collection)
    return Array.isArray(value) ? value.map((v) => shape(v, type, false, depth + 1)) : value;
  if (!isDescriptor(type)) return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(type)) {
    const d = isDescriptor(sub) ? sub : {};
    const inner = Object.prototype.hasOwnProperty.call(src, key) ? src[key] : null;
    out[key] =
      inner === null
        ? null
        : shape(inner, d['type'] ?? 'object', d['collection'] === true, depth + 1);
  }
  return out;
}
