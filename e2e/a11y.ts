/** Accessibility checks shared by the browser tests: axe-core scans of what is on screen. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Rules switched off for the whole studio, each with the reason. Keep this list short: a rule
 * belongs here only when its finding is wrong for this app, never to hide a real problem.
 */
export const DISABLED_RULES: Readonly<Record<string, string>> = {};

/** Impacts that fail a scan. */
const FAILING = new Set(['critical', 'serious']);

/**
 * Scans the page with axe-core (every default rule, plus the experimental
 * `label-content-name-mismatch`) and returns its critical and serious findings, one readable
 * line per element: `[serious] color-contrast: <why> — at .selector`.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // One rules object: AxeBuilder's disableRules() would replace the options' rules.
  const rules: Record<string, { enabled: boolean }> = {
    'label-content-name-mismatch': { enabled: true },
  };
  for (const id of Object.keys(DISABLED_RULES)) rules[id] = { enabled: false };
  const results = await new AxeBuilder({ page }).options({ rules }).analyze();
  const lines: string[] = [];
  for (const v of results.violations) {
    if (!v.impact || !FAILING.has(v.impact)) continue;
    for (const node of v.nodes) {
      const why = (node.failureSummary ?? v.help).replace(/\s+/g, ' ').trim();
      lines.push(`[${v.impact}] ${v.id}: ${why} — at ${node.target.join(' ')}`);
    }
  }
  return lines;
}
