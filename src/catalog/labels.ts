/** Display names for connector apps and the function categories of built-in cards. */

const APP_LABELS: Record<string, string> = {
  okta: 'Okta',
  oktadevices: 'Okta Devices',
  oktaprivilegedaccess: 'Okta Privileged Access',
  oktarealms: 'Okta Realms',
  slack: 'Slack',
  gmail: 'Gmail',
  office365mail: 'Office 365 Mail',
  office365admin: 'Office 365 Admin',
  googledirectory: 'Google Workspace',
  googledrive: 'Google Drive',
  googlecalendar: 'Google Calendar',
  googlesheets2_29: 'Google Sheets',
  jira2: 'Jira',
  servicenow: 'ServiceNow',
  microsoftteams: 'Microsoft Teams',
  salesforce2_29: 'Salesforce',
  marketo2_29: 'Marketo',
  opsgenie: 'Opsgenie',
  pagerduty: 'PagerDuty',
  github: 'GitHub',
  box: 'Box',
  awssso: 'AWS IAM Identity Center',
  awslambda: 'AWS Lambda',
  workday: 'Workday',
  shopify: 'Shopify',
  sendgrid: 'SendGrid',
  smarthr: 'SmartHR',
  personio: 'Personio',
  darwinbox: 'Darwinbox',
  yubico: 'Yubico',
  openai: 'OpenAI',
  auth0: 'Auth0',
  jamfproclassicapi: 'Jamf Pro Classic API',
  kandji: 'Kandji',
  pendometadataupdateconnector: 'Pendo Metadata',
  securecodewarrior: 'Secure Code Warrior',
};

/** "okta" → "Okta"; a Connector Builder key "kandji_edae…" → "Kandji". */
export function appLabel(app: string): string {
  const known = APP_LABELS[app];
  if (known) return known;
  const base = app.replace(/_[0-9a-f]{32}$/, '');
  const baseLabel = APP_LABELS[base];
  if (baseLabel) return base === app ? baseLabel : `${baseLabel} (custom)`;
  return base.charAt(0).toUpperCase() + base.slice(1);
}

const BRANCHING = new Set(['if', 'branch', 'continueIf', 'assignIf', 'lookup']);
const ERROR_HANDLING = new Set(['tryCatch', 'throw', 'throwIf']);

const MODULE_CATEGORY: Record<string, string> = {
  list: 'List',
  string: 'Text',
  object: 'Object',
  date: 'Date & Time',
  math: 'Number',
  boolean: 'True/False',
  json: 'JSON',
  crypto: 'Crypto',
  url: 'URL',
  jwt: 'JWT',
  utility: 'Utilities',
  http: 'Events',
  stash: 'Tables',
  httpfunctions: 'HTTP',
  filefunctions: 'File',
};

/**
 * The function category a card is listed under, as in the console's Functions panel;
 * null for connector (app) cards. `key` is null when asking about a whole module.
 */
export function functionCategory(module: string, key: string | null): string | null {
  if (module === 'control') {
    if (key !== null && BRANCHING.has(key)) return 'Branching';
    if (key !== null && ERROR_HANDLING.has(key)) return 'Error Handling';
    if (key === 'comment') return 'Notes';
    if (key === 'callable') return 'Events';
    return 'Flow Control';
  }
  return MODULE_CATEGORY[module] ?? null;
}
