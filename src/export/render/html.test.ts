import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itEachCorpusFile } from '../../../tests/corpus.ts';
import { templatePacks } from '../../../tests/templatePacks.ts';
import { unwrap } from '../../model/errors.ts';
import { readFlopack } from '../flopack/read.ts';
import { escapeXml } from './escape.ts';
import { renderPackHtml } from './html.ts';

const EXTERNAL = /\s(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i;

function namesEveryFlowOffline(text: string): void {
  const ws = unwrap(readFlopack(text));
  const html = renderPackHtml(ws, 'pack');
  for (const f of Object.values(ws.flows)) expect(html).toContain(`<h2>${escapeXml(f.name)}</h2>`);
  expect(html).not.toMatch(EXTERNAL);
  expect(html).not.toMatch(/<(?:link|iframe|object|embed|img)\b/i);
  expect(html.match(/<script\b[^>]*>/g)).toEqual([
    '<script type="application/json" id="flopack-data">',
    '<script>',
  ]);
}

describe('self-contained HTML of a flopack', () => {
  it.each(templatePacks())('%s: one page naming every flow, nothing from the network', (_n, t) =>
    namesEveryFlowOffline(t),
  );
  itEachCorpusFile('%s: one page naming every flow, nothing from the network', (_n, file) =>
    namesEveryFlowOffline(readFileSync(file, 'utf8')),
  );

  it('escapes hostile flow and card names in the markup and in the embedded data', () => {
    const text = templatePacks()[2]?.[1] ?? '';
    const evil = '</script><img src=x onerror=alert(1)>&amp;';
    const hostile = text
      .split('"Remove user from group"')
      .join(JSON.stringify(evil))
      .split('"name":"Okta - Deactivate User"')
      .join(`"name":${JSON.stringify(evil)}`);
    const ws = unwrap(readFlopack(hostile));
    const html = renderPackHtml(ws, evil);
    expect(html).not.toContain('<img');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain(escapeXml(evil));
    const data = /<script type="application\/json" id="flopack-data">(.*?)<\/script>/s.exec(html);
    const parsed = JSON.parse(data?.[1] ?? '') as { cards: Record<string, { title: string }> };
    expect(Object.keys(parsed.cards).length).toBeGreaterThan(0);
  });
});
