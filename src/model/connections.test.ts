import { describe, expect, it } from 'vitest';
import { add, cardById, deepFreeze, makeDelegatedFlow } from '../../tests/builders.ts';
import { corpusFiles, corpusName, corpusText, itCorpus } from '../../tests/corpus.ts';
import { readFlopack } from '../export/flopack/read.ts';
import { writeFlopack } from '../export/flopack/write.ts';
import {
  chooseConnection,
  clearConnection,
  clearConnectionEverywhere,
  connectionApp,
  connectionUsage,
  connectionUses,
  createConnection,
  deleteProblem,
  renameConnection,
  usageText,
} from './connections.ts';
import { unwrap } from './errors.ts';
import type { CardId } from './ids.ts';
import { planImport } from './importPack.ts';
import type { RawConfig } from './raw.ts';
import { forEachScope } from './scope.ts';
import type { Workspace } from './workspace.ts';

const OKTA: RawConfig = { id: 'c-okta', name: 'Okta', module: 'okta', data: null };
const SLACK: RawConfig = { id: 'c-slack', name: 'Slack', module: 'slack', data: null };

function flowWithCards() {
  const { ws, flowId } = makeDelegatedFlow();
  let data = ws.flows[flowId]!.data;
  const read = add(data, 'root:channels:http:okta:readUser');
  const slack = add(read.data, 'root:channels:http:slack:sendMessageToChannel2');
  const stash = add(slack.data, 'root:channels:http:stash:createRow');
  const compose = add(stash.data, 'root:kernel:string:compose');
  data = compose.data;
  return { ws, flowId, data, read: read.id, slack: slack.id, stash: stash.id, fn: compose.id };
}

describe('connections', () => {
  it('creates a placeholder with Okta’s keys in Okta’s order', () => {
    const c = unwrap(createConnection({}, { id: 'x1', name: '  Okta  ', module: 'okta' }));
    expect(Object.keys(c)).toEqual(['id', 'name', 'module', 'data']);
    expect(c).toEqual({ id: 'x1', name: 'Okta', module: 'okta', data: null });
  });

  it('refuses empty, over-long, control-character and duplicate names with codes', () => {
    const configs = { [OKTA.id]: OKTA };
    const codes = (name: string, module = 'okta') => {
      const r = createConnection(configs, { id: 'n', name, module });
      return r.ok ? null : r.problems[0]?.code;
    };
    expect(codes('   ')).toBe('NAME_E001');
    expect(codes('a'.repeat(101))).toBe('CONN_E002');
    expect(codes('a'.repeat(100))).toBeNull();
    expect(codes('bad\u0007name')).toBe('NAME_E003');
    expect(codes('okta')).toBe('CONN_E003');
    expect(codes('Okta', 'slack')).toBeNull(); // unique per app only
    expect(codes('Tables', 'stash')).toBe('CONN_E004');
  });

  it('renames a connection and refuses a name another of its app has', () => {
    const configs = deepFreeze({
      [OKTA.id]: OKTA,
      b: { id: 'b', name: 'Okta prod', module: 'okta', data: null },
    });
    expect(unwrap(renameConnection(configs, OKTA.id, 'Okta preview')).name).toBe('Okta preview');
    const clash = renameConnection(configs, OKTA.id, 'okta PROD');
    expect(clash.ok ? null : clash.problems[0]?.code).toBe('CONN_E003');
    expect(unwrap(renameConnection(configs, OKTA.id, 'OKTA')).name).toBe('OKTA');
    const missing = renameConnection(configs, 'zz', 'x');
    expect(missing.ok ? null : missing.problems[0]?.code).toBe('CONN_E001');
  });

  it('knows which cards take a connection: app cards, not functions nor Tables', () => {
    const f = flowWithCards();
    expect(connectionApp(cardById(f.data, f.read)!)).toBe('okta');
    expect(connectionApp(cardById(f.data, f.slack)!)).toBe('slack');
    expect(connectionApp(cardById(f.data, f.stash)!)).toBeNull();
    expect(connectionApp(cardById(f.data, f.fn)!)).toBeNull();
  });

  it('chooses a connection in node.model.config without moving the key', () => {
    const f = flowWithCards();
    const before = Object.keys(cardById(f.data, f.read)!.node.model);
    const data = unwrap(chooseConnection(deepFreeze(f.data), [], f.read, OKTA));
    const m = cardById(data, f.read)!;
    expect(m.node.model.config).toBe(OKTA.id);
    expect(Object.keys(m.node.model)).toEqual(before);
    expect(cardById(f.data, f.read)!.node.model.config).toBeNull();
    expect(unwrap(chooseConnection(data, [], f.read, OKTA))).toBe(data);
    const cleared = unwrap(clearConnection(data, [], f.read));
    expect(cardById(cleared, f.read)!.node.model.config).toBeNull();
  });

  it('refuses a connection of another app, and any on function or Tables cards', () => {
    const f = flowWithCards();
    const code = (card: CardId, c: RawConfig) => {
      const r = chooseConnection(f.data, [], card, c);
      return r.ok ? null : r.problems[0]?.code;
    };
    expect(code(f.read, SLACK)).toBe('CONN_E008');
    expect(code(f.slack, OKTA)).toBe('CONN_E008');
    expect(code(f.stash, OKTA)).toBe('CONN_E007');
    expect(code(f.fn, OKTA)).toBe('CONN_E007');
    expect(code('nope' as CardId, OKTA)).toBe('CARD_E002');
  });

  it('names the cards that use a connection, refuses deletion, and clears them on request', () => {
    const f = flowWithCards();
    const data = unwrap(chooseConnection(f.data, [], f.read, OKTA));
    const flows = [{ id: f.flowId, name: 'Quarantine', data }];
    const uses = connectionUses(flows, OKTA.id);
    expect(uses).toEqual([
      { flowId: f.flowId, flowName: 'Quarantine', card: f.read, cardName: 'Read User' },
    ]);
    expect(deleteProblem(uses, 'Okta')?.message).toContain('“Read User” in “Quarantine”');
    expect(deleteProblem(connectionUses(flows, SLACK.id), 'Slack')).toBeNull();
    const cleared = clearConnectionEverywhere(data, OKTA.id);
    expect(connectionUses([{ ...flows[0]!, data: cleared }], OKTA.id)).toEqual([]);
  });
});

describe('connection usage', () => {
  it('counts the cards of each flow that use each connection, and leaves unused ones out', () => {
    const f = flowWithCards();
    const one = unwrap(chooseConnection(f.data, [], f.read, OKTA));
    const both = unwrap(chooseConnection(one, [], f.slack, SLACK));
    const usage = connectionUsage([
      { id: 'f1', name: 'Quarantine', data: both },
      { id: 'f2', name: 'Notify', data: one },
      { id: 'f3', name: 'Bare', data: f.data },
    ]);
    expect(usage).toEqual({
      [OKTA.id]: [
        { flowId: 'f1', flowName: 'Quarantine', cards: 1 },
        { flowId: 'f2', flowName: 'Notify', cards: 1 },
      ],
      [SLACK.id]: [{ flowId: 'f1', flowName: 'Quarantine', cards: 1 }],
    });
  });

  it('says in words how many cards in which flows use a connection', () => {
    expect(usageText(undefined)).toBe('Not used');
    expect(usageText([{ flowId: 'f1', flowName: 'Quarantine', cards: 1 }])).toBe(
      '1 card in “Quarantine”',
    );
    expect(
      usageText([
        { flowId: 'f1', flowName: 'Quarantine', cards: 2 },
        { flowId: 'f2', flowName: 'Notify', cards: 1 },
        { flowId: 'f3', flowName: 'Audit', cards: 1 },
      ]),
    ).toBe('4 cards in “Quarantine” (2), “Notify” (1) and “Audit” (1)');
  });

  it('keeps a hostile connection id such as "__proto__" as a plain key', () => {
    const f = flowWithCards();
    const evil: RawConfig = { id: '__proto__', name: 'Evil', module: 'okta', data: null };
    const data = unwrap(chooseConnection(f.data, [], f.read, evil));
    const usage = connectionUsage([{ id: 'f1', name: 'Quarantine', data }]);
    expect(Object.keys(usage)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(usage)).toBe(Object.prototype);
  });
});

describe('connections in flopacks', () => {
  it('exports data.configs and each card’s config exactly as Okta writes them', () => {
    const f = flowWithCards();
    const data = unwrap(chooseConnection(f.data, [], f.read, OKTA));
    const ws: Workspace = {
      ...f.ws,
      flows: { ...f.ws.flows, [f.flowId]: { ...f.ws.flows[f.flowId]!, data } },
      configs: { [OKTA.id]: OKTA, [SLACK.id]: SLACK },
    };
    const text = unwrap(writeFlopack(ws, { kind: 'flow', id: f.flowId }));
    // Only the connections the flow uses travel with it.
    expect(text).toContain(
      `"configs":{"c-okta":{"id":"c-okta","name":"Okta","module":"okta","data":null}}`,
    );
    expect(text).toContain(`"config":"c-okta"`);
  });

  it('importing a pack whose connection already exists keeps one entry', () => {
    const f = flowWithCards();
    const data = unwrap(chooseConnection(f.data, [], f.read, OKTA));
    const ws: Workspace = {
      ...f.ws,
      flows: { ...f.ws.flows, [f.flowId]: { ...f.ws.flows[f.flowId]!, data } },
      configs: { [OKTA.id]: OKTA },
    };
    const pack = unwrap(readFlopack(JSON.parse(unwrap(writeFlopack(ws))) as unknown));
    const folder = Object.keys(ws.folders)[0] ?? null;
    const plan = unwrap(planImport(ws, pack, folder as never));
    expect(plan.configs).toEqual([]);
    expect(Object.values(plan.workspace.configs)).toEqual([OKTA]);
  });

  itCorpus(
    'keeps every file’s connection placeholders and card configs through import and export',
    () => {
      let files = 0;
      for (const file of corpusFiles()) {
        const text = corpusText(corpusName(file));
        const doc = JSON.parse(text) as { data: { configs: Record<string, RawConfig> } };
        if (Object.keys(doc.data.configs).length === 0) continue;
        files++;
        const ws = unwrap(readFlopack(doc as unknown));
        expect(ws.configs).toEqual(doc.data.configs);
        const configsOf = (w: Workspace) => {
          const out: (string | null)[] = [];
          for (const fl of Object.values(w.flows))
            forEachScope(fl.data, (s) => {
              for (const m of s.methods) out.push(m.node.model.config);
            });
          return out;
        };
        // An edit (here: a no-op copy of configs) forces the non-pristine writer.
        const edited = { ...ws, configs: { ...ws.configs } };
        const again = unwrap(readFlopack(JSON.parse(unwrap(writeFlopack(edited))) as unknown));
        expect(Object.values(again.configs).map((c) => Object.keys(c))).toEqual(
          Object.values(doc.data.configs).map((c) => Object.keys(c)),
        );
        expect(again.configs).toEqual(doc.data.configs);
        expect(configsOf(again)).toEqual(configsOf(ws));
      }
      expect(files).toBeGreaterThan(0);
    },
  );
});
