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
    studio: { openDialog: noop, showPanel: noop, toggleTheme: noop, chooseFlow: noop },
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
    for (const id of [
      'undo',
      'save',
      'add-card',
      'set-event',
      'add-note',
      'toggle-on',
      'properties',
    ])
      expect(left).not.toContain(id);
    expect(left).toContain('commands');
  });
});

describe('flow commands', () => {
  it('turns the flow ON and OFF again, each one undo step', () => {
    const e = env();
    const toggle = ACTIONS.find((a) => a.id === 'toggle-on');
    if (!toggle) throw new Error('no toggle-on action');
    toggle.run(e);
    expect(e.store.getState().flow.active).toBe(true);
    toggle.run(e);
    expect(e.store.getState().flow.active).toBe(false);
    e.store.temporal.getState().undo();
    expect(e.store.getState().flow.active).toBe(true);
  });

  it('reaches the drawer tools and dialogs through the studio commands', () => {
    const e = env();
    const seen: string[] = [];
    e.studio = {
      openDialog: (d) => seen.push(`dialog:${d}`),
      showPanel: (p) => seen.push(`panel:${p}`),
      toggleTheme: () => seen.push('theme'),
      chooseFlow: () => seen.push('flows'),
    };
    for (const id of ['check', 'test-run', 'versions', 'compare', 'export', 'theme', 'open-flow'])
      ACTIONS.find((a) => a.id === id)?.run(e);
    expect(seen).toEqual([
      'panel:check',
      'panel:test',
      'panel:versions',
      'dialog:compare',
      'dialog:export',
      'theme',
      'flows',
    ]);
  });
});
