import { describe, expect, it } from 'vitest';
import { add, cardById, makeDelegatedFlow } from '../../../tests/builders.ts';
import { addComposeField } from '../../model/compose.ts';
import { unwrap } from '../../model/errors.ts';
import { seededIds } from '../../model/ids.ts';
import type { RawFloData } from '../../model/raw.ts';
import { inputLabel } from './faces.ts';

describe('input labels in reviews and Compare', () => {
  it('names a Compose card’s template "Text" and its fields "Field 1", not their keys', () => {
    const { ws, flowId } = makeDelegatedFlow();
    const c = add(ws.flows[flowId]?.data as RawFloData, 'root:kernel:string:compose');
    const r = unwrap(addComposeField(c.data, c.id, [], seededIds(5)));
    const m = cardById(r.data, c.id)!;
    const labels = Object.values(m.node.model.inputs.data).map((f) => inputLabel(f, m));
    expect(labels.sort()).toEqual(['Field 1', 'Text']);
  });
});
