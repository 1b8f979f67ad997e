/** The import plan as Markdown: a checklist an admin follows after importing the file. */
import { escapeCell, escapeMarkdown, oneLine } from '../render/escape.ts';
import type { ImportPlanReport } from './plan.ts';

/** How the plan names each kind of flow. */
export const PLAN_KIND_LABELS: Readonly<Record<string, string>> = {
  helper: 'helper flow',
  delegated: 'delegated flow',
  apiEndpoint: 'API endpoint',
  scheduled: 'scheduled flow',
  appEvent: 'app event flow',
  none: 'flow without event',
};

const md = (s: string): string => escapeMarkdown(oneLine(s));

/** Renders the plan of one file as Markdown. */
export function planMarkdown(plan: ImportPlanReport, title: string): string {
  const out: string[] = [`# Import plan: ${md(title)}`, ''];
  out.push(
    `Importing creates ${plan.flows.length} new flow(s), all OFF, with new ids.`,
    '',
    '## Connections to reselect',
    '',
  );
  if (plan.connections.length === 0) out.push('None.');
  else {
    out.push('| app | connection | cards |', '| --- | --- | --: |');
    for (const c of plan.connections)
      out.push(`| ${escapeCell(c.app)} | ${escapeCell(c.name)} | ${c.cards} |`);
  }
  out.push('', '## Flows to turn ON, in this order (helper flows first)', '');
  plan.turnOn.forEach((f, i) => {
    const by = f.calledBy.length
      ? ` — called by ${f.calledBy.map((n) => `“${md(n)}”`).join(', ')}`
      : '';
    out.push(`${i + 1}. “${md(f.name)}” (${PLAN_KIND_LABELS[f.kind] ?? f.kind})${by}`);
  });
  out.push('', '## API endpoints whose invoke URL and client token change', '');
  if (plan.endpoints.length === 0) out.push('None.');
  for (const e of plan.endpoints)
    out.push(
      `- “${md(e.name)}” (${e.security === 'open' ? 'public' : e.security === 'medium' ? 'client token' : md(e.security)}): give callers the new invoke URL${e.security === 'medium' ? ' and client token' : ''}.`,
    );
  out.push('', '## Tables (the columns travel, the rows do not)', '');
  if (plan.tables.length === 0) out.push('None.');
  for (const t of plan.tables)
    out.push(`- “${md(t.name)}”: ${t.columns.map((c) => md(c)).join(', ') || 'no columns'}`);
  out.push('', '## Warnings', '');
  if (plan.warnings.length === 0) out.push('None.');
  for (const w of plan.warnings) out.push(`- ${md(w)}`);
  return `${out.join('\n')}\n`;
}
