import { describe, expect, it } from 'vitest';
import { catalog, deepFreeze, makeWorkspace } from '../../tests/builders.ts';
import { createCard } from './catalog.ts';
import { unwrap } from './errors.ts';
import { scheduledEvent } from './events.ts';
import { createFolder } from './folders.ts';
import {
  createFlow,
  deleteFlow,
  editFlowContent,
  flowKind,
  moveFlow,
  setActive,
  setEvent,
  setFlowProperties,
  setSaveAllData,
} from './flows.ts';
import type { FlowId } from './ids.ts';
import { allCardIds } from './scope.ts';

describe('flows', () => {
  it('creates "Unnamed", then "Unnamed (2)" in the same folder, with no event and data saving off', () => {
    const { ws, folderId } = makeWorkspace();
    deepFreeze(ws);
    const a = unwrap(createFlow(ws, folderId));
    const b = unwrap(createFlow(a.workspace, folderId));
    expect([a.flow.name, b.flow.name]).toEqual(['Unnamed', 'Unnamed (2)']);
    expect(flowKind(a.flow.data)).toBe('none');
    expect(a.flow.data.log).toBe(false);
    expect(a.flow.active).toBe(false);
    expect(a.flow.data.group).toBe(folderId);
  });

  it('sets a unique name and a description, and refuses a name used in the same folder', () => {
    const { ws, folderId } = makeWorkspace();
    const a = unwrap(createFlow(ws, folderId, { name: 'Risk Policy - Low (Notify)' }));
    const b = unwrap(createFlow(a.workspace, folderId));
    const clash = setFlowProperties(b.workspace, b.flow.id, { name: 'risk policy - low (notify)' });
    expect(clash.ok ? null : clash.problems[0]?.code).toBe('FLOW_E002');
    const named = unwrap(
      setFlowProperties(b.workspace, b.flow.id, {
        name: 'Risk Policy - High',
        description: 'Deactivates the user',
      }),
    );
    expect(named.flows[b.flow.id]).toMatchObject({
      name: 'Risk Policy - High',
      description: 'Deactivates the user',
    });
  });

  it('allows the same flow name in another folder, and refuses a move onto a clash', () => {
    const { ws, folderId } = makeWorkspace();
    const other = unwrap(createFolder(ws, { name: 'Other', parentId: null }));
    const a = unwrap(createFlow(other.workspace, folderId, { name: 'Notify' }));
    const b = unwrap(createFlow(a.workspace, other.folder.id, { name: 'Notify' }));
    const r = moveFlow(b.workspace, b.flow.id, folderId);
    expect(r.ok ? null : r.problems[0]?.code).toBe('FLOW_E002');
  });

  it('switches ON/OFF and save-all-data (the `log` field)', () => {
    const { ws, folderId } = makeWorkspace();
    const a = unwrap(createFlow(ws, folderId));
    const on = unwrap(
      setSaveAllData(unwrap(setActive(a.workspace, a.flow.id, true)), a.flow.id, true),
    );
    expect(on.flows[a.flow.id]?.active).toBe(true);
    expect(on.flows[a.flow.id]?.data.log).toBe(true);
    expect(unwrap(deleteFlow(on, a.flow.id)).flows).toEqual({});
    expect(deleteFlow(on, 'nope' as FlowId).ok).toBe(false);
  });

  it('sets the event: delegated, helper and scheduled flows get the settings Okta writes', () => {
    const { ws, folderId } = makeWorkspace();
    const a = unwrap(createFlow(ws, folderId));
    const set = (make: (taken: Set<string>) => ReturnType<typeof createCard>, scheduled = false) =>
      unwrap(
        editFlowContent(a.workspace, a.flow.id, (d) =>
          setEvent(d, make(allCardIds(d)), { scheduled }),
        ),
      ).flows[a.flow.id]?.data;
    const delegated = set((t) => createCard(catalog, 'root:kernel:http:delegated', t));
    expect(flowKind(delegated!)).toBe('delegated');
    expect(delegated).toMatchObject({
      security_level: 'high',
      display: { isPublishable: true, isCallable: false },
    });
    const helper = set((t) => createCard(catalog, 'root:kernel:control:callable', t));
    expect(flowKind(helper!)).toBe('helper');
    expect(helper?.display.isCallable).toBe(true);
    const scheduled = set((t) => scheduledEvent(catalog, t), true);
    expect(flowKind(scheduled!)).toBe('scheduled');
    expect(scheduled?.scheduled).toBe(true);
    const app = editFlowContent(a.workspace, a.flow.id, (d) =>
      setEvent(d, createCard(catalog, 'root:channels:http:okta:userSuspended', allCardIds(d))),
    );
    expect(app.ok ? null : app.problems[0]?.code).toBe('EVENT_E002');
  });
});
