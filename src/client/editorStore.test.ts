import { describe, expect, it } from 'vitest';
import { ok } from '../model/errors.ts';
import type { FlowDto } from '../contract/api.ts';
import { makeDelegatedFlow } from '../../tests/builders.ts';
import { createEditorStore, isDirty } from './editorStore.ts';

function dto(): FlowDto {
  const { ws, flowId } = makeDelegatedFlow();
  const flow = ws.flows[flowId];
  if (!flow) throw new Error('no flow');
  return {
    id: flow.id,
    name: flow.name,
    description: flow.description,
    folderId: flow.folderId,
    active: false,
    saveAllData: false,
    kind: 'delegated',
    revision: 3,
    updatedAt: '2026-06-01T12:00:00.000Z',
    content: flow.data,
  };
}

describe('a read-only draft', () => {
  it('refuses every edit with the reason, leaving the draft and its history untouched', () => {
    const store = createEditorStore(dto());
    const reason = "Viewers can't edit flows — ask an admin for the editor role.";
    store.getState().setReadOnly(reason);
    const problems = store.getState().edit((f) => ok({ ...f, active: true }));
    expect(problems).toEqual([{ code: 'ROLE_E001', message: reason }]);
    expect(store.getState().flow.active).toBe(false);
    expect(isDirty(store.getState())).toBe(false);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('edits again once the role allows it', () => {
    const store = createEditorStore(dto());
    store.getState().setReadOnly('no');
    store.getState().setReadOnly(null);
    expect(store.getState().edit((f) => ok({ ...f, active: true }))).toBeNull();
    expect(store.getState().flow.active).toBe(true);
    expect(isDirty(store.getState())).toBe(true);
  });
});

describe('turning the flow ON or OFF', () => {
  it('takes effect without unsaved changes or an undo step', () => {
    const store = createEditorStore(dto());
    store.getState().activeSet(true);
    expect(store.getState().flow.active).toBe(true);
    expect(store.getState().saved.active).toBe(true);
    expect(isDirty(store.getState())).toBe(false);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('keeps a draft’s other unsaved changes', () => {
    const store = createEditorStore(dto());
    store.getState().edit((f) => ok({ ...f, description: 'draft' }));
    store.getState().activeSet(true);
    expect(store.getState().flow).toMatchObject({ active: true, description: 'draft' });
    expect(store.getState().saved).toMatchObject({ active: true, description: '' });
    expect(isDirty(store.getState())).toBe(true);
  });
});
