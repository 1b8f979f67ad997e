/**
 * The three sample remediation flows of Okta's entity-risk procedure, as templates built
 * from real card definitions: Slack notification; clear sessions and email admins;
 * quarantine (with its helper flow) and deactivate.
 */
import type { Catalog } from './catalog.ts';
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import { helperSignature } from './helperCalls.ts';
import type { FlowId, IdSource } from './ids.ts';
import { randomIds } from './ids.ts';
import { FlowBuilder } from './templateBuilder.ts';
import type { Flow, Workspace } from './workspace.ts';
import { unwrap } from './errors.ts';

/** A template as the studio lists it. */
export interface TemplateInfo {
  id: string;
  title: string;
  description: string;
  /** The names of the flows it creates, main flow first. */
  flows: string[];
}

/** The templates, in the order of the risk levels they suit. */
export const TEMPLATES: readonly TemplateInfo[] = [
  {
    id: 'slack-notify',
    title: 'Slack notification',
    description: "Posts the at-risk user's name, login, status and the time to a Slack channel.",
    flows: ['Risk Policy - Low (Notify)'],
  },
  {
    id: 'clear-sessions',
    title: 'Clear sessions and email admins',
    description:
      "Clears the user's sessions and revokes their OAuth/OIDC tokens, then emails the admins.",
    flows: ['Risk Policy - Medium (Clear sessions)'],
  },
  {
    id: 'quarantine',
    title: 'Quarantine and deactivate',
    description:
      'Removes the user from every group but Everyone (through a helper flow), adds them to the at-risk group and deactivates them.',
    flows: ['Risk Policy - High (Quarantine)', 'Remove user from group'],
  },
];

const DELEGATED = 'root:kernel:http:delegated';
const READ_USER = 'root:channels:http:okta:readUser';
const COMPOSE = 'root:kernel:string:compose';

const flow = (id: FlowId, name: string, description: string, b: FlowBuilder): Flow => ({
  id,
  name,
  description,
  folderId: null,
  active: false,
  data: b.data,
  rest: null,
});

function slackNotify(catalog: Catalog, ids: IdSource): Flow[] {
  const id = ids.uuid() as FlowId;
  const b = new FlowBuilder(catalog, ids, id);
  const event = b.event(DELEGATED);
  const read = b.add(READ_USER);
  b.map(event, 'okta-user-id', read, 'ID or Login');
  const compose = b.add(COMPOSE);
  b.compose(compose, 'Entity risk rose for {} {} ({}). Okta status: {}, last changed {}.', [
    [read, 'firstName'],
    [read, 'lastName'],
    [read, 'login'],
    [read, 'Status'],
    [read, 'Status Changed'],
  ]);
  const slack = b.add('root:channels:http:slack:sendMessageToChannel2');
  b.map(compose, 'output', slack, 'Text');
  return [
    flow(
      id,
      'Risk Policy - Low (Notify)',
      'Run by an entity risk policy rule: tells the security channel in Slack.',
      b,
    ),
  ];
}

function clearSessions(catalog: Catalog, ids: IdSource): Flow[] {
  const id = ids.uuid() as FlowId;
  const b = new FlowBuilder(catalog, ids, id);
  const event = b.event(DELEGATED);
  const clear = b.add('root:channels:http:okta:clearUserSessions');
  b.map(event, 'okta-user-id', clear, 'ID');
  b.set(clear, 'Revoke oauthTokens?', true);
  const read = b.add(READ_USER);
  b.map(event, 'okta-user-id', read, 'ID or Login');
  const compose = b.add(COMPOSE);
  b.compose(
    compose,
    'Okta cleared the sessions and revoked the tokens of {} {} ({}) after their entity risk rose.',
    [
      [read, 'firstName'],
      [read, 'lastName'],
      [read, 'login'],
    ],
  );
  b.note('Admins to email', 'Replace the address in Send Email → To with your security admins.');
  const mail = b.add('root:channels:http:gmail:sendEmail2');
  b.set(mail, 'To', ['security-admins@example.com']);
  b.set(mail, 'Subject', 'Sessions cleared for an at-risk user');
  b.map(compose, 'output', mail, 'Body');
  return [
    flow(
      id,
      'Risk Policy - Medium (Clear sessions)',
      "Run by an entity risk policy rule: clears the user's sessions and tokens, then emails the admins.",
      b,
    ),
  ];
}

function quarantine(catalog: Catalog, ids: IdSource): Flow[] {
  // The helper: remove one group membership, except Everyone (which no user can leave).
  const helperId = ids.uuid() as FlowId;
  const h = new FlowBuilder(catalog, ids, helperId);
  h.event('root:kernel:control:callable');
  const group = h.input('group', 'object');
  const userId = h.input('userId', 'string');
  const event = h.data.methods[0]?.uuid;
  if (!event) throw new Error('helper has no event');
  const pick = h.add('root:kernel:object:pick');
  h.map(event as never, group, pick, 'object');
  h.pick(pick, 'id');
  h.pick(pick, 'profile.name');
  const guard = h.add('root:kernel:control:continueIf', 'Continue If not Everyone');
  h.map(pick, 'profile.name', guard, 'left-operand');
  h.set(guard, 'operator', '!=');
  h.set(guard, 'right-operand', 'Everyone');
  const remove = h.add('root:channels:http:okta:removeUserFromGroup');
  h.map(pick, 'id', remove, 'id', 'Group');
  h.map(event as never, userId, remove, 'id', 'User');
  const helper = flow(
    helperId,
    'Remove user from group',
    'Helper of "Risk Policy - High (Quarantine)": removes the user from one group, never from Everyone.',
    h,
  );

  const id = ids.uuid() as FlowId;
  const b = new FlowBuilder(catalog, ids, id);
  const start = b.event(DELEGATED);
  const groups = b.add('root:channels:http:okta:getUsersGroups');
  b.map(start, 'okta-user-id', groups, 'ID');
  const each = b.add('root:kernel:list:each');
  b.map(groups, 'Groups', each, 'list');
  b.calls(each, unwrap(helperSignature(helperId, helper.data)));
  b.map(start, 'okta-user-id', each, 'userId');
  b.note(
    'At-risk group',
    'Set the ID of your reserved at-risk group in Add User to Group → Group ID.',
  );
  const add = b.add('root:channels:http:okta:addNewUserToGroup', 'Add User to At-Risk Group');
  b.set(add, 'id', '00gATRISKGROUPID', 'Group');
  b.map(start, 'okta-user-id', add, 'id', 'User');
  const deactivate = b.add('root:channels:http:okta:deactivateUser');
  b.map(start, 'okta-user-id', deactivate, 'id', 'User');
  return [
    flow(
      id,
      'Risk Policy - High (Quarantine)',
      'Run by an entity risk policy rule: removes group memberships, quarantines and deactivates the user.',
      b,
    ),
    helper,
  ];
}

const BUILDERS: Record<string, (catalog: Catalog, ids: IdSource) => Flow[]> = {
  'slack-notify': slackNotify,
  'clear-sessions': clearSessions,
  quarantine,
};

/** Builds a template's flows (not yet in any folder) as a workspace to import. */
export function buildTemplate(
  catalog: Catalog,
  id: string,
  ids: IdSource = randomIds,
): Result<Workspace> {
  const build = BUILDERS[id];
  if (!build) return fail('TEMPLATE_E001', `There is no template "${id}".`);
  const flows = build(catalog, ids);
  return ok({
    folders: {},
    flows: Object.fromEntries(flows.map((f) => [f.id, f])),
    tables: {},
    configs: {},
    origin: null,
  });
}
