import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFiles } from '../../../tests/corpus.ts';
import { templatePacks } from '../../../tests/templatePacks.ts';
import { unwrap } from '../../model/errors.ts';
import { readFlopack } from '../flopack/read.ts';
import { planMarkdown } from './markdown.ts';
import { importPlan } from './plan.ts';

type Doc = {
  data: {
    configs: Record<string, { id: string; module: string }>;
    flos: Record<string, unknown>;
    tables: Record<string, { name: string }>;
  };
};

const all = (): [string, string][] => [
  ...templatePacks(),
  ...corpusFiles().map((f): [string, string] => [path.basename(f), readFileSync(f, 'utf8')]),
];

describe('import plan', () => {
  it.each(all())(
    '%s: lists exactly the connections, flows and tables the file carries',
    (_n, text) => {
      const doc = JSON.parse(text) as Doc;
      const plan = importPlan(unwrap(readFlopack(text)));
      const json = JSON.parse(JSON.stringify(plan)) as typeof plan;
      expect(json.connections.map((c) => [c.id, c.app]).sort()).toEqual(
        Object.values(doc.data.configs)
          .map((c) => [c.id, c.module])
          .sort(),
      );
      const uses = (id: string): number => text.split(`"config":${JSON.stringify(id)}`).length - 1;
      for (const c of json.connections) expect(c.cards).toBe(uses(c.id));
      expect(json.flows.map((f) => f.id).sort()).toEqual(Object.keys(doc.data.flos).sort());
      expect(json.turnOn.map((f) => f.id).sort()).toEqual(Object.keys(doc.data.flos).sort());
      expect(json.tables.map((t) => t.name).sort()).toEqual(
        Object.values(doc.data.tables)
          .map((t) => t.name)
          .sort(),
      );
      expect(Object.keys(json)).toEqual([
        'flows',
        'connections',
        'turnOn',
        'endpoints',
        'tables',
        'warnings',
      ]);
    },
  );

  it('turns helper flows ON before the flows that call them', () => {
    const plan = importPlan(unwrap(readFlopack(templatePacks()[2]?.[1] ?? '')));
    const order = plan.turnOn.map((f) => f.name);
    const helper = order.indexOf('Remove user from group');
    const main = plan.turnOn.findIndex((f) => f.kind === 'delegated');
    expect(helper).toBeGreaterThanOrEqual(0);
    expect(helper).toBeLessThan(main);
    expect(plan.turnOn[helper]?.calledBy).toEqual([plan.turnOn[main]?.name]);
    expect(plan.warnings[0]).toMatch(/1 delegated flow\(s\).*active-flow limit/);
  });

  it('names API endpoints, tables without rows and escapes names in Markdown', () => {
    const text = corpusFiles().find((f) => f.includes('implement_log_streaming'));
    if (!text) return;
    const ws = unwrap(readFlopack(readFileSync(text, 'utf8')));
    const plan = importPlan(ws);
    expect(plan.endpoints.length).toBeGreaterThan(0);
    const md = planMarkdown(plan, 'a *b* <script>');
    expect(md).toContain('# Import plan: a \\*b\\* ');
    expect(md).not.toContain('<script>');
    expect(md).toMatch(/invoke URL/);
  });
});
