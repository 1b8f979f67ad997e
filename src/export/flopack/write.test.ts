import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../../tests/fixtures/flopacks.ts';
import type { FlowId } from '../../model/ids.ts';
import type { Workspace } from '../../model/workspace.ts';
import { readFlopack } from './read.ts';
import { workspaceFlopackChunks, writeFlopack } from './write.ts';

const now = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));

async function streamed(ws: Workspace): Promise<{ text: string; pieces: number }> {
  const pieces: string[] = [];
  const flows = Object.values(ws.flows);
  for await (const piece of workspaceFlopackChunks(
    {
      folders: Object.values(ws.folders),
      flowIds: flows.map((f) => f.id),
      flow: (id) => Promise.resolve(ws.flows[id] ?? null),
      tables: Object.values(ws.tables),
      configs: Object.values(ws.configs),
    },
    { now },
  ))
    pieces.push(piece);
  return { text: pieces.join(''), pieces: pieces.length };
}

/** Where two texts part (-1: nowhere), so a failure prints a position, not megabytes. */
const firstDifference = (a: string, b: string): number => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
};

const edited = (file: string): Workspace => {
  const read = readFlopack(readFileSync(file, 'utf8'));
  if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
  return { ...read.value, origin: null };
};

describe('workspaceFlopackChunks', () => {
  it.each(fixtureFiles().map((f) => [path.basename(f), f]))(
    'writes %s in pieces, one per flow, that join to exactly what writeFlopack writes',
    async (_, file) => {
      const ws = edited(file);
      const whole = writeFlopack(ws, { kind: 'workspace' }, { now });
      if (!whole.ok) throw new Error('write failed');
      const { text, pieces } = await streamed(ws);
      expect(firstDifference(text, whole.value)).toBe(-1);
      expect(pieces).toBe(Object.keys(ws.flows).length + 2);
    },
  );

  it('orders flows with number-like ids as JSON.stringify does, and leaves out vanished ones', async () => {
    const [file] = fixtureFiles();
    if (!file) throw new Error('no fixtures');
    const ws = edited(file);
    const [flow] = Object.values(ws.flows);
    if (!flow) throw new Error('fixture has no flow');
    const numbered = { ...flow, id: '42' as FlowId, name: 'Numbered' };
    const withNumber: Workspace = { ...ws, flows: { ...ws.flows, [numbered.id]: numbered } };
    const whole = writeFlopack(withNumber, { kind: 'workspace' }, { now });
    if (!whole.ok) throw new Error('write failed');
    expect(firstDifference((await streamed(withNumber)).text, whole.value)).toBe(-1);
    expect(Object.keys((JSON.parse(whole.value) as { data: { flos: object } }).data.flos)[0]).toBe(
      '42',
    );

    const pieces: string[] = [];
    for await (const piece of workspaceFlopackChunks(
      {
        folders: [],
        flowIds: [flow.id],
        flow: () => Promise.resolve(null),
        tables: [],
        configs: [],
      },
      { now },
    ))
      pieces.push(piece);
    expect(JSON.parse(pieces.join(''))).toMatchObject({ data: { flos: {}, groups: {} } });
  });
});
