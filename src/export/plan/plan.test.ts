import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusFiles, itCorpus, itEachCorpusFile } from '../../../tests/corpus.ts';
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

describe('import plan', () => {
  const carriesExactly = (text: string): void => {
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
  };

  it.each(templatePacks())(
    '%s: lists exactly the connections, flows and tables it carries',
    (_n, t) => carriesExactly(t),
  );
  itEachCorpusFile('%s: lists exactly the connections, flows and tables it carries', (_n, file) =>
    carriesExactly(readFileSync(file, 'utf8')),
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

  itCorpus('names API endpoints and escapes names in Markdown', () => {
    const text = corpusFiles().find((f) => f.includes('implement_log_streaming'));
    if (!text) throw new Error('implement_log_streaming is not in the corpus');
    const ws = unwrap(readFlopack(readFileSync(text, 'utf8')));
    const plan = importPlan(ws);
    expect(plan.endpoints.length).toBeGreaterThan(0);
    const md = planMarkdown(plan, 'a *b* <script>');
    expect(md).toContain('# Import plan: a \\*b\\* ');
    expect(md).not.toContain('<script>');
    expect(md).toMatch(/invoke URL/);
  });
});
