import { describe, expect, it } from 'vitest';
import { add, makeDelegatedFlow } from '../../../tests/builders.ts';
import { corpusFiles, corpusName, corpusText, itCorpus } from '../../../tests/corpus.ts';
import { lintWorkspace } from '../../export/lint/report.ts';
import { readFlopack } from '../../export/flopack/read.ts';
import { chooseConnection } from '../connections.ts';
import { unwrap } from '../errors.ts';
import type { RawConfig } from '../raw.ts';
import type { Flow } from '../workspace.ts';
import { connectionRule } from './connectionRule.ts';

const OKTA: RawConfig = { id: 'c-okta', name: 'Okta', module: 'okta', data: null };
const SLACK: RawConfig = { id: 'c-slack', name: 'Slack', module: 'slack', data: null };

function flow(): { flow: Flow; read: string } {
  const { ws, flowId } = makeDelegatedFlow();
  const f = ws.flows[flowId]!;
  const read = add(f.data, 'root:channels:http:okta:readUser');
  const row = add(read.data, 'root:channels:http:stash:createRow');
  const fn = add(row.data, 'root:kernel:string:compose');
  return { flow: { ...f, data: fn.data }, read: read.id };
}

const found = (f: Flow, configs?: Record<string, RawConfig>) =>
  connectionRule
    .check(f, configs === undefined ? { flows: [] } : { flows: [], configs })
    .map((x) => `${x.severity}: ${x.message}`);

describe('the connection rule', () => {
  it('warns about an app card without a connection, not about Tables or function cards', () => {
    expect(found(flow().flow)).toEqual(['warning: “Read User” has no connection — choose one.']);
  });

  it('is quiet once the card has a connection of its app', () => {
    const f = flow();
    const data = unwrap(chooseConnection(f.flow.data, [], f.read as never, OKTA));
    expect(found({ ...f.flow, data }, { [OKTA.id]: OKTA })).toEqual([]);
  });

  it('reports a connection that does not exist, or belongs to another app, as an error', () => {
    const f = flow();
    const data = unwrap(chooseConnection(f.flow.data, [], f.read as never, OKTA));
    expect(found({ ...f.flow, data }, {})).toEqual([
      'error: “Read User” uses a connection (c-okta) that does not exist — choose one of the Okta connections.',
    ]);
    expect(found({ ...f.flow, data }, { [OKTA.id]: { ...SLACK, id: OKTA.id } })).toEqual([
      'error: “Read User” uses “Slack”, a Slack connection — choose one of the Okta connections.',
    ]);
    // Without the workspace's connections the rule cannot tell, and says nothing.
    expect(found({ ...f.flow, data })).toEqual([]);
  });

  itCorpus('finds no broken connection in Okta’s own exports, only unset ones as warnings', () => {
    let warnings = 0;
    for (const file of corpusFiles()) {
      const ws = unwrap(readFlopack(JSON.parse(corpusText(corpusName(file))) as unknown));
      const l = lintWorkspace(file, ws).findings.filter((x) => x.rule === 'connection');
      expect(l.filter((x) => x.severity !== 'warning')).toEqual([]);
      warnings += l.length;
    }
    expect(warnings).toBeGreaterThan(0);
  });
});
