import { describe, expect, it } from 'vitest';
import { add, cardById, deepFreeze, makeDelegatedFlow } from '../../tests/builders.ts';
import { inputSections } from './cardForm.ts';
import { addComposeField, composeLabels, templateKeys } from './compose.ts';
import { unwrap } from './errors.ts';
import { seededIds } from './ids.ts';
import type { RawFloData } from './raw.ts';

function flow() {
  const { ws, flowId } = makeDelegatedFlow();
  const d0 = ws.flows[flowId]?.data as RawFloData;
  return add(d0, 'root:kernel:string:compose');
}

describe('Compose fields', () => {
  it('finds the fields a template refers to, once each, in order', () => {
    expect(templateKeys('{{{b}}} and {{{a}}} and {{{b}}}')).toEqual(['b', 'a']);
  });

  it('adds a field and appends its token to the text', () => {
    const c = flow();
    const r = unwrap(addComposeField(deepFreeze(c.data), c.id, [], seededIds(5)));
    const m = cardById(r.data, c.id)!;
    const field = m.node.model.inputs.data[r.input]!;
    const text = Object.values(m.node.model.inputs.data).find((f) => f.key === '_text_');
    expect(text?.value.data).toBe(`{{{${field.key}}}}`);
    expect(field).toMatchObject({ group: null, flags: 'd', value: { type: 'string', data: '' } });
    expect(composeLabels(m).get(r.input)).toBe('Field 1');
  });

  it('labels the template "Text" in the form', () => {
    const c = flow();
    const fields = inputSections(cardById(c.data, c.id)!).flatMap((s) => s.fields);
    expect(fields.map((f) => f.label)).toEqual(['Text']);
  });

  it('refuses cards that are not Compose', () => {
    const c = flow();
    const event = c.data.methods[0]!.uuid as never;
    expect(addComposeField(c.data, event).ok).toBe(false);
  });
});
