import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { add, cardById, fieldId, makeDelegatedFlow } from '../../../tests/builders.ts';
import { corpusFiles, itCorpus } from '../../../tests/corpus.ts';
import { unversioned } from '../../model/address.ts';
import { setInputValue } from '../../model/cards.ts';
import { unwrap } from '../../model/errors.ts';
import { editFlowContent, flowKind } from '../../model/flows.ts';
import type { FlowId } from '../../model/ids.ts';
import { mapField } from '../../model/mapping.ts';
import { DOCUMENTED_FIELDS } from '../../model/oktaTypes.ts';
import type { RawFloData, RawMethod } from '../../model/raw.ts';
import { forEachScope } from '../../model/scope.ts';
import { sequenceOf, flatten } from '../../model/sequence.ts';
import type { Workspace } from '../../model/workspace.ts';
import { checkFlopack } from './check.ts';
import { readFlopack } from './read.ts';
import { schemaProblems } from './schema.ts';
import { writeFlopack } from './write.ts';

/** Delegated Flow → Read User → Continue If → Slack, authored only through model operations. */
function authorNotifyFlow(): { ws: Workspace; flowId: FlowId } {
  const { ws, flowId } = makeDelegatedFlow();
  let data = ws.flows[flowId]?.data as RawFloData;
  const event = data.methods[0] as RawMethod;
  const read = add(data, 'root:channels:http:okta:readUser');
  const cont = add(read.data, 'root:kernel:control:continueIf');
  const slack = add(cont.data, 'root:channels:http:slack:sendMessageToChannel2');
  data = slack.data;
  const m = (id: string): RawMethod | undefined => cardById(data, id);
  data = unwrap(
    mapField(data, {
      from: { card: event.uuid as never, output: fieldId(event, 'outputs', 'okta-user-id') },
      to: { card: read.id, input: fieldId(m(read.id), 'inputs', 'ID or Login') },
    }),
  );
  data = unwrap(
    mapField(data, {
      from: { card: read.id, output: fieldId(m(read.id), 'outputs', 'Status') },
      to: { card: cont.id, input: fieldId(m(cont.id), 'inputs', 'left-operand') },
    }),
  );
  data = unwrap(setInputValue(data, cont.id, fieldId(m(cont.id), 'inputs', 'operator'), '=='));
  data = unwrap(
    setInputValue(data, cont.id, fieldId(m(cont.id), 'inputs', 'right-operand'), 'ACTIVE'),
  );
  data = unwrap(
    mapField(data, {
      from: { card: read.id, output: fieldId(m(read.id), 'outputs', 'login') },
      to: { card: slack.id, input: fieldId(m(slack.id), 'inputs', 'Text') },
    }),
  );
  const final = data;
  return { ws: unwrap(editFlowContent(ws, flowId, () => ({ ok: true, value: final }))), flowId };
}

/** Every real card instance of the corpus, by unversioned address. */
function realCards(): Map<string, RawMethod[]> {
  const out = new Map<string, RawMethod[]>();
  for (const file of corpusFiles()) {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as {
      data: { flos: Record<string, { data: RawFloData }> };
    };
    for (const flo of Object.values(doc.data.flos))
      forEachScope(flo.data, (s) => {
        for (const m of s.methods) {
          const list = out.get(unversioned(m.address)) ?? [];
          list.push(m);
          out.set(unversioned(m.address), list);
        }
      });
  }
  return out;
}

const keys = (o: object): string => Object.keys(o).sort().join(',');

describe('a delegated flow authored through model operations', () => {
  const { ws, flowId } = authorNotifyFlow();
  const text = unwrap(
    writeFlopack(ws, { kind: 'folder', id: ws.flows[flowId]?.folderId as never }),
  );
  const doc = JSON.parse(text) as {
    version: string;
    checksum?: string;
    data: { flos: Record<string, { data: RawFloData }> };
  };
  const data = doc.data.flos[flowId]?.data as RawFloData;

  it('is a delegated flow with the four cards in order', () => {
    expect(flowKind(data)).toBe('delegated');
    const order = flatten(sequenceOf(data).steps).map((id) => cardById(data, id)?.node.data.name);
    expect(order).toEqual([
      'Delegated Flow',
      'Read User',
      'Continue If',
      'Send Message to Channel',
    ]);
    expect(Object.keys(data.orderings)).toHaveLength(3);
  });

  it('carries the flow-level fields Okta writes for delegated flows', () => {
    expect(doc.version).toBe('1.5.0');
    expect(doc.checksum).toBeUndefined();
    expect(data.security_level).toBe('high');
    expect(data.display.isPublishable).toBe(true);
    expect(data.display.isCallable).toBe(false);
    expect(data.display.eventConnecterName).toBe('Delegated Flow');
  });

  it('validates against the shared JSON Schema and the integrity checks', () => {
    expect(schemaProblems(doc)).toEqual([]);
    expect(checkFlopack(doc)).toEqual([]);
  });

  it('passes `flopack validate` (schema and integrity) as a file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'flopack-'));
    const file = path.join(dir, 'notify.flopack');
    writeFileSync(file, text);
    const out = execFileSync(process.execPath, ['bin/flopack.js', 'validate', file], {
      encoding: 'utf8',
    });
    expect(out.trim()).toBe(`${file}: ok`);
  });

  itCorpus('has cards with exactly the keys of the same cards in real exports', () => {
    const real = realCards();
    for (const m of data.methods) {
      const instances = real.get(unversioned(m.address)) ?? [];
      expect(instances.length, m.address).toBeGreaterThan(0);
      expect(
        instances.some((r) => keys(r) === keys(m)),
        `card keys of ${m.address}`,
      ).toBe(true);
      expect(instances.some((r) => keys(r.node) === keys(m.node))).toBe(true);
      expect(
        instances.some((r) => keys(r.node.model) === keys(m.node.model)),
        `model keys of ${m.address}`,
      ).toBe(true);
      for (const io of ['inputs', 'outputs'] as const) {
        for (const f of Object.values(m.node.model[io].data)) {
          if (f.metadata.custom) continue;
          // A field Okta documents but no export has yet (the Delegated Flow's Caller) is
          // written like the fields of its group that exports do have.
          const documented = (DOCUMENTED_FIELDS[unversioned(m.address)] ?? []).some(
            (d) => d.key === f.key && d.group === f.group,
          );
          const twins = instances.flatMap((r) =>
            Object.values(r.node.model[io].data).filter(
              (x) => (documented || x.key === f.key) && x.group === f.group,
            ),
          );
          expect(twins.length, `${m.address} ${io} ${f.key}`).toBeGreaterThan(0);
          const strip = (x: object): string =>
            Object.keys(x)
              .filter((k) => k !== '_used')
              .sort()
              .join(',');
          expect(
            twins.some((t) => strip(t) === strip(f)),
            `field keys ${m.address} ${f.key}`,
          ).toBe(true);
        }
      }
    }
  });

  it('maps Okta User ID into Read User and Read User into Continue If and Slack', () => {
    const event = data.methods.find((m) => m.node.key === 'delegated') as RawMethod;
    const read = data.methods.find((m) => m.node.key === 'readUser') as RawMethod;
    const userId = fieldId(event, 'outputs', 'okta-user-id');
    expect(event.pins[userId]?.[read.uuid]).toEqual([
      { input: fieldId(read, 'inputs', 'ID or Login'), transform: null },
    ]);
    expect(event.node.model.outputs.data[userId]?._used).toBe(true);
    expect(Object.keys(read.pins)).toHaveLength(2);
  });

  it('re-imports to the same model', () => {
    const again = unwrap(readFlopack(text));
    const flow = again.flows[flowId];
    const original = ws.flows[flowId];
    expect(flow?.name).toBe(original?.name);
    expect(flow?.folderId).toBe(original?.folderId);
    expect(flow?.data).toEqual(original?.data);
    expect(Object.values(again.folders).map((f) => f.name)).toEqual(['Entity Risk']);
    expect(
      unwrap(
        writeFlopack(
          { ...again, flows: { ...again.flows } },
          { kind: 'workspace' },
          { now: new Date(0) },
        ),
      ),
    ).toBe(unwrap(writeFlopack(ws, { kind: 'workspace' }, { now: new Date(0) })));
  });
});
