/**
 * Mock-org scenarios and expectations, read from JSON files (`flopack simulate --org`,
 * `--expect`). Every input is checked against limits while it is read; a problem is a coded,
 * clear error and nothing is run.
 */
import { z } from 'zod';
import type { Result } from '../errors.ts';
import { fail, ok } from '../errors.ts';
import type { MockApp, MockGroup, MockOrg, MockUser, OutboxItem } from './org.ts';
import type { Execution } from './engine.ts';

/** Largest scenario or expectation file read, in characters. */
export const MAX_SCENARIO_CHARS = 5_000_000;
const MAX_ITEMS = 10_000;
const text = z.string().max(1000);
const when = '2026-01-01T00:00:00.000Z';

const Group = z
  .object({
    id: text.min(1),
    name: text.min(1),
    type: z.enum(['BUILT_IN', 'OKTA_GROUP', 'APP_GROUP']),
    description: text.optional(),
    refuseRemoval: text.optional(),
  })
  .strict();

const User = z
  .object({
    id: text.min(1),
    login: text.min(1),
    firstName: text.optional(),
    lastName: text.optional(),
    email: text.optional(),
    status: z
      .enum(['ACTIVE', 'SUSPENDED', 'DEPROVISIONED', 'STAGED', 'PROVISIONED', 'LOCKED_OUT'])
      .optional(),
    lastLogin: text.nullable().optional(),
    /** Group ids or names. */
    groups: z.array(text).max(1000).optional(),
    sessions: z.number().int().min(0).max(1_000_000).optional(),
    tokens: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();

const MAX_PROFILE_KEYS = 200;

const AppUser = z
  .object({
    /** The Okta user's id or login. */
    user: text.min(1),
    scope: z.enum(['USER', 'GROUP']).optional(),
    status: z
      .enum(['STAGED', 'PROVISIONED', 'ACTIVE', 'INACTIVE', 'PENDING', 'DEPROVISIONED'])
      .optional(),
    externalId: text.optional(),
    username: text.optional(),
    profile: z
      .record(text, text.nullable())
      .refine((p) => Object.keys(p).length <= MAX_PROFILE_KEYS, {
        message: `at most ${MAX_PROFILE_KEYS} profile keys`,
      })
      .optional(),
  })
  .strict();

const App = z
  .object({
    id: text.min(1),
    name: text.optional(),
    label: text.min(1),
    users: z.array(AppUser).max(MAX_ITEMS).optional(),
  })
  .strict();

const Scenario = z
  .object({
    users: z.array(User).max(MAX_ITEMS),
    groups: z.array(Group).max(MAX_ITEMS),
    apps: z.array(App).max(1000).optional(),
  })
  .strict();

const UserExpectation = z
  .object({
    status: text.optional(),
    groups: z.array(text).max(1000).optional(),
    /** Labels (or ids) of the applications the user is assigned to. */
    apps: z.array(text).max(1000).optional(),
    sessions: z.number().optional(),
    tokens: z.number().optional(),
  })
  .strict();

const Expectation = z
  .object({
    status: z.enum(['completed', 'incomplete', 'stopped', 'failed']).optional(),
    users: z.record(text, UserExpectation).optional(),
    outbox: z
      .array(
        z
          .object({
            kind: z.enum(['slack', 'email']),
            to: z.array(text).optional(),
            subject: text.optional(),
            textContains: text.optional(),
          })
          .strict(),
      )
      .max(MAX_ITEMS)
      .optional(),
  })
  .strict();

/** What a run should end with: its status, users' state (by id or login), what was sent. */
export type Expectation = z.infer<typeof Expectation>;

function parseJson(raw: string, what: string, code: string): Result<unknown> {
  if (raw.length > MAX_SCENARIO_CHARS)
    return fail(code, `The ${what} is larger than ${MAX_SCENARIO_CHARS} characters — trim it.`);
  try {
    return ok(JSON.parse(raw) as unknown);
  } catch (e) {
    return fail(code, `The ${what} is not JSON (${(e as Error).message}) — fix the file.`);
  }
}

const issue = (e: z.ZodError): string =>
  e.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`)
    .join('; ');

/** Reads a scenario: groups with Okta types, users with memberships (by group id or name). */
export function readScenario(raw: string): Result<MockOrg> {
  const json = parseJson(raw, 'org scenario', 'SIM_E001');
  if (!json.ok) return json;
  const parsed = Scenario.safeParse(json.value);
  if (!parsed.success)
    return fail('SIM_E002', `The org scenario is not valid: ${issue(parsed.error)}.`);
  const groups: MockGroup[] = parsed.data.groups.map((g) => ({
    id: g.id,
    name: g.name,
    type: g.type,
    description: g.description ?? '',
    created: when,
    lastUpdated: when,
    lastMembershipUpdated: when,
    ...(g.refuseRemoval ? { refuseRemoval: g.refuseRemoval } : {}),
  }));
  const ids = new Set<string>();
  for (const g of groups) {
    if (ids.has(g.id))
      return fail('SIM_E003', `Two groups have the id "${g.id}" — make them unique.`);
    ids.add(g.id);
  }
  const users: MockUser[] = [];
  for (const u of parsed.data.users) {
    const memberOf: string[] = [];
    for (const ref of u.groups ?? []) {
      const g = groups.find((x) => x.id === ref) ?? groups.find((x) => x.name === ref);
      if (!g)
        return fail(
          'SIM_E004',
          `User "${u.login}" is in group "${ref}", which the scenario does not list — add it to "groups".`,
        );
      if (!memberOf.includes(g.id)) memberOf.push(g.id);
    }
    const [first = '', ...rest] = u.login.split('@')[0]?.split('.') ?? [];
    users.push({
      id: u.id,
      login: u.login,
      firstName: u.firstName ?? first,
      lastName: u.lastName ?? rest.join(' '),
      email: u.email ?? u.login,
      status: u.status ?? 'ACTIVE',
      statusChanged: when,
      lastLogin: u.lastLogin ?? null,
      created: when,
      groups: memberOf,
      sessions: u.sessions ?? 0,
      tokens: u.tokens ?? 0,
    });
  }
  const apps = readApps(parsed.data.apps ?? [], users);
  if (!apps.ok) return apps;
  return ok({ users, groups, apps: apps.value, tables: {}, outbox: [] });
}

/** A scenario's applications, each app user pointing at a user of the scenario. */
function readApps(
  raw: readonly z.infer<typeof App>[],
  users: readonly MockUser[],
): Result<MockApp[]> {
  const apps: MockApp[] = [];
  for (const a of raw) {
    if (apps.some((x) => x.id === a.id))
      return fail('SIM_E003', `Two applications have the id "${a.id}" — make them unique.`);
    const assigned: MockApp['users'] = [];
    for (const au of a.users ?? []) {
      const u = users.find((x) => x.id === au.user) ?? users.find((x) => x.login === au.user);
      if (!u)
        return fail(
          'SIM_E007',
          `Application "${a.label}" lists user "${au.user}", which the scenario does not list — add them to "users".`,
        );
      if (assigned.some((x) => x.userId === u.id))
        return fail(
          'SIM_E007',
          `Application "${a.label}" lists "${u.login}" twice — keep one assignment.`,
        );
      assigned.push({
        userId: u.id,
        externalId: au.externalId ?? '',
        scope: au.scope ?? 'USER',
        status: au.status ?? 'PROVISIONED',
        syncState: 'DISABLED',
        created: when,
        lastUpdated: when,
        statusChanged: when,
        passwordChanged: null,
        lastSync: null,
        username: au.username ?? u.login,
        profile: { ...(au.profile ?? {}) },
      });
    }
    apps.push({ id: a.id, name: a.name ?? a.label, label: a.label, users: assigned });
  }
  return ok(apps);
}

/** Labels of the applications a user is assigned to. */
export const appsOf = (org: MockOrg, userId: string): string[] =>
  org.apps.filter((a) => a.users.some((x) => x.userId === userId)).map((a) => a.label);

/** Reads an expectation file. */
export function readExpectation(raw: string): Result<Expectation> {
  const json = parseJson(raw, 'expectation', 'SIM_E005');
  if (!json.ok) return json;
  const parsed = Expectation.safeParse(json.value);
  return parsed.success
    ? ok(parsed.data)
    : fail('SIM_E006', `The expectation is not valid: ${issue(parsed.error)}.`);
}

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/** What differs between a run's end and an expectation; empty when it holds. */
export function differences(e: Expectation, execution: Execution, org: MockOrg): string[] {
  const out: string[] = [];
  if (e.status !== undefined && e.status !== execution.status)
    out.push(`status: expected ${e.status}, got ${execution.status}`);
  for (const [ref, want] of Object.entries(e.users ?? {})) {
    const u = org.users.find((x) => x.id === ref || x.login === ref);
    if (!u) {
      out.push(`${ref}: no such user in the org`);
      continue;
    }
    const groups = u.groups.map((g) => org.groups.find((x) => x.id === g)?.name ?? g);
    if (want.status !== undefined && want.status !== u.status)
      out.push(`${u.login} status: expected ${want.status}, got ${u.status}`);
    if (want.groups !== undefined && !same(want.groups, groups))
      out.push(`${u.login} groups: expected ${want.groups.join(', ')}; got ${groups.join(', ')}`);
    if (want.apps !== undefined) {
      const got = appsOf(org, u.id);
      const label = (ref: string) => org.apps.find((a) => a.id === ref)?.label ?? ref;
      if (!same(want.apps.map(label), got))
        out.push(`${u.login} apps: expected ${want.apps.join(', ')}; got ${got.join(', ')}`);
    }
    if (want.sessions !== undefined && want.sessions !== u.sessions)
      out.push(`${u.login} sessions: expected ${want.sessions}, got ${u.sessions}`);
    if (want.tokens !== undefined && want.tokens !== u.tokens)
      out.push(`${u.login} tokens: expected ${want.tokens}, got ${u.tokens}`);
  }
  if (e.outbox !== undefined) {
    if (e.outbox.length !== org.outbox.length)
      out.push(`outbox: expected ${e.outbox.length} item(s), got ${org.outbox.length}`);
    e.outbox.forEach((want, i) => {
      const got: OutboxItem | undefined = org.outbox[i];
      if (!got) return;
      if (want.kind !== got.kind)
        out.push(`outbox ${i + 1}: expected ${want.kind}, got ${got.kind}`);
      if (want.to !== undefined && !same(want.to, got.to))
        out.push(`outbox ${i + 1} to: expected ${want.to.join(', ')}; got ${got.to.join(', ')}`);
      if (want.subject !== undefined && want.subject !== got.subject)
        out.push(`outbox ${i + 1} subject: expected "${want.subject}", got "${got.subject ?? ''}"`);
      if (want.textContains !== undefined && !got.text.includes(want.textContains))
        out.push(
          `outbox ${i + 1} text: expected it to contain "${want.textContains}", got "${got.text}"`,
        );
    });
  }
  return out;
}
