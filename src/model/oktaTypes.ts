/**
 * Okta's documented output types for cards whose corpus instances were trimmed by their
 * authors, and one connector version per app. The catalog is derived from real exports, and an
 * author may drop fields from a dynamic output (Get Users Groups in `get_started_with_okta_workflows`
 * keeps only `Profile`); a freshly added card declares Okta's full type, as listed in Okta's
 * connector reference (help.okta.com › Workflows › Okta connector › Get Users Groups).
 */
import type { Json } from './raw.ts';

/** A structured type descriptor field, as Okta writes it. */
const f = (type: Json, collection = false): Json => ({ type, collection, displayname: null });

/** An Okta group record, as Get Users Groups (and Stream Records) returns it. */
export const GROUP_RECORD: { [key: string]: Json } = {
  ID: f('string'),
  Created: f('string'),
  'Last Updated': f('string'),
  'Last Membership Updated': f('string'),
  'Object Class': f('string', true),
  Type: f('string'),
  Profile: f({ Name: f('string'), Description: f('string') }),
};

/**
 * An application user, as List Users Assigned to Application returns it (its `Users` output in
 * `audit_okta_admin_roles_and_last_login_to_admin_con`, Okta connector 1.0.501): the app's own
 * profile (its keys depend on the app) and Okta's System Properties. Get Assigned User for
 * Application returns the same System Properties and profile keys as separate outputs.
 */
export const APP_USER_RECORD: { [key: string]: Json } = {
  'Profile Properties': { type: 'string', collection: false },
  'System Properties': {
    type: {
      'User ID': { type: 'string', collection: false },
      'External ID': { type: 'string', collection: false },
      Created: { type: 'string', collection: false },
      'Last Updated': { type: 'string', collection: false },
      Scope: { type: 'string', collection: false },
      Status: { type: 'string', collection: false },
      'Status Changed': { type: 'string', collection: false },
      'Password Changed': { type: 'string', collection: false },
      'Sync State': { type: 'string', collection: false },
      'Last Sync': { type: 'string', collection: false },
      Credentials: {
        type: {
          Username: { type: 'string', collection: false },
          Password: { type: 'boolean', collection: false },
        },
        collection: false,
      },
    },
    collection: false,
  },
};

/**
 * The list a card returns when its Result Set is "First 500 Records" (or streams record by
 * record with "Stream Records"): the output key and the type of one record. A card added from
 * the catalog has the streaming outputs only, so the list output is not in its template.
 */
export const LISTED_RECORDS: Readonly<Record<string, { key: string; type: Json }>> = {
  'root:channels:http:okta:getUsersGroups': { key: 'Groups', type: GROUP_RECORD },
  'root:channels:http:okta:listUsersAssignedToApplication': { key: 'Users', type: APP_USER_RECORD },
};

/** Full output types by unversioned card address → output key. */
export const DOCUMENTED_OUTPUTS: Readonly<Record<string, Record<string, Json>>> = {
  'root:channels:http:okta:getUsersGroups': { Groups: GROUP_RECORD },
};

/** A field Okta documents on a card: its group, key, label and type (input and output alike). */
export interface DocumentedField {
  group: string;
  key: string;
  displayname: string;
  type: Json;
}

/**
 * Fields Okta documents on a card that the exports in the corpus predate. The Delegated Flow
 * card has, in its Context group, **Caller**: "an object that contains additional information
 * for when a delegated flow is called from another Okta product" (help.okta.com › Workflows ›
 * Build a delegated flow; Okta documents no keys inside it). No real export carries it yet, so
 * its key is inferred (`caller`) and it is written like its neighbour Execution ID (`context`
 * group, no value until a run). Okta User ID — in user context — is the user the flow acts on:
 * the at-risk user when an entity risk policy runs the flow.
 */
export const DOCUMENTED_FIELDS: Readonly<Record<string, readonly DocumentedField[]>> = {
  'root:kernel:http:delegated': [
    { group: 'context', key: 'caller', displayname: 'Caller', type: 'object' },
  ],
};

/** Compares dotted connector versions ("1.0.712" > "1.0.679"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The value Okta writes into a new field of a type: `""` for text, `0` for numbers, `{}` for
 * objects, `[]` for lists; null for other types (Date, boolean) until a value is chosen.
 */
export function defaultData(type: Json, collection: boolean): Json {
  if (collection) return [];
  if (type === 'string') return '';
  if (type === 'number') return 0;
  if (type === 'object' || (type !== null && typeof type === 'object')) return {};
  return null;
}

/**
 * The Okta records a helper flow input can be typed as, so the cards reading it see their
 * fields (ID, Type, Profile…) — as a helper called by For Each over Get Users Groups takes one
 * group record.
 */
export const INPUT_RECORDS: Readonly<Record<string, { label: string; type: Json }>> = {
  'okta-group': { label: 'Okta group', type: GROUP_RECORD },
  'app-user': { label: 'Application user', type: APP_USER_RECORD },
};

const canonical = (v: Json): string =>
  JSON.stringify(v, (_, x: unknown) =>
    x !== null && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );

/** The name of the Okta record (`okta-group`) a structured type is, or null. */
export function recordOf(type: Json): string | null {
  if (type === null || typeof type !== 'object' || Array.isArray(type)) return null;
  const text = canonical(type);
  return Object.entries(INPUT_RECORDS).find(([, r]) => canonical(r.type) === text)?.[0] ?? null;
}
