import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { add } from '../../../tests/builders.ts';
import { corpusText, itCorpus, itEachCorpusFile } from '../../../tests/corpus.ts';
import { fixtureFiles, fixtureText } from '../../../tests/fixtures/flopacks.ts';
import { reId, shuffle } from '../../../tests/fixtures/variants.ts';
import { readFileSync } from 'node:fs';
import { fieldsOf, noteText, setCardTitle, setInputValue } from '../../model/cards.ts';
import type { Result } from '../../model/errors.ts';
import { ok, unwrap } from '../../model/errors.ts';
import {
  createFlow,
  editFlowContent,
  moveFlow,
  setFlowProperties,
  setSaveAllData,
} from '../../model/flows.ts';
import { renameFolder } from '../../model/folders.ts';
import type { CardId, FieldId, FlowId, FolderId } from '../../model/ids.ts';
import { seededIds } from '../../model/ids.ts';
import { moveCard, removeCard } from '../../model/insert.ts';
import { unmapField } from '../../model/mapping.ts';
import type { RawFloData, RawMethod } from '../../model/raw.ts';
import type { ScopePath } from '../../model/scope.ts';
import { forEachScope } from '../../model/scope.ts';
import type { Workspace } from '../../model/workspace.ts';
import { readFlopack } from '../flopack/read.ts';
import { writeFlopack } from '../flopack/write.ts';
import { diffWorkspaces } from './packDiff.ts';
import { diffLines } from './words.ts';

const read = (text: string): Workspace => unwrap(readFlopack(text));

/** Writes an edited workspace and reads it back, as a committed file would be. */
const saved = (ws: Workspace): Workspace => read(unwrap(writeFlopack(ws)));

/** The one flow of the ISPM remediation template, renamed as a risk policy. */
function riskPolicy(): { ws: Workspace; flow: FlowId } {
  const ws = read(corpusText('okta_add_user_to_a_group_ispm_remediation_flow'));
  const flow = Object.keys(ws.flows)[0] as FlowId;
  return { ws: saved(unwrap(setFlowProperties(ws, flow, { name: 'Risk Policy - High' }))), flow };
}

/** A card anywhere in a flow by title, with the scope path it lives in. */
function find(data: RawFloData, title: string, nth = 0): { m: RawMethod; path: ScopePath } {
  const hits: { m: RawMethod; path: ScopePath }[] = [];
  forEachScope(data, (s, p) => {
    for (const m of s.methods)
      if (m.node.data.name === title || noteText(m).title === title) hits.push({ m, path: p });
  });
  const hit = hits[nth];
  if (!hit) throw new Error(`no card "${title}"`);
  return hit;
}

function edit(ws: Workspace, flow: FlowId, fn: (d: RawFloData) => Result<RawFloData>): Workspace {
  return unwrap(editFlowContent(ws, flow, fn));
}

/** An input's id by the label the card shows. */
function inputId(m: RawMethod, label: string): FieldId {
  const f = fieldsOf(m, 'inputs').find((x) => x.label === label);
  if (!f) throw new Error(`no input "${label}"`);
  return f.id;
}

const lines = (a: Workspace, b: Workspace): string[] => diffLines(diffWorkspaces(a, b));

describe('diffing two flopacks', () => {
  it('says "No changes" for identical files', () => {
    const text = fixtureText('branches');
    expect(lines(read(text), read(text))).toEqual(['No changes']);
  });

  const ignoresNoise = (_: string, file: string): void => {
    const text = readFileSync(file, 'utf8');
    const noisy = shuffle(reId(text));
    expect(noisy).not.toBe(text);
    expect(lines(read(text), read(noisy))).toEqual(['No changes']);
  };

  it.each(fixtureFiles().map((f) => [path.basename(f, '.flopack'), f]))(
    'ignores new ids and reversed key order in %s',
    ignoresNoise,
  );

  itEachCorpusFile('ignores new ids and reversed key order in %s', ignoresNoise);

  itCorpus('words a renamed card', () => {
    const { ws, flow } = riskPolicy();
    const after = edit(ws, flow, (d) =>
      setCardTitle(d, find(d, 'Assign', 1).m.uuid as CardId, 'Parse Event'),
    );
    expect(lines(ws, saved(after))).toEqual([
      "Card 'Assign' renamed to 'Parse Event' in flow 'Risk Policy - High'",
    ]);
  });

  itCorpus('words a changed input with its old and new value', () => {
    const { ws, flow } = riskPolicy();
    const after = edit(ws, flow, (d) => {
      const { m, path: p } = find(d, 'Add User to Group');
      return setInputValue(d, m.uuid as CardId, inputId(m, 'Group ID'), '00g1risk', p);
    });
    expect(lines(ws, saved(after))).toEqual([
      "Input 'Group ID' of 'Add User to Group' changed from 'INSERT THE GROUP ID HERE' to '00g1risk' in flow 'Risk Policy - High'",
    ]);
  });

  itCorpus('words an added card by the card it follows', () => {
    const { ws, flow } = riskPolicy();
    const after = edit(ws, flow, (d) => {
      const { m, path: p } = find(d, 'Add User to Group');
      return ok(
        add(d, 'root:channels:http:okta:deactivateUser', {
          kind: 'after',
          card: m.uuid as CardId,
          path: p,
        }).data,
      );
    });
    expect(lines(ws, saved(after))).toEqual([
      "Card 'Deactivate User' added after 'Add User to Group' in flow 'Risk Policy - High'",
    ]);
  });

  itCorpus('words a removed mapping from source output to target input', () => {
    const { ws, flow } = riskPolicy();
    const after = edit(ws, flow, (d) => {
      const { m, path: p } = find(d, 'Create Row');
      return unmapField(d, { card: m.uuid as CardId, input: inputId(m, 'Title') }, p);
    });
    expect(lines(ws, saved(after))).toEqual([
      "Mapping 'Assign' · Title → 'Create Row' · Title removed in flow 'Risk Policy - High'",
    ]);
  });

  itCorpus('words a removed card and a moved card', () => {
    const { ws, flow } = riskPolicy();
    let after = edit(ws, flow, (d) => removeCard(d, find(d, 'Prerequisites').m.uuid as CardId));
    after = edit(after, flow, (d) => {
      const note = find(d, 'Actions Performed').m.uuid as CardId;
      const to = { kind: 'after', card: find(d, 'Assign', 1).m.uuid as CardId } as const;
      return ok(unwrap(moveCard(d, note, to, seededIds(4))).data);
    });
    expect(lines(ws, saved(after))).toEqual([
      "Note 'Prerequisites' removed (it was after 'Assign') in flow 'Risk Policy - High'",
      "Note 'Actions Performed' moved after 'Assign' in flow 'Risk Policy - High'",
    ]);
  });

  itCorpus('words an added flow and save-all-data turned off', () => {
    const ws = read(corpusText('suspend_inactive_users'));
    const folder = Object.keys(ws.folders)[0] as FolderId;
    const parent = Object.values(ws.flows).find((f) => f.name.includes('Parent'))?.id as FlowId;
    let after = unwrap(
      createFlow(ws, folder, { name: 'Risk Policy - Low (Notify)' }, seededIds(9)),
    ).workspace;
    after = unwrap(setSaveAllData(after, parent, false));
    expect(lines(ws, saved(after))).toEqual([
      "Save all data turned off in flow 'Inactivity-based Suspension - Parent Flow'",
      "Flow 'Risk Policy - Low (Notify)' added (No event, 0 cards)",
    ]);
  });

  itCorpus('lists several edits of one flow in the order of the flow', () => {
    const { ws, flow } = riskPolicy();
    let after = unwrap(setFlowProperties(ws, flow, { description: 'High-risk users' }));
    after = edit(after, flow, (d) => {
      const { m, path: p } = find(d, 'Add User to Group');
      const to = { kind: 'after', card: m.uuid as CardId, path: p } as const;
      return ok(add(d, 'root:channels:http:okta:deactivateUser', to).data);
    });
    after = edit(after, flow, (d) =>
      setCardTitle(d, find(d, 'Assign', 1).m.uuid as CardId, 'Parse Event'),
    );
    after = unwrap(setSaveAllData(after, flow, true));
    expect(lines(ws, saved(after))).toEqual([
      "Description changed from '' to 'High-risk users' in flow 'Risk Policy - High'",
      "Save all data turned on in flow 'Risk Policy - High'",
      "Card 'Assign' renamed to 'Parse Event' in flow 'Risk Policy - High'",
      "Card 'Deactivate User' added after 'Add User to Group' in flow 'Risk Policy - High'",
    ]);
  });

  itCorpus(
    'words a card moved into the other branch of an If/Else, and the mapping that lost its source',
    () => {
      const ws = read(corpusText('googledrive_file_transfer'));
      const flow = Object.values(ws.flows).find((f) => f.name.startsWith('[1.1]'))?.id as FlowId;
      const after = edit(ws, flow, (d) => {
        const ifElse = find(d, 'If/Else').m;
        const falseHead = Object.entries(ifElse.branches).find(([, v]) => !v)?.[0] as CardId;
        const to = { kind: 'branchStart', head: falseHead } as const;
        return ok(
          unwrap(moveCard(d, find(d, 'Delete Row').m.uuid as CardId, to, seededIds(3))).data,
        );
      });
      expect(lines(ws, saved(after))).toEqual([
        "Card 'Delete Row' moved to the start of the False branch of 'If/Else' in flow '[1.1] Read Specific Transfer Status'",
        "Mapping 'Search Rows' · Row ID → 'Delete Row' · Row ID removed in flow '[1.1] Read Specific Transfer Status'",
      ]);
    },
  );

  itCorpus('matches a flow with a new id by its name, and reports a renamed flow by its id', () => {
    const text = corpusText('suspend_inactive_users');
    const ws = read(text);
    const [first] = Object.keys(ws.flows);
    const newId = '00000000-0000-4000-8000-000000000001';
    expect(lines(ws, read(text.split(first ?? '').join(newId)))).toEqual(['No changes']);
    const renamed = unwrap(setFlowProperties(ws, first as FlowId, { name: 'Suspension helper' }));
    expect(lines(ws, saved(renamed))).toEqual([
      "Flow 'Inactivity-based Suspension - Helper Flow ' renamed to 'Suspension helper'",
    ]);
  });

  itCorpus('treats a missing side as a file added or removed', () => {
    const ws = read(corpusText('suspend_inactive_users'));
    expect(diffLines(diffWorkspaces(ws, null))).toEqual([
      "Flow 'Inactivity-based Suspension - Helper Flow ' removed (Helper flow, 9 cards)",
      "Flow 'Inactivity-based Suspension - Parent Flow' removed (Scheduled flow, 5 cards)",
    ]);
    expect(diffWorkspaces(null, ws).summary).toEqual({
      flowsAdded: 2,
      flowsRemoved: 0,
      flowsChanged: 0,
      flowsUnchanged: 0,
      changes: 2,
    });
  });

  itCorpus('keeps a stable JSON shape', () => {
    const { ws, flow } = riskPolicy();
    const after = saved(
      edit(ws, flow, (d) => setCardTitle(d, find(d, 'Assign', 1).m.uuid as CardId, 'Parse Event')),
    );
    const d = JSON.parse(JSON.stringify(diffWorkspaces(ws, after))) as Record<string, unknown>;
    expect(Object.keys(d)).toEqual(['format', 'version', 'identical', 'summary', 'flows']);
    expect(d).toMatchObject({ format: 'flopack-diff', version: 1, identical: false });
    expect((d['flows'] as { changes: unknown[] }[])[0]?.changes[0]).toEqual({
      kind: 'cardRenamed',
      flow: { id: flow, name: 'Risk Policy - High' },
      card: {
        id: find(after.flows[flow]!.data, 'Parse Event').m.uuid,
        title: 'Parse Event',
        app: 'Flow Control',
        note: false,
      },
      from: 'Assign',
      to: 'Parse Event',
    });
  });

  itCorpus('words a flow moved to another folder, but not a renamed folder', () => {
    const ws = read(corpusText('implementing_xaas_with_personio'));
    const [flow] = Object.values(ws.flows);
    const other = Object.values(ws.folders).find((f) => f.id !== flow?.folderId);
    if (!flow || !other || flow.folderId === null) throw new Error('fixture changed');
    const moved = unwrap(moveFlow(ws, flow.id, other.id));
    expect(lines(ws, saved(moved))).toEqual([
      `Flow '${flow.name}' moved from folder '${ws.folders[flow.folderId]?.name}' to '${other.name}'`,
    ]);
    const renamed = unwrap(renameFolder(ws, flow.folderId, 'Renamed'));
    expect(lines(ws, saved(renamed))).toEqual(['No changes']);
  });
});
