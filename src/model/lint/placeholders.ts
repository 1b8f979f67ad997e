/**
 * Inputs an admin must fill in before the flow can work: a Slack channel, a Group ID, email
 * recipients. Left empty or holding an obvious placeholder (`00gATRISKGROUPID`, `<group id>`,
 * `admins@example.com`), Okta runs the card and it fails in the org.
 */
import type { CardId } from '../ids.ts';
import type { RawField, RawMethod } from '../raw.ts';
import type { ScopePath } from '../scope.ts';
import type { Rule } from './rules.ts';
import { allCards, sourceOf } from './trace.ts';
import type { Finding } from './types.ts';

/** Words and shapes that say "put the real value here". */
const PLACEHOLDER =
  /^(?:<.*>|\{.*\}|\[.*\]|-+\s.*\s-+|x{3,}|.*(?:PLACEHOLDER|CHANGE[_ ]?ME|REPLACE|YOUR[_ -]|ENTER[_ ]).*|00g[A-Z_]{6,})$/i;
const EXAMPLE_MAIL = /@example\.(?:com|org|net)$/i;

/** Why a value is not a real one, or null. */
export function placeholderOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  if (PLACEHOLDER.test(v)) return `“${v}” is a placeholder`;
  if (EXAMPLE_MAIL.test(v)) return `“${v}” is an example address`;
  return null;
}

interface Watched {
  what: string;
  matches: (m: RawMethod, f: RawField) => boolean;
  /** Empty counts too (for fields Okta does not mark required). */
  empty: boolean;
}

const WATCHED: Watched[] = [
  {
    what: 'Slack channel',
    matches: (m, f) => m.address.includes(':slack:') && f.key === 'channel',
    empty: true,
  },
  {
    what: 'Group ID',
    matches: (m, f) =>
      m.address.includes(':okta:') &&
      f.group === 'Group' &&
      /^(?:id|ID|groupId|Group ID)$/.test(f.key),
    empty: false,
  },
  {
    what: 'email recipients',
    matches: (m, f) => /:(?:gmail|office365mail|outlook):/.test(m.address) && f.key === 'To',
    empty: true,
  },
];

const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

const at = (m: RawMethod, path: ScopePath) => ({ card: m.uuid as CardId, path });

/** The rule. */
export const placeholderInput: Rule = {
  id: 'placeholder-input',
  title: 'Slack channel, Group ID and email recipients are real values',
  check: (flow) => {
    const out: Finding[] = [];
    for (const { m, path } of allCards(flow.data)) {
      for (const f of Object.values(m.node.model.inputs.data)) {
        const w = WATCHED.find((x) => x.matches(m, f));
        if (!w || sourceOf(flow.data, path, m.uuid, f.id)) continue;
        const v = f.value.data;
        const why = Array.isArray(v)
          ? v.map(placeholderOf).find((x) => x !== null)
          : placeholderOf(v);
        if (why)
          out.push({
            rule: 'placeholder-input',
            severity: 'warning',
            message: `“${m.node.data.name}” · ${w.what}: ${why} — type the real value (or map it).`,
            ...at(m, path),
          });
        else if (w.empty && isEmpty(v))
          out.push({
            rule: 'placeholder-input',
            severity: 'warning',
            message: `“${m.node.data.name}” has no ${w.what} — choose one (or map it), or the card fails in Okta.`,
            ...at(m, path),
          });
      }
    }
    return out;
  },
};
