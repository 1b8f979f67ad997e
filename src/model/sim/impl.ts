/**
 * What each supported card does in a simulated run, against the mock org. A card gets its
 * resolved inputs (by key) and returns its outputs (by key), a stop, or throws SimError.
 */
import { COMPOSE_TEXT } from '../compose.ts';
import type { MockApp, MockOrg, MockTable } from './org.ts';
import { findApp, findUser, withApp, withUser } from './org.ts';
import { appUserRecord, appUserSystem, groupRecord, userRecord } from './records.ts';
import { asText, compare, getPath, SimError } from './values.ts';

/** The inputs of a card, by key (and by "group/key" where keys repeat). */
export type Inputs = ReadonlyMap<string, unknown>;

/** What a card did. */
export type Outcome =
  | { kind: 'done'; outputs: Record<string, unknown>; org?: MockOrg; message?: string }
  | { kind: 'stop'; message: string };

/** A card's behaviour. */
export type Impl = (inputs: Inputs, org: MockOrg, ctx: { now: Date }) => Outcome;

const done = (outputs: Record<string, unknown>, org?: MockOrg, message?: string): Outcome => ({
  kind: 'done',
  outputs,
  ...(org ? { org } : {}),
  ...(message ? { message } : {}),
});

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(asText) : asText(v) === '' ? [] : asText(v).split(/[,;]\s*/);

function userOr404(org: MockOrg, id: unknown) {
  const user = findUser(org, id);
  if (!user) throw new SimError(`Okta answered 404: no user "${asText(id)}" in the mock org.`, 404);
  return user;
}

/** Implementations by `app:key` (kernel module or connector app). */
export const IMPLS: Readonly<Record<string, Impl>> = {
  'okta:readUser': (i, org) => done(userRecord(userOr404(org, i.get('ID or Login')))),
  'okta:clearUserSessions': (i, org) => {
    const u = userOr404(org, i.get('ID'));
    const revoke = i.get('Revoke oauthTokens?') === true || i.get('Revoke oauthTokens?') === 'true';
    const next = { ...u, sessions: 0, tokens: revoke ? 0 : u.tokens };
    return done(
      { 'Status Code': 204 },
      withUser(org, next),
      `Cleared ${u.sessions} session(s)${revoke ? ` and revoked ${u.tokens} token(s)` : ''}.`,
    );
  },
  'okta:getUsersGroups': (i, org) => done({ Groups: STREAMS['okta:getUsersGroups']?.(i, org) }),
  'okta:addNewUserToGroup': (i, org) => {
    const u = userOr404(org, i.get('User/id'));
    const group = groupOr404(org, i.get('Group/id'));
    if (group.type !== 'OKTA_GROUP')
      throw new SimError(
        `Okta answered 400: "${group.name}" is ${group.type}; users can be added only to OKTA_GROUP groups.`,
      );
    const next = u.groups.includes(group.id) ? u : { ...u, groups: [...u.groups, group.id] };
    return done({ status: 204 }, withUser(org, next));
  },
  'okta:removeUserFromGroup': (i, org) => {
    const u = userOr404(org, i.get('User/id'));
    const group = groupOr404(org, i.get('Group/id'));
    if (group.type === 'BUILT_IN')
      throw new SimError(`Okta answered 403: a user cannot be removed from "${group.name}".`, 403);
    if (group.type !== 'OKTA_GROUP')
      throw new SimError(
        `Okta answered 400: "${group.name}" is ${group.type}; users can be removed only from OKTA_GROUP groups.`,
      );
    if (group.refuseRemoval)
      throw new SimError(
        `Okta answered 403: "${u.login}" cannot be removed from "${group.name}": ${group.refuseRemoval}.`,
        403,
      );
    return done(
      { status: 204 },
      withUser(org, { ...u, groups: u.groups.filter((g) => g !== group.id) }),
    );
  },
  'okta:deactivateUser': (i, org, { now }) => {
    const u = userOr404(org, i.get('User/id') ?? i.get('id'));
    const at = now.toISOString();
    // Okta deprovisions the user from every assigned app; the assignments stay.
    const apps = org.apps.map((a) =>
      a.users.some((x) => x.userId === u.id)
        ? {
            ...a,
            users: a.users.map((x) =>
              x.userId === u.id ? { ...x, status: 'DEPROVISIONED' as const, statusChanged: at } : x,
            ),
          }
        : a,
    );
    return done(
      { statusCode: 200 },
      withUser(
        { ...org, apps },
        { ...u, status: 'DEPROVISIONED', statusChanged: at, sessions: 0, tokens: 0 },
      ),
    );
  },
  'okta:suspendUser': (i, org, { now }) => {
    const u = userOr404(org, i.get('User/id') ?? i.get('id'));
    if (u.status !== 'ACTIVE')
      throw new SimError(`Okta answered 400: "${u.login}" is ${u.status}, not ACTIVE.`);
    return done(
      { statusCode: 200 },
      withUser(org, { ...u, status: 'SUSPENDED', statusChanged: now.toISOString() }),
    );
  },
  'okta:getAssignedUserForApplication': (i, org) => {
    const app = appOr404(org, i);
    const a = appUserOr404(org, app, i.get('User/id') ?? i.get('id'));
    // The app's profile keys are outputs of their own (Profile Properties), beside the System ones.
    return done({ ...appUserSystem(a), ...a.profile });
  },
  'okta:listUsersAssignedToApplication': (i, org) => {
    const records = STREAMS['okta:listUsersAssignedToApplication']?.(i, org) ?? [];
    return done({ Users: records.slice(0, 500) });
  },
  'okta:removeUserFromApplication': (i, org) => {
    const app = appOr404(org, i);
    const a = appUserOr404(org, app, i.get('User/id') ?? i.get('id'));
    if (a.scope === 'GROUP')
      throw new SimError(
        `Okta answered 403: "${findUser(org, a.userId)?.login ?? a.userId}" is assigned to "${app.label}" through a group — remove the group's assignment or the user from the group.`,
        403,
      );
    return done(
      { status: 204 },
      withApp(org, { ...app, users: app.users.filter((x) => x.userId !== a.userId) }),
      `Removed the user from "${app.label}".`,
    );
  },
  'okta:readApplication': (i, org) => {
    const app = appOr404(org, i);
    return done({ ID: app.id, Label: app.label, Name: app.name });
  },
  'slack:sendMessageToChannel2': (i, org, { now }) => {
    const channel = asText(i.get('channel'));
    if (channel === '')
      throw new SimError(
        'Slack answered channel_not_found: no channel is chosen in the card options.',
      );
    const text = asText(i.get('Text'));
    return done(
      { Timestamp: String(now.getTime() / 1000) },
      { ...org, outbox: [...org.outbox, { kind: 'slack', to: [channel], text }] },
    );
  },
  'gmail:sendEmail2': (i, org) =>
    email(list(i.get('To')), asText(i.get('Subject')), asText(i.get('Body')), org),
  'office365mail:sendEmail2': (i, org) =>
    email(list(i.get('To')), asText(i.get('Subject')), asText(i.get('Body')), org),
  'string:compose': (i) => {
    const text = asText(i.get(COMPOSE_TEXT)).replace(/\{\{\{([^{}]+)\}\}\}/g, (_, key: string) =>
      asText(i.get(key)),
    );
    return done({ output: text });
  },
  'string:concat': (i) =>
    done({
      output: [...i.entries()]
        .filter(([k]) => !k.includes('/'))
        .map(([, v]) => asText(v))
        .join(''),
    }),
  'string:toLowerCase': (i) => done({ output: asText(i.get('text')).toLowerCase() }),
  'object:pick': (i) => pick(i.get('object'), i),
  'object:get': (i) => done({ output: getPath(i.get('object'), asText(i.get('path'))) }),
  'control:continueIf': (i) =>
    compare(i.get('left-operand'), i.get('operator'), i.get('right-operand'))
      ? done({ message: '' })
      : {
          kind: 'stop',
          message:
            asText(i.get('otherwise/message') ?? i.get('message')) ||
            'The condition is false: the flow stops here.',
        },
  'control:assignIf': (i) =>
    done({
      output: compare(i.get('left-operand'), i.get('operator'), i.get('right-operand'))
        ? i.get('valueIfTrue')
        : i.get('valueIfFalse'),
    }),
  'control:let': (i) => done(Object.fromEntries(i)),
  'date:now': (_i, _org, { now }) =>
    done({
      date: now.toISOString(),
      iso: now.toISOString(),
      full: now.toUTCString(),
      year: now.getUTCFullYear(),
      month: String(now.getUTCMonth() + 1),
      day: now.getUTCDate(),
      hour: now.getUTCHours(),
      minute: now.getUTCMinutes(),
      second: now.getUTCSeconds(),
      millisecond: now.getUTCMilliseconds(),
      time: now.toISOString().slice(11, 19),
    }),
  'stash:createRow': (i, org) => {
    const table = asText(i.get('parameters/stash') ?? i.get('stash'));
    if (table === '') throw new SimError('Create Row has no table chosen.');
    const rows = org.tables[table] ?? [];
    const id = `row-${rows.length + 1}`;
    const row: MockTable[number] = { 'Row ID': id };
    for (const [k, v] of i.entries()) if (k.startsWith('Fields/')) row[k.slice(7)] = v;
    return done(
      { 'Row ID': id },
      { ...org, tables: { ...org.tables, [table]: [...rows, row] } },
      `Added row ${id} to the table.`,
    );
  },
  'list:length': (i) =>
    done({ length: Array.isArray(i.get('list')) ? (i.get('list') as unknown[]).length : 0 }),
};

/**
 * Records a list card returns (or streams, with Result Set "Stream Records"), by `app:key`,
 * built with Okta's field names.
 */
export const STREAMS: Readonly<Record<string, (inputs: Inputs, org: MockOrg) => unknown[]>> = {
  'okta:getUsersGroups': (i, org) => {
    const u = userOr404(org, i.get('User/ID') ?? i.get('ID'));
    return org.groups.filter((g) => u.groups.includes(g.id)).map(groupRecord);
  },
  'okta:listUsersAssignedToApplication': (i, org) => appOr404(org, i).users.map(appUserRecord),
  'okta:listGroupMembers': (i, org) => {
    const g = groupOr404(org, i.get('Group/groupId') ?? i.get('groupId'));
    return org.users.filter((u) => u.groups.includes(g.id)).map(userRecord);
  },
};

function groupOr404(org: MockOrg, id: unknown) {
  const gid = asText(id);
  const group = org.groups.find((g) => g.id === gid);
  if (!group) throw new SimError(`Okta answered 404: no group "${gid}" in the mock org.`, 404);
  return group;
}

/**
 * The application a card names: its Application option (an app id), or — when the option says
 * "-- Enter Application ID --" — its Application › ID input.
 */
function appOr404(org: MockOrg, i: Inputs): MockApp {
  const option = asText(i.get('parameters/application') ?? i.get('application'));
  const ref =
    option === '' || option.startsWith('--') ? asText(i.get('Application/applicationID')) : option;
  const app = findApp(org, ref);
  if (!app) throw new SimError(`Okta answered 404: no application "${ref}" in the mock org.`, 404);
  return app;
}

function appUserOr404(org: MockOrg, app: MockApp, user: unknown) {
  const id = findUser(org, user)?.id ?? asText(user);
  const a = app.users.find((x) => x.userId === id);
  if (!a)
    throw new SimError(
      `Okta answered 404: user "${asText(user)}" is not assigned to "${app.label}".`,
      404,
    );
  return a;
}

function email(to: string[], subject: string, body: string, org: MockOrg): Outcome {
  if (to.length === 0) throw new SimError('Send Email has no recipient in "To".');
  return done(
    { 'Message ID': `<sim-${org.outbox.length + 1}@mock>` },
    { ...org, outbox: [...org.outbox, { kind: 'email', to, subject, text: body }] },
  );
}

/** Object – Get Multiple: every output key (passed as `__outputs__`) is a path into the object. */
function pick(obj: unknown, inputs: Inputs): Outcome {
  const keys = inputs.get('__outputs__');
  const outputs: Record<string, unknown> = {};
  if (Array.isArray(keys)) for (const k of keys) outputs[asText(k)] = getPath(obj, asText(k));
  return done(outputs);
}
