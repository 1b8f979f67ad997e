import { describe, expect, it } from 'vitest';
import { catalog } from '../../../tests/builders.ts';
import type { Json, RawField } from '../raw.ts';
import { IMPLS, STREAMS } from './impl.ts';
import { sampleOrg } from './org.ts';
import { APP_USER_RECORD, LISTED_RECORDS } from '../oktaTypes.ts';
import { appUserRecord, groupRecord, shape, userRecord } from './records.ts';

/** Inputs (by key and group/key) a card needs to run against the sample org. */
const INPUTS: Record<string, Record<string, unknown>> = {
  'okta:readUser': { 'ID or Login': '00u1alice' },
  'okta:clearUserSessions': { ID: '00u1alice', 'Revoke oauthTokens?': true },
  'okta:getUsersGroups': { 'User/ID': '00u1alice' },
  'okta:addNewUserToGroup': { 'User/id': '00u1alice', 'Group/id': '00g3finance' },
  'okta:removeUserFromGroup': { 'User/id': '00u1alice', 'Group/id': '00g1engineering' },
  'okta:deactivateUser': { 'User/id': '00u1alice' },
  'okta:suspendUser': { 'User/id': '00u1alice' },
  'okta:getAssignedUserForApplication': {
    'User/id': '00u1alice',
    'parameters/application': '0oa1activedirectory',
  },
  'okta:listUsersAssignedToApplication': {
    'parameters/resultSet': 'First 500 Records',
    'parameters/application': '0oa1activedirectory',
  },
  'okta:removeUserFromApplication': {
    'User/id': '00u1alice',
    'parameters/application': '-- Enter Application ID --',
    'Application/applicationID': '0oa2salesforce',
  },
  'okta:readApplication': { 'parameters/application': '0oa2salesforce' },
  'slack:sendMessageToChannel2': { channel: 'C0SECURITY', Text: 'hi' },
  'gmail:sendEmail2': { To: ['soc@example.com'], Subject: 's', Body: 'b' },
  'office365mail:sendEmail2': { To: ['soc@example.com'], Subject: 's', Body: 'b' },
  'stash:createRow': { 'parameters/stash': 'Quarantined', 'Fields/User': '00u1alice' },
  'control:continueIf': { 'left-operand': 'a', operator: '==', 'right-operand': 'a' },
};

const cardFor = (key: string) =>
  catalog.cards.find((c) => {
    const parts = c.id.split(':');
    return `${parts[parts.length - 2]}:${parts[parts.length - 1]}` === key;
  });

const outputsOf = (key: string): RawField[] => {
  const t = cardFor(key)?.template as {
    node: { model: { outputs: { data: Record<string, RawField> } } };
  };
  return Object.values(t.node.model.outputs.data);
};

/**
 * The outputs a card declares for the given inputs: with Result Set "First 500 Records" a list
 * card returns its records in one list output (the catalog template is the streaming variant).
 */
const declaredFor = (key: string, inputs: Record<string, unknown>): RawField[] => {
  const listed = LISTED_RECORDS[cardFor(key)?.id ?? ''];
  if (!listed || inputs['parameters/resultSet'] !== 'First 500 Records') return outputsOf(key);
  const value = { error: false, type: listed.type, collection: true, data: [], available: [] };
  return [{ id: 'listed', group: 'Result', key: listed.key, value, ref: true, metadata: {} }];
};

/** Keys a declared type descriptor lists, recursively ("Profile.Name"). */
function declaredKeys(type: Json, prefix = ''): string[] {
  if (type === null || typeof type !== 'object' || Array.isArray(type)) return [];
  return Object.entries(type).flatMap(([k, sub]) => {
    const d = sub as { type?: Json };
    return [`${prefix}${k}`, ...declaredKeys(d.type ?? null, `${prefix}${k}.`)];
  });
}

/** Keys a value holds, recursively, reading into lists' items. */
function valueKeys(v: unknown, type: Json, prefix = ''): string[] {
  if (Array.isArray(v)) return v.length ? valueKeys(v[0], type, prefix) : [];
  if (v === null || typeof v !== 'object') return [];
  if (type === null || typeof type !== 'object') return [];
  return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => {
    const sub = (type as Record<string, { type?: Json }>)[k]?.type ?? null;
    return [`${prefix}${k}`, ...valueKeys(x, sub, `${prefix}${k}.`)];
  });
}

/** Connector cards: their outputs are fixed by Okta (kernel cards' outputs are author-defined). */
const CONNECTOR_IMPLS = Object.keys(IMPLS).filter(
  (k) => !cardFor(k)?.id.startsWith('root:kernel:'),
);

describe('mock org records are Okta’s, key for key', () => {
  it.each(CONNECTOR_IMPLS.map((k) => [k]))(
    '%s returns exactly the outputs its catalog card declares',
    (key) => {
      const impl = IMPLS[key];
      const inputs = new Map(Object.entries(INPUTS[key] ?? {}));
      const out = impl!(inputs, sampleOrg(), { now: new Date('2026-11-29T12:00:00Z') });
      expect(out.kind).toBe('done');
      if (out.kind !== 'done') return;
      const declared = declaredFor(key, INPUTS[key] ?? {});
      expect(Object.keys(out.outputs).sort()).toEqual(declared.map((f) => f.key).sort());
      for (const f of declared) {
        if (typeof f.value.type !== 'object') continue;
        const got = out.outputs[f.key];
        expect(valueKeys(got, f.value.type).sort()).toEqual(declaredKeys(f.value.type).sort());
      }
    },
  );

  it.each(Object.keys(STREAMS).filter((k) => LISTED_RECORDS[cardFor(k)?.id ?? '']))(
    '%s streams records with exactly the keys of the record type Okta declares',
    (key) => {
      const type = LISTED_RECORDS[cardFor(key)!.id]!.type;
      const inputs = new Map(Object.entries(INPUTS[key] ?? {}));
      const records = STREAMS[key]!(inputs, sampleOrg());
      expect(records.length).toBeGreaterThan(0);
      for (const r of records) expect(valueKeys(r, type).sort()).toEqual(declaredKeys(type).sort());
    },
  );

  it('app users carry the profile keys their app’s Okta cards declare, and no others', () => {
    const org = sampleOrg();
    const ad = org.apps.find((a) => a.name === 'active_directory')!;
    const declared = outputsOf('okta:getAssignedUserForApplication')
      .filter((f) => f.group === 'Profile Properties')
      .map((f) => f.key)
      .sort();
    for (const a of ad.users) expect(Object.keys(a.profile).sort()).toEqual(declared);
    const sso = outputsOf('okta:assignUserToApplicationForSSO')
      .filter((f) => f.group === 'Profile Properties')
      .map((f) => f.key)
      .sort();
    const sf = org.apps.find((a) => a.name === 'salesforce')!;
    for (const a of sf.users) expect(Object.keys(a.profile).sort()).toEqual(sso);
    expect(Object.keys(appUserRecord(ad.users[0]!)).sort()).toEqual(
      Object.keys(APP_USER_RECORD).sort(),
    );
  });

  it('every card the simulator supports is a card of the catalog', () => {
    for (const key of [...Object.keys(IMPLS), ...Object.keys(STREAMS)])
      expect(cardFor(key), key).toBeDefined();
  });

  it('group records carry Okta’s types: Everyone is BUILT_IN, others OKTA_GROUP or APP_GROUP', () => {
    const types = Object.fromEntries(
      sampleOrg().groups.map((g) => [g.name, groupRecord(g)['Type']]),
    );
    expect(types).toMatchObject({
      Everyone: 'BUILT_IN',
      Engineering: 'OKTA_GROUP',
      'Domain Users': 'APP_GROUP',
    });
  });

  it('a user record holds exactly the outputs Read User declares', () => {
    const u = sampleOrg().users[0]!;
    expect(Object.keys(userRecord(u)).sort()).toEqual(
      outputsOf('okta:readUser')
        .map((f) => f.key)
        .sort(),
    );
  });

  it('shaping keeps exactly the declared keys: missing ones are null, others are dropped', () => {
    const type = {
      ID: { type: 'string', collection: false },
      Profile: { type: { Name: { type: 'string', collection: false } }, collection: false },
    };
    expect(
      shape([{ ID: '1', id: 'x', Profile: { Name: 'n', name: 'm' } }, {}], type, true),
    ).toEqual([
      { ID: '1', Profile: { Name: 'n' } },
      { ID: null, Profile: null },
    ]);
  });
});
