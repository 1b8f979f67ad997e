/**
 * Card colours by app or function category: pure data shared by the canvas and the rendered
 * pictures, so a card has the same colour everywhere. Unknown apps (custom connectors) get a
 * colour picked by a hash of their name, the same one every time.
 */

/** A card's colours: the header band and the text drawn on it. */
export interface CardColor {
  band: string;
  text: string;
}

const WHITE = '#ffffff';
const INK = '#1f2937';

/** Known apps and function categories, keyed by the label cards show ("Okta", "Branching"). */
export const PALETTE: Readonly<Record<string, CardColor>> = {
  Okta: { band: '#1662dd', text: WHITE },
  'Okta Devices': { band: '#1662dd', text: WHITE },
  'Okta Privileged Access': { band: '#1662dd', text: WHITE },
  'Okta Realms': { band: '#1662dd', text: WHITE },
  Slack: { band: '#4a154b', text: WHITE },
  Gmail: { band: '#d93025', text: WHITE },
  'Office 365 Mail': { band: '#0078d4', text: WHITE },
  'Office 365 Admin': { band: '#0078d4', text: WHITE },
  'Microsoft Teams': { band: '#5059c9', text: WHITE },
  'Google Workspace': { band: '#188038', text: WHITE },
  'Google Drive': { band: '#188038', text: WHITE },
  'Google Calendar': { band: '#188038', text: WHITE },
  'Google Sheets': { band: '#188038', text: WHITE },
  Jira: { band: '#0052cc', text: WHITE },
  ServiceNow: { band: '#293e40', text: WHITE },
  Salesforce: { band: '#007bac', text: WHITE },
  PagerDuty: { band: '#00882a', text: WHITE },
  Opsgenie: { band: '#1e70d9', text: WHITE },
  GitHub: { band: '#24292f', text: WHITE },
  Events: { band: '#0f766e', text: WHITE },
  Branching: { band: '#b45309', text: WHITE },
  'Flow Control': { band: '#475569', text: WHITE },
  'Error Handling': { band: '#b91c1c', text: WHITE },
  Notes: { band: '#facc15', text: INK },
  Text: { band: '#0369a1', text: WHITE },
  List: { band: '#7c3aed', text: WHITE },
  Object: { band: '#0e7490', text: WHITE },
  'Date & Time': { band: '#be185d', text: WHITE },
  Number: { band: '#15803d', text: WHITE },
  'True/False': { band: '#4d7c0f', text: WHITE },
  JSON: { band: '#6d28d9', text: WHITE },
  Crypto: { band: '#334155', text: WHITE },
  URL: { band: '#047e9c', text: WHITE },
  JWT: { band: '#9333ea', text: WHITE },
  Utilities: { band: '#57534e', text: WHITE },
  Tables: { band: '#047857', text: WHITE },
  HTTP: { band: '#374151', text: WHITE },
  File: { band: '#78716c', text: WHITE },
};

/** Colours for apps the palette does not know, picked by hash. All carry white text. */
export const FALLBACK_BANDS: readonly string[] = [
  '#2563eb',
  '#9333ea',
  '#c2410c',
  '#098177',
  '#be123c',
  '#4338ca',
  '#a16207',
  '#0369a1',
  '#15803d',
  '#86198f',
  '#b45309',
  '#1d4ed8',
];

/** FNV-1a 32-bit hash: tiny, stable across runtimes. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The colours of a card of an app or category; deterministic for unknown names. */
export function colorOf(app: string): CardColor {
  const known = PALETTE[app];
  if (known) return known;
  const band = FALLBACK_BANDS[hash(app) % FALLBACK_BANDS.length] ?? '#475569';
  return { band, text: WHITE };
}

/** Outline colours of the review marks (added, changed, removed). */
export const MARK_COLORS = {
  added: { stroke: '#16a34a', fill: '#dcfce7', label: 'ADDED' },
  changed: { stroke: '#d97706', fill: '#fef3c7', label: 'CHANGED' },
  removed: { stroke: '#dc2626', fill: '#fee2e2', label: 'REMOVED' },
} as const;
