/**
 * The three sample remediation flows of Okta's entity-risk procedure, as templates built
 * from real card definitions: Slack notification; clear sessions and email admins;
 * quarantine (with its helper flow) and deactivate.
 */
import type { Catalog } from './catalog.ts';
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import { helperSignature } from './helperCalls.ts';
import type { CardId, FlowId, IdSource } from './ids.ts';
import { randomIds } from './ids.ts';
import { refreshDisplay } from './flows.ts';
import { GROUP_RECORD } from './oktaTypes.ts';
import { FlowBuilder } from './templateBuilder.ts';
import type { Flow, Workspace } from './workspace.ts';
import { unwrap } from './errors.ts';
import { connectEveryAppCard } from './connections.ts';

/** A value the template asks for when it is created. */
export interface TemplateField {
  key: 'atRiskGroupId' | 'slackChannel' | 'adminEmails';
  label: string;
  /** `group`: an Okta Group ID, picked from the org's groups or typed. */
  kind: 'group' | 'text';
  help: string;
}

/** A template as the studio lists it. */
export interface TemplateInfo {
  id: string;
  title: string;
  description: string;
  /** The names of the flows it creates, main flow first. */
  flows: string[];
  /** What the template dialog asks for. */
  fields: TemplateField[];
}

/** The values given in the template dialog (left empty, the card input stays empty). */
export type TemplateOptions = Partial<Record<TemplateField['key'], string>>;

/** What the Delegated Flow card offers, and which value carries the at-risk user. */
export const DELEGATED_CALLER_NOTE =
  'The Delegated Flow card offers Okta User ID (user context) and, when another Okta product runs the flow, the Caller object (context from that product). When an entity risk policy rule runs this flow, Okta User ID carries the at-risk user; every card here reads the user from it.';

/** The templates, in the order of the risk levels they suit. */
export const TEMPLATES: readonly TemplateInfo[] = [
  {
    id: 'slack-notify',
    title: 'Slack notification',
    description: "Posts the at-risk user's name, login, status and the time to a Slack channel.",
    flows: ['Risk Policy - Low (Notify)'],
    fields: [
      {
        key: 'slackChannel',
        label: 'Slack channel',
        kind: 'text',
        help: 'The channel ID (or name) that Send Message to Channel posts to.',
      },
    ],
  },
  {
    id: 'clear-sessions',
    title: 'Clear sessions and email admins',
    description:
      "Clears the user's sessions and revokes their OAuth/OIDC tokens, then emails the admins.",
    flows: ['Risk Policy - Medium (Clear sessions)'],
    fields: [
      {
        key: 'adminEmails',
        label: 'Admins to email',
        kind: 'text',
        help: 'Addresses of your security admins, separated by commas.',
      },
    ],
  },
  {
    id: 'quarantine',
    title: 'Quarantine and deactivate',
    description:
      'Removes the user from every group but Everyone (through a helper flow), adds them to the at-risk group and deactivates them.',
    flows: ['Risk Policy - High (Quarantine)', 'Remove user from group'],
    fields: [
      {
        key: 'atRiskGroupId',
        label: 'At-risk group',
        kind: 'group',
        help: 'The Okta group reserved for quarantined users: pick one or type its Group ID (00g…).',
      },
    ],
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
  data: refreshDisplay(b.data),
  rest: null,
});

const emails = (v: string | undefined): string[] =>
  (v ?? '')
    .split(/[,;\s]+/)
    .map((x) => x.trim())
    .filter((x) => x !== '');

function slackNotify(catalog: Catalog, ids: IdSource, opts: TemplateOptions): Flow[] {
  const id = ids.uuid() as FlowId;
  const b = new FlowBuilder(catalog, ids, id);
  const event = b.event(DELEGATED);
  b.note('The at-risk user', DELEGATED_CALLER_NOTE);
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
  const channel = opts.slackChannel?.trim() ?? '';
  if (channel === '')
    b.note('Slack channel', 'Choose the channel in Send Message to Channel → options → Channel.');
  const slack = b.add('root:channels:http:slack:sendMessageToChannel2');
  if (channel !== '') b.set(slack, 'channel', channel, 'parameters');
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

function clearSessions(catalog: Catalog, ids: IdSource, opts: TemplateOptions): Flow[] {
  const id = ids.uuid() as FlowId;
  const b = new FlowBuilder(catalog, ids, id);
  const event = b.event(DELEGATED);
  b.note('The at-risk user', DELEGATED_CALLER_NOTE);
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
  const to = emails(opts.adminEmails);
  if (to.length === 0)
    b.note('Admins to email', 'Type your security admins’ addresses in Send Email → To.');
  const mail = b.add('root:channels:http:gmail:sendEmail2');
  if (to.length > 0) b.set(mail, 'To', to);
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

function quarantine(catalog: Catalog, ids: IdSource, opts: TemplateOptions): Flow[] {
  // The helper, as Okta's own "remove a user from all groups" flows do it: read the group
  // record's ID, Type and Profile.Name; go on only for OKTA_GROUP (Everyone is BUILT_IN, app
  // groups are managed by their app); remove inside If Error so one refusal does not stop the
  // For Each.
  const helperId = ids.uuid() as FlowId;
  const h = new FlowBuilder(catalog, ids, helperId);
  h.event('root:kernel:control:callable');
  // Typed as Okta's group record, so the cards reading it see its fields (ID, Type, Profile).
  const group = h.input('Group', GROUP_RECORD);
  const userId = h.input('User ID', 'string');
  const event = h.data.methods[0]?.uuid as CardId | undefined;
  if (!event) throw new Error('helper has no event');
  const pick = h.add('root:kernel:object:pick', 'Get Multiple (group record)');
  h.map(event, group, pick, 'object');
  h.pick(pick, 'ID');
  h.pick(pick, 'Type');
  h.pick(pick, 'Profile.Name');
  const guard = h.add('root:kernel:control:continueIf', 'Continue If Okta group');
  h.map(pick, 'Type', guard, 'left-operand');
  h.set(guard, 'operator', '==');
  h.set(guard, 'right-operand', 'OKTA_GROUP');
  const tryIt = h.add('root:kernel:control:tryCatch', 'If Error (removal)');
  const remove = h.addInside(tryIt, 'root:channels:http:okta:removeUserFromGroup');
  h.map(pick, 'ID', remove, 'id', 'Group');
  h.map(event, userId, remove, 'id', 'User');
  const helper = flow(
    helperId,
    'Remove user from group',
    'Helper of "Risk Policy - High (Quarantine)": removes the user from one Okta group (never Everyone, which is BUILT_IN); a refused removal is caught.',
    h,
  );

  const id = ids.uuid() as FlowId;
  const b = new FlowBuilder(catalog, ids, id);
  const start = b.event(DELEGATED);
  b.note('The at-risk user', DELEGATED_CALLER_NOTE);
  const groups = b.add('root:channels:http:okta:getUsersGroups');
  b.map(start, 'okta-user-id', groups, 'ID');
  const each = b.add('root:kernel:list:each');
  b.map(groups, 'Groups', each, 'list');
  b.calls(each, unwrap(helperSignature(helperId, helper.data)));
  b.map(start, 'okta-user-id', each, 'User ID');
  const atRisk = opts.atRiskGroupId?.trim() ?? '';
  if (atRisk === '')
    b.note(
      'At-risk group',
      'Type the Group ID of your reserved at-risk group in Add User to Group → Group ID.',
    );
  const add = b.add('root:channels:http:okta:addNewUserToGroup', 'Add User to At-Risk Group');
  if (atRisk !== '') b.set(add, 'id', atRisk, 'Group');
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

const BUILDERS: Record<string, (catalog: Catalog, ids: IdSource, opts: TemplateOptions) => Flow[]> =
  {
    'slack-notify': slackNotify,
    'clear-sessions': clearSessions,
    quarantine,
  };

/** Builds a template's flows (not yet in any folder) as a workspace to import. */
export function buildTemplate(
  catalog: Catalog,
  id: string,
  ids: IdSource = randomIds,
  opts: TemplateOptions = {},
): Result<Workspace> {
  const build = BUILDERS[id];
  if (!build) return fail('TEMPLATE_E001', `There is no template "${id}".`);
  for (const [k, v] of Object.entries(opts))
    if (typeof v !== 'string' || v.length > 500 || [...v].some((ch) => ch.charCodeAt(0) < 32))
      return fail('TEMPLATE_E003', `The value of "${k}" is not a short line of text — retype it.`);
  const { flows, configs } = connectEveryAppCard(build(catalog, ids, opts), {}, ids);
  return ok({
    folders: {},
    flows: Object.fromEntries(flows.map((f) => [f.id, f])),
    tables: {},
    configs,
    origin: null,
  });
}
