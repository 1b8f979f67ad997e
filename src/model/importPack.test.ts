import { describe, expect, it } from 'vitest';
import { makeDelegatedFlow, makeWorkspace } from '../../tests/builders.ts';
import { unwrap } from './errors.ts';
import { seededIds } from './ids.ts';
import { planImport } from './importPack.ts';

describe('importing a single-flow export', () => {
  it('at the top level, puts the flow in a new folder named after it', () => {
    const { ws: source, flowId } = makeDelegatedFlow('Risk Policy - High');
    const pack = { ...source, folders: {} };
    const { ws } = makeWorkspace(5);
    const plan = unwrap(planImport(ws, pack, null, seededIds(4)));
    expect(plan.folders.map((f) => [f.name, f.parentId])).toEqual([['Risk Policy - High', null]]);
    const flow = plan.flows[0];
    expect(flow?.name).toBe('Risk Policy - High');
    expect(flow?.folderId).toBe(plan.folders[0]?.id);
    expect(flow?.data.group).toBe(plan.folders[0]?.id);
    expect(plan.report.folders).toBe(1);
    expect(source.flows[flowId]?.folderId).not.toBe(plan.folders[0]?.id);
  });

  it('into a folder, adds no folder', () => {
    const { ws: source } = makeDelegatedFlow('Risk Policy - High');
    const { ws, folderId } = makeWorkspace(5);
    const plan = unwrap(planImport(ws, { ...source, folders: {} }, folderId, seededIds(4)));
    expect(plan.folders).toEqual([]);
    expect(plan.flows[0]?.folderId).toBe(folderId);
  });
});
