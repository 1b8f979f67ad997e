import { describe, expect, it } from 'vitest';
import { catalog } from '../../tests/builders.ts';
import { templatePacks } from '../../tests/templatePacks.ts';
import { createCard } from './catalog.ts';
import { sourceGroups } from './cardForm.ts';
import type { FlowId } from './ids.ts';
import { seededIds } from './ids.ts';
import { mappingsOf } from './mapping.ts';
import type { RawField, RawFloData } from './raw.ts';
import { FlowBuilder } from './templateBuilder.ts';
import { DELEGATED_CALLER_NOTE } from './templates.ts';

const DELEGATED = 'root:kernel:http:delegated';

const fixed = (fields: Record<string, RawField>) =>
  Object.values(fields)
    .filter((f) => f.metadata.custom !== true)
    .map((f) => `${f.group}/${f.key}:${JSON.stringify(f.value.type)}:${f.metadata.displayname}`);

describe('the Delegated Flow card offers what Okta’s offers', () => {
  it('Okta User ID, Execution ID and the Caller object, on both sides as Okta mirrors them', () => {
    const card = createCard(catalog, DELEGATED, new Set(), seededIds(2));
    const want = [
      'user context/okta-user-id:"string":Okta User ID',
      'context/execution_id:"string":Execution ID',
      'context/caller:"object":Caller',
    ];
    expect(fixed(card.node.model.inputs.data)).toEqual(want);
    expect(fixed(card.node.model.outputs.data)).toEqual(want);
    const caller = Object.values(card.node.model.outputs.data).find((f) => f.key === 'caller');
    // Written like its neighbour Execution ID: no value until a run, index after it.
    expect(caller).toEqual({
      id: caller?.id,
      group: 'context',
      key: 'caller',
      value: { error: false, type: 'object', collection: false, data: null, available: [] },
      ref: false,
      metadata: { displayname: 'Caller', index: 2 },
    });
    const input = Object.values(card.node.model.inputs.data).find((f) => f.key === 'caller');
    expect(input).toMatchObject({ required: false, flags: 'd' });
  });

  it('a later card maps Caller (and Okta User ID), and the export keeps the mapping', () => {
    const ids = seededIds(9);
    const b = new FlowBuilder(catalog, ids, ids.uuid() as FlowId);
    const event = b.event(DELEGATED);
    const json = b.add('root:kernel:json:stringify');
    const target = Object.values(
      b.data.methods.find((m) => m.uuid === json)!.node.model.inputs.data,
    )[0]!;
    const offered = sourceGroups(b.data, json).flatMap((g) => g.outputs.map((o) => o.label));
    expect(offered).toEqual(expect.arrayContaining(['Okta User ID', 'Caller', 'Execution ID']));
    b.map(event, 'caller', json, target.key);
    const data: RawFloData = b.data;
    const wire = mappingsOf(data).find((m) => m.to.card === json)!;
    const from = data.methods.find((m) => m.uuid === wire.from.card)!;
    expect(from.node.model.outputs.data[wire.from.output]?.key).toBe('caller');
    expect(from.node.model.outputs.data[wire.from.output]?._used).toBe(true);
  });

  it('every template flow’s Delegated Flow has the Caller, and its note says Okta User ID carries the at-risk user', () => {
    expect(DELEGATED_CALLER_NOTE).toMatch(/Okta User ID carries the at-risk user/);
    expect(DELEGATED_CALLER_NOTE).toMatch(/Caller object/);
    let delegated = 0;
    for (const [, text] of templatePacks()) {
      const pack = JSON.parse(text) as { data: { flos: Record<string, { data: RawFloData }> } };
      for (const flo of Object.values(pack.data.flos)) {
        const event = flo.data.methods.find((m) => m.node.key === 'delegated');
        if (!event) continue;
        delegated++;
        expect(fixed(event.node.model.outputs.data)).toContain('context/caller:"object":Caller');
        expect(JSON.stringify(flo.data)).toContain(DELEGATED_CALLER_NOTE.slice(0, 60));
      }
    }
    expect(delegated).toBe(3);
  });
});
