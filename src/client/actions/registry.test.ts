import { describe, expect, it } from 'vitest';
import { catalog } from '../../catalog/index.ts';
import { ok } from '../../model/errors.ts';
import type { FlowDto } from '../../contract/api.ts';
import { makeDelegatedFlow } from '../../../tests/builders.ts';
import { createEditorStore } from '../editorStore.ts';
import type { ActionEnv } from './registry.ts';
import { ACTIONS, actionById, actionForKey } from './registry.ts';
import { insertFromCatalog, insertionPoint } from '../canvas/commands.ts';
import { cardsInOrder } from '../../model/insert.ts';
import type { CardId } from '../../model/ids.ts';

const cardOrderTitles = (e: ActionEnv): string[] =>
  cardsInOrder(e.store.getState().flow.data).map((m) => m.node.data.name);
const cardIdOf = (e: ActionEnv, title: string): CardId =>
  cardsInOrder(e.store.getState().flow.data).find((m) => m.node.data.name === title)
    ?.uuid as CardId;

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
    studio: {
      openDialog: noop,
      showPanel: noop,
      toggleTheme: noop,
      chooseFlow: noop,
      toggleActive: noop,
    },
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
  it('reaches the drawer tools and dialogs through the studio commands', () => {
    const e = env();
    const seen: string[] = [];
    e.studio = {
      openDialog: (d) => seen.push(`dialog:${d}`),
      showPanel: (p) => seen.push(`panel:${p}`),
      toggleTheme: () => seen.push('theme'),
      chooseFlow: () => seen.push('flows'),
      toggleActive: () => seen.push('on/off'),
    };
    const ids = [
      'check',
      'test-run',
      'versions',
      'compare',
      'export',
      'connections',
      'theme',
      'open-flow',
    ];
    for (const id of [...ids, 'toggle-on']) ACTIONS.find((a) => a.id === id)?.run(e);
    expect(seen).toEqual([
      'panel:check',
      'panel:test',
      'panel:versions',
      'dialog:compare',
      'dialog:export',
      'dialog:connections',
      'theme',
      'flows',
      'on/off',
    ]);
  });
});

describe('moving the selected card with the keyboard', () => {
  const keyOf = (key: string, altKey: boolean) =>
    ({ key, altKey, ctrlKey: false, metaKey: false, shiftKey: false }) as KeyboardEvent;

  it('moves it later on Alt+Arrow Down and back on Undo, one step each', () => {
    const e = env();
    const titles = () => cardOrderTitles(e);
    const ids = ['root:channels:http:okta:readUser', 'root:kernel:string:compose'];
    for (const id of ids)
      insertFromCatalog(e.store, catalog, id, insertionPoint(e.store.getState().selection));
    const read = cardIdOf(e, 'Read User');
    e.store.getState().select({ card: read, path: [] });
    expect(titles()).toEqual(['Delegated Flow', 'Read User', 'Compose']);
    const down = actionForKey(keyOf('ArrowDown', true), e);
    expect(down?.id).toBe('move-later');
    down?.run(e);
    expect(titles()).toEqual(['Delegated Flow', 'Compose', 'Read User']);
    expect(actionForKey(keyOf('ArrowDown', false), e)?.id).toBe('lane-down');
    e.store.temporal.getState().undo();
    expect(titles()).toEqual(['Delegated Flow', 'Read User', 'Compose']);
  });

  it('reports why a move is refused and changes nothing', () => {
    const e = env();
    const said: string[] = [];
    e.report = (problems) => {
      if (problems?.[0]) said.push(problems[0].code);
    };
    insertFromCatalog(e.store, catalog, 'root:channels:http:okta:readUser', { kind: 'end' });
    const before = e.store.getState().flow;
    actionById('move-earlier')?.run(e);
    expect(said).toEqual(['EDIT_E010']);
    expect(e.store.getState().flow).toBe(before);
  });
});
