import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../io.ts';
import { runCli } from '../main.ts';

type Rules = Record<string, { policy_id: string; workflow_id: string }[]>;

describe('flopack terraform', () => {
  it('exits 1 naming a flow without an org id, then writes the rules once it has one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'flopack-tf-'));
    const p = path.join(dir, 'policy.json');
    const m = path.join(dir, 'ids.json');
    writeFileSync(
      p,
      JSON.stringify({
        policyId: 'rst1',
        rules: [{ name: 'Low', riskLevel: 'LOW', flow: 'Notify' }],
      }),
    );
    writeFileSync(m, JSON.stringify({}));
    const out: string[] = [];
    const io: CliIo = {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      readText: (f) => readFileSync(f, 'utf8'),
    };
    expect(
      await runCli(['terraform', p, '--flow-ids', m, '--out', path.join(dir, 'x.tf')], io),
    ).toBe(1);
    expect(out.join('\n')).toContain('TERRAFORM_E003');
    writeFileSync(m, JSON.stringify({ Notify: '42' }));
    out.length = 0;
    expect(await runCli(['terraform', p, '--flow-ids', m], io)).toBe(0);
    const json = (await parse('x.tf', out.join('\n'))) as {
      resource: { okta_entity_risk_policy_rule: Rules };
    };
    expect(json.resource.okta_entity_risk_policy_rule.low?.[0]?.policy_id).toBe('rst1');
  });
});
