import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  add,
  catalog,
  fieldId,
  flowProblems,
  makeDelegatedFlow,
  makeWorkspace,
  titles,
} from '../../tests/builders.ts';
import { corpusFile, itCorpus } from '../../tests/corpus.ts';
import { validateFile } from '../../tests/validate.ts';
import { writeFlopack } from '../export/flopack/write.ts';
import { appEventWrapper, setAppEvent, unwrapAppEvent } from './appEvents.ts';
import { createCard } from './catalog.ts';
import { unwrap } from './errors.ts';
import { createFlow, editFlowContent, flowKind, setEvent } from './flows.ts';
import { seededIds } from './ids.ts';
import { mapField, mappingsOf } from './mapping.ts';
import type { RawFloData } from './raw.ts';
import { allCardIds } from './scope.ts';
import { sequenceOf } from './sequence.ts';

const suspended = (d: RawFloData) =>
  createCard(catalog, 'root:channels:http:okta:userSuspended', allCardIds(d), seededIds(21));

describe('app events (Okta event wrapper)', () => {
  it('wraps a new flow the way Okta exports one: event → For Each - Ignore Errors → inline flow', async () => {
    const { ws, folderId } = makeWorkspace();
    const made = unwrap(createFlow(ws, folderId, { name: 'On suspension' }, seededIds(4)));
    const data = unwrap(
      setAppEvent(made.flow.data, suspended(made.flow.data), catalog, seededIds(5)),
    );
    expect(flowKind(data)).toBe('appEvent');
    expect(data.methods.map((m) => m.node.data.name)).toEqual([
      'User Suspended',
      'For Each - Ignore Errors',
    ]);
    expect(Object.values(data.orderings)).toEqual([[data.methods[0]?.uuid, data.methods[1]?.uuid]]);
    const w = appEventWrapper(data);
    expect(w?.inner.methods[0]?.node.data.name).toBe('User Suspended');
    const fields = Object.values(w?.inner.methods[0]?.node.model.outputs.data ?? {}).map(
      (f) => `${f.group}/${f.key}`,
    );
    expect(fields[0]).toBe('context/execution_id');
    expect(fields).toContain('Output/Okta User');
    expect(mappingsOf(data)).toHaveLength(1);
    expect(data.display.eventConnecterName).toBe('User Suspended');
    expect(flowProblems(data)).toEqual([]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'app-event-')), 'x.folder');
    const placed = unwrap(
      editFlowContent(made.workspace, made.flow.id, () => ({ ok: true, value: data })),
    );
    writeFileSync(file, unwrap(writeFlopack(placed)));
    expect(await validateFile(file)).toBe(`${file}: ok`);
  });

  it('moves an existing flow’s cards inside the wrapper, keeping their ids and their own mappings', () => {
    const { ws, flowId } = makeDelegatedFlow();
    let d = ws.flows[flowId]?.data as RawFloData;
    const read = add(d, 'root:channels:http:okta:readUser');
    const deact = add(read.data, 'root:channels:http:okta:deactivateUser');
    d = unwrap(
      mapField(deact.data, {
        from: {
          card: read.id,
          output: fieldId(
            read.data.methods.find((m) => m.uuid === read.id) ?? deact.data.methods[1],
            'outputs',
            'ID',
          ),
        },
        to: {
          card: deact.id,
          input: fieldId(
            deact.data.methods.find((m) => m.uuid === deact.id),
            'inputs',
            'id',
          ),
        },
      }),
    );
    const wrapped = unwrap(setAppEvent(d, suspended(d), catalog, seededIds(6)));
    const w = appEventWrapper(wrapped);
    expect(titles(w!.inner as unknown as RawFloData)).toEqual([
      'User Suspended',
      'Read User',
      'Deactivate User',
    ]);
    expect(w!.inner.methods.map((m) => m.uuid)).toContain(read.id);
    expect(mappingsOf(w!.inner)).toHaveLength(1);
    expect(flowProblems(wrapped)).toEqual([]);

    // Back to a Delegated Flow: the cards come out again, after the new event.
    const unwrapped = unwrapAppEvent(wrapped);
    const back = unwrap(
      setEvent(
        unwrapped,
        createCard(catalog, 'root:kernel:http:delegated', allCardIds(unwrapped), seededIds(7)),
      ),
    );
    expect(flowKind(back)).toBe('delegated');
    expect(titles(back)).toEqual(['Delegated Flow', 'Read User', 'Deactivate User']);
    expect(sequenceOf(back).loose).toEqual([]);
    expect(flowProblems(back)).toEqual([]);
  });

  itCorpus('builds wrapper cards with the keys of the wrappers in real exports', () => {
    const real = JSON.parse(
      readFileSync(corpusFile('assign_temporary_group_memberships'), 'utf8'),
    ) as {
      data: { flos: Record<string, { name: string; data: RawFloData }> };
    };
    const realFlow = Object.values(real.data.flos).find(
      (f) => f.name === 'Determine if user added to temporary group',
    )!.data;
    const realWrapper = appEventWrapper(realFlow)!;
    const { ws, folderId } = makeWorkspace();
    const made = unwrap(createFlow(ws, folderId, {}, seededIds(4)));
    const ours = appEventWrapper(
      unwrap(setAppEvent(made.flow.data, suspended(made.flow.data), catalog, seededIds(5))),
    )!;
    const keys = (o: object): string => Object.keys(o).sort().join(',');
    expect(keys(ours.card)).toBe(keys(realWrapper.card));
    expect(keys(ours.inner)).toBe(keys(realWrapper.inner));
    const field = (m: typeof ours.card) =>
      Object.values(m.node.model.inputs.data).find((f) => f.group === 'Output')!;
    expect(keys(field(ours.inner.methods[0]!))).toBe(
      keys(field(realWrapper.inner.methods.find((m) => m.node.key === 'callable')!)),
    );
  });
});
