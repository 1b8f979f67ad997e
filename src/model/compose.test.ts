import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusFiles, describeCorpus, itCorpus } from '../../tests/corpus.ts';
import { add, cardById, catalog, deepFreeze, makeDelegatedFlow } from '../../tests/builders.ts';
import { readFlopack } from '../export/flopack/read.ts';
import { writeFlopack } from '../export/flopack/write.ts';
import { inputSections } from './cardForm.ts';
import { viewField } from './cards.ts';
import {
  addComposeField,
  composeDisplay,
  composeFields,
  composeLabels,
  composeSegments,
  composeTemplate,
  fieldToken,
  insertComposeField,
  isCompose,
  removeComposeField,
  setComposeText,
  templateKeys,
} from './compose.ts';
import { unwrap } from './errors.ts';
import type { CardId, FieldId } from './ids.ts';
import { seededIds } from './ids.ts';
import { mapField, mappingInto, mappingsOf } from './mapping.ts';
import type { RawFloData, RawMethod } from './raw.ts';
import { forEachScope } from './scope.ts';
import { sourcesOf } from './summary.ts';
import { buildTemplate } from './templates.ts';

function flow() {
  const { ws, flowId } = makeDelegatedFlow();
  const d0 = ws.flows[flowId]?.data as RawFloData;
  return add(d0, 'root:kernel:string:compose');
}

/** The Slack template: Read User → Compose (five mapped fields) → Slack. */
function slack() {
  const ws = unwrap(buildTemplate(catalog, 'slack-notify', seededIds(3)));
  const data = deepFreeze(Object.values(ws.flows)[0]!.data);
  const compose = data.methods.find(isCompose)!;
  const read = data.methods.find((m) => m.node.data.name === 'Read User')!;
  const output = (label: string) =>
    Object.values(read.node.model.outputs.data).find((o) => viewField(o).label === label)!
      .id as FieldId;
  return { data, card: compose.uuid as CardId, read: read.uuid as CardId, output };
}

const composeOf = (d: RawFloData, card: string): RawMethod => cardById(d, card)!;
const display = (d: RawFloData, card: string): string => {
  const m = composeOf(d, card);
  const sources = sourcesOf(d);
  return composeDisplay(composeTemplate(m), m, (id) => sources.get(`${card}/${id}`));
};

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
    expect(insertComposeField(c.data, event, 0).ok).toBe(false);
    expect(setComposeText(c.data, event, 'x').ok).toBe(false);
  });
});

describe('Compose text as pills', () => {
  it('splits the text into text and named field pills, in order', () => {
    const s = slack();
    const m = composeOf(s.data, s.card);
    const segs = composeSegments(composeTemplate(m), m);
    expect(segs.map((x) => x.kind)).toEqual([
      'text',
      'field',
      'text',
      'field',
      'text',
      'field',
      'text',
      'field',
      'text',
      'field',
      'text',
    ]);
    expect(segs[0]).toEqual({ kind: 'text', text: 'Entity risk rose for ' });
    const rebuilt = segs.map((x) => (x.kind === 'text' ? x.text : fieldToken(x.key))).join('');
    expect(rebuilt).toBe(composeTemplate(m));
  });

  it('shows the text with each field named after its source, never a raw token', () => {
    const s = slack();
    expect(display(s.data, s.card)).toBe(
      'Entity risk rose for {Read User › First name} {Read User › Last name} ' +
        '({Read User › Username}). Okta status: {Read User › Status}, last changed ' +
        '{Read User › Status Changed}.',
    );
  });

  it('names mapped fields after their sources and unmapped ones "Field N"', () => {
    const s = slack();
    const r = unwrap(insertComposeField(s.data, s.card, 0, null, [], seededIds(9)));
    const m = composeOf(r.data, s.card);
    const sources = sourcesOf(r.data);
    const labels = composeLabels(m, (id) => sources.get(`${s.card}/${id}`));
    expect(labels.get(r.input)).toBe('Field 1');
    expect([...labels.values()]).toContain('Read User › First name');
  });

  it('inserts a field mapped from an output at the cursor, in one step', () => {
    const s = slack();
    const at = 'Entity risk rose'.length;
    const r = unwrap(
      insertComposeField(
        s.data,
        s.card,
        at,
        { card: s.read, output: s.output('Primary email') },
        [],
        seededIds(9),
      ),
    );
    const m = composeOf(r.data, s.card);
    const key = m.node.model.inputs.data[r.input]!.key;
    expect(composeTemplate(m).slice(0, at + key.length + 6)).toBe(
      `Entity risk rose${fieldToken(key)}`,
    );
    expect(display(r.data, s.card)).toMatch(/^Entity risk rose\{Read User › Primary email\} for /);
    expect(mappingInto(r.data, s.card, r.input)?.from).toEqual({
      card: s.read,
      output: s.output('Primary email'),
    });
    // As Okta writes a field: a string input, no name stored.
    expect(Object.keys(m.node.model.inputs.data[r.input]!).sort()).toEqual(
      ['flags', 'group', 'id', 'key', 'metadata', 'ref', 'required', 'value'].sort(),
    );
  });

  it('moves a cursor that falls inside a token to its end', () => {
    const s = slack();
    const text = composeTemplate(composeOf(s.data, s.card));
    const start = text.indexOf('{{{');
    const end = text.indexOf('}}}') + 3;
    const r = unwrap(insertComposeField(s.data, s.card, start + 4, null, [], seededIds(9)));
    const after = composeTemplate(composeOf(r.data, s.card));
    const key = composeOf(r.data, s.card).node.model.inputs.data[r.input]!.key;
    expect(after.slice(end, end + key.length + 6)).toBe(fieldToken(key));
    expect(after.slice(0, end)).toBe(text.slice(0, end));
  });

  it('removes a pill with its field input and releases its mapping', () => {
    const s = slack();
    const m = composeOf(s.data, s.card);
    const first = composeFields(m)[0]!;
    const r = unwrap(removeComposeField(s.data, s.card, first.input));
    const after = composeOf(r, s.card);
    expect(after.node.model.inputs.data[first.input]).toBeUndefined();
    expect(composeTemplate(after)).not.toContain(first.key);
    expect(display(r, s.card)).toBe(
      'Entity risk rose for  {Read User › Last name} ' +
        '({Read User › Username}). Okta status: {Read User › Status}, last changed ' +
        '{Read User › Status Changed}.',
    );
    expect(mappingsOf(r).some((x) => x.to.input === first.input)).toBe(false);
    // First name fed nothing else: Okta's `_used` marker goes with it.
    const read = cardById(r, s.read)!;
    expect(read.node.model.outputs.data[s.output('First name')]?._used).toBeUndefined();
  });

  it('removes a field whose token was deleted from the text', () => {
    const s = slack();
    const m = composeOf(s.data, s.card);
    const first = composeFields(m)[0]!;
    // An imported card whose token is gone: the field stays until removed.
    const orphan = unwrap(
      setComposeText(s.data, s.card, composeTemplate(m).replace(fieldToken(first.key), '')),
    );
    expect(composeOf(orphan, s.card).node.model.inputs.data[first.input]).toBeUndefined();
    const imported = structuredClone<RawFloData>(s.data);
    const t = Object.values(composeOf(imported, s.card).node.model.inputs.data).find(
      (f) => f.key === '_text_',
    )!;
    t.value.data = composeTemplate(m).replace(fieldToken(first.key), '');
    const fields = composeFields(composeOf(imported, s.card));
    expect(fields.find((f) => f.input === first.input)?.inText).toBe(false);
    expect(fields.at(-1)?.input).toBe(first.input);
    const r = unwrap(removeComposeField(imported, s.card, first.input));
    expect(composeOf(r, s.card).node.model.inputs.data[first.input]).toBeUndefined();
    expect(mappingsOf(r).some((x) => x.to.input === first.input)).toBe(false);
  });

  it('re-mapping a field renames its pill and keeps its token', () => {
    const s = slack();
    const m = composeOf(s.data, s.card);
    const first = composeFields(m)[0]!;
    const r = unwrap(
      insertComposeField(s.data, s.card, 0, null, [], seededIds(9)), // unrelated edit first
    );
    const remapped = unwrap(
      mapField(r.data, {
        from: { card: s.read, output: s.output('Primary email') },
        to: { card: s.card, input: first.input },
      }),
    );
    expect(composeTemplate(composeOf(remapped, s.card))).toBe(
      composeTemplate(composeOf(r.data, s.card)),
    );
    expect(display(remapped, s.card)).toContain('rose for {Read User › Primary email} {');
  });

  it('typing around the pills keeps them; deleting a pill’s token removes its field', () => {
    const s = slack();
    const m = composeOf(s.data, s.card);
    const text = composeTemplate(m);
    const same = setComposeText(s.data, s.card, text);
    expect(same).toEqual({ ok: true, value: s.data });
    const typed = unwrap(setComposeText(s.data, s.card, `Alert: ${text}`));
    expect(composeFields(composeOf(typed, s.card))).toHaveLength(5);
    const second = composeFields(m)[1]!;
    const cut = unwrap(setComposeText(s.data, s.card, text.replace(fieldToken(second.key), '')));
    expect(composeFields(composeOf(cut, s.card)).map((f) => f.input)).not.toContain(second.input);
    expect(mappingsOf(cut)).toHaveLength(mappingsOf(s.data).length - 1);
  });

  it('refuses a typed token of no field, and text past the limit, changing nothing', () => {
    const s = slack();
    const r = setComposeText(s.data, s.card, 'Hi {{{madeUp}}}');
    expect(r.ok ? null : r.problems[0]?.code).toBe('COMPOSE_E003');
    const long = setComposeText(s.data, s.card, 'x'.repeat(100_001));
    expect(long.ok ? null : long.problems[0]?.code).toBe('COMPOSE_E004');
  });

  it('reads a token whose field is missing as "{missing field}"', () => {
    const s = slack();
    const imported = structuredClone<RawFloData>(s.data);
    const t = Object.values(composeOf(imported, s.card).node.model.inputs.data).find(
      (f) => f.key === '_text_',
    )!;
    t.value.data = 'Hi {{{gone}}}!';
    expect(display(imported, s.card)).toBe('Hi {missing field}!');
  });
});

describeCorpus('Compose cards of real exports', () => {
  itCorpus('read as pills and write back byte for byte, with no raw token shown', () => {
    let cards = 0;
    for (const file of corpusFiles()) {
      const text = readFileSync(file, 'utf8');
      const ws = unwrap(readFlopack(text));
      for (const f of Object.values(ws.flows)) {
        let data = f.data;
        forEachScope(f.data, (scope, path) => {
          const sources = sourcesOf(scope);
          for (const m of scope.methods) {
            if (!isCompose(m)) continue;
            cards++;
            const template = composeTemplate(m);
            const segs = composeSegments(template, m);
            const rebuilt = segs
              .map((x) => (x.kind === 'text' ? x.text : fieldToken(x.key)))
              .join('');
            expect(rebuilt).toBe(template);
            expect(
              composeDisplay(template, m, (id) => sources.get(`${m.uuid}/${id}`)),
            ).not.toContain('{{{');
            // Setting the text the editor rebuilds changes nothing.
            data = unwrap(setComposeText(data, m.uuid as CardId, rebuilt, path));
          }
        });
        // Nothing changed, down to the object: the file writes back byte for byte.
        expect(data === f.data).toBe(true);
      }
      expect(unwrap(writeFlopack(ws)) === text).toBe(true);
    }
    expect(cards).toBeGreaterThan(100);
  });
});
