import { describe, expect, it } from 'vitest';
import { catalog } from '../../catalog/index.ts';
import { ok } from '../../model/errors.ts';
import type { FlowDto } from '../../contract/api.ts';
import { makeDelegatedFlow } from '../../../tests/builders.ts';
import { createEditorStore } from '../editorStore.ts';
import type { ActionEnv } from './registry.ts';
import { ACTIONS } from './registry.ts';

function env(): ActionEnv {
  const { ws, flowId } = makeDelegatedFlow();
  const flow = ws.flows[flowId];
  if (!flow) throw new Error('no flow');
  const dto: FlowDto = {
    id: flow.id,
    name: flow.name,
    description: '',
    folderId: flow.folderId,
    active: false,
    saveAllData: false,
    kind: 'delegated',
    revision: 1,
    updatedAt: '2026-06-01T12:00:00.000Z',
    content: flow.data,
  };
  const noop = () => undefined;
  return {
    store: createEditorStore(dto),
    catalog,
    save: noop,
    openPalette: noop,
    openCommands: noop,
    openEvents: noop,
    focusInspector: noop,
    viewport: null,
    clipboard: { get: () => null, set: noop },
    report: noop,
    focusCard: noop,
  };
}

const enabledIds = (e: ActionEnv): string[] => ACTIONS.filter((a) => a.enabled(e)).map((a) => a.id);

describe('actions on a read-only draft', () => {
  it('offers no action that changes the flow, only reading and moving around', () => {
    const e = env();
    e.store.getState().edit((f) => ok({ ...f, active: true }));
    expect(enabledIds(e)).toEqual(expect.arrayContaining(['undo', 'save', 'add-card']));
    e.store.getState().setReadOnly('Viewers cannot edit.');
    const left = enabledIds(e);
    for (const id of ['undo', 'save', 'add-card', 'set-event', 'add-note'])
      expect(left).not.toContain(id);
    expect(left).toContain('commands');
  });
});
