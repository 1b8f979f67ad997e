import { describe, expect, it } from 'vitest';
import { corpusFiles, corpusName, corpusText, itCorpus } from '../../tests/corpus.ts';
import {
  callerFieldProblems,
  callerFieldsOf,
  callerProblemsIn,
  dataKind,
  isListCaller,
} from '../../tests/callerShape.ts';
import { fixtureFiles } from '../../tests/fixtures/flopacks.ts';
import { templatePacks } from '../../tests/templatePacks.ts';
import { readFileSync } from 'node:fs';
import { unwrap } from './errors.ts';
import { callsHelper, helperSignature, setCalledFlow } from './helperCalls.ts';
import { itemRoute, setItemRoute } from './helperItem.ts';
import type { CardId } from './ids.ts';
import { seededIds } from './ids.ts';
import type { Json, RawField, RawFloData, RawMethod } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { forEachScope, scopeAt, updateScope } from './scope.ts';

interface Pack {
  data: { flos: Record<string, { name: string; data: RawFloData }> };
}

const corpusPacks = (): [string, Pack][] =>
  corpusFiles().map((f) => [corpusName(f), JSON.parse(corpusText(corpusName(f))) as Pack]);

/** Every card of a pack that calls a helper flow of the same pack. */
function helperCalls(
  pack: Pack,
): { flow: RawFloData; m: RawMethod; path: ScopePath; helper: RawFloData; helperId: string }[] {
  const out: ReturnType<typeof helperCalls> = [];
  for (const flo of Object.values(pack.data.flos))
    forEachScope(flo.data, (s, path) => {
      for (const m of s.methods) {
        if (!callsHelper(m)) continue;
        const id = Object.values(m.node.model.inputs.data).find((f) => f.key === 'flo')?.value.data;
        const helper = typeof id === 'string' ? pack.data.flos[id] : undefined;
        if (helper && typeof id === 'string')
          out.push({ flow: flo.data, m, path, helper: helper.data, helperId: id });
      }
    });
  return out;
}

const typeKind = (t: Json): string => (typeof t === 'string' ? t : 'structured');

/** What must match between Okta's caller field and ours (values the author typed aside). */
const shape = (m: RawMethod, f: RawField) => ({
  keys: Object.keys(f),
  valueKeys: Object.keys(f.value),
  proxy: f.value.proxy,
  ref: f.ref,
  required: f.required,
  metadata: Object.keys(f.metadata).filter((k) => ['index', 'custom', 'transient'].includes(k)),
  data: dataKind(f.value.data),
  type: isListCaller(m) ? typeKind(f.value.type) : f.value.type === 'string' ? 'string' : 'other',
});

/** The card rebuilt by the model: its caller fields dropped, the helper chosen again, the item routed as Okta's. */
function rebuild(call: ReturnType<typeof helperCalls>[number]): RawMethod {
  const { m, path } = call;
  const stripped: RawMethod = {
    ...m,
    node: {
      ...m.node,
      model: {
        ...m.node.model,
        inputs: {
          ...m.node.model.inputs,
          data: Object.fromEntries(
            Object.entries(m.node.model.inputs.data).filter(([, f]) => f.metadata.custom !== true),
          ),
        },
      },
    },
  };
  const data = updateScope(call.flow, path, (s) => ({
    ...s,
    methods: s.methods.map((x) => (x.uuid === m.uuid ? stripped : x)),
  }));
  const sig = unwrap(helperSignature(call.helperId, call.helper));
  let next = unwrap(setCalledFlow(data, m.uuid as CardId, sig, path, seededIds(3)));
  const route = itemRoute(m);
  if (isListCaller(m))
    next = unwrap(
      setItemRoute(next, m.uuid as CardId, route?.key ?? null, route?.path ?? '', path),
    );
  const again = scopeAt(next, path)?.methods.find((x) => x.uuid === m.uuid);
  if (!again) throw new Error(`lost ${m.uuid}`);
  return again;
}

describe('fields passed to a helper flow, as Okta writes them', () => {
  itCorpus(
    'every helper-call field of Okta’s own exports follows the rules the tests apply',
    () => {
      let fields = 0;
      for (const [file, pack] of corpusPacks())
        for (const flo of Object.values(pack.data.flos)) {
          expect(callerProblemsIn(flo.data), file).toEqual([]);
          forEachScope(flo.data, (s) => {
            for (const m of s.methods) if (callsHelper(m)) fields += callerFieldsOf(m).length;
          });
        }
      expect(fields).toBeGreaterThan(100);
    },
  );

  itCorpus(
    'choosing the helper again rebuilds each of Okta’s helper-call cards field for field',
    () => {
      let compared = 0;
      let objects = 0;
      for (const [file, pack] of corpusPacks())
        for (const call of helperCalls(pack)) {
          const ours = rebuild(call);
          for (const okta of callerFieldsOf(call.m)) {
            const mine = callerFieldsOf(ours).find((f) => f.key === okta.key);
            if (!mine) continue; // a field for an input the helper no longer has
            const what = `${file} › ${call.m.node.data.name} › ${okta.key}`;
            const expected = shape(call.m, okta);
            // Okta keeps the type the list had when the helper was chosen; a later change to the
            // helper's input type leaves the caller's as it was (one instance in the corpus).
            const got = shape(ours, mine);
            // The model routes the item to one input; Okta may route fields of it to several.
            const extraRoute =
              (okta.value.proxy as { dynamic?: boolean } | undefined)?.dynamic === true &&
              itemRoute(call.m)?.key !== okta.key;
            if (extraRoute) got.proxy = expected.proxy;
            if (expected.type !== got.type && typeKind(okta.value.type) === 'string') continue;
            expect(got, what).toEqual(expected);
            compared++;
            if (dataKind(okta.value.data) === 'object') objects++;
          }
        }
      expect(compared).toBeGreaterThan(300);
      expect(objects).toBeGreaterThan(5);
    },
  );

  it('the fixtures and the three templates write every helper-call field as Okta does', () => {
    const texts = [
      ...fixtureFiles().map((f) => readFileSync(f, 'utf8')),
      ...templatePacks().map(([, t]) => t),
    ];
    let fields = 0;
    for (const text of texts)
      for (const flo of Object.values((JSON.parse(text) as Pack).data.flos)) {
        expect(callerProblemsIn(flo.data)).toEqual([]);
        forEachScope(flo.data, (s) => {
          for (const m of s.methods) if (callsHelper(m)) fields += callerFieldsOf(m).length;
        });
      }
    expect(fields).toBeGreaterThanOrEqual(6);
  });

  it('For Each gives an Object input `{}`, fed by the item or fixed, and a typed copy of the helper’s record type', () => {
    const [, text] = templatePacks().find(([n]) => n.includes('quarantine'))!;
    const pack = JSON.parse(text) as Pack;
    const [call] = helperCalls(pack).filter((c) => c.m.node.key === 'each');
    expect(call).toBeDefined();
    const group = callerFieldsOf(call!.m).find((f) => f.key === 'Group')!;
    expect(group.value.data).toEqual({});
    expect(group.value.type).toMatchObject({ ID: { type: 'string' }, Type: { type: 'string' } });
    expect(group.metadata).toEqual({ index: 3, custom: true });
    // Sending the item elsewhere leaves a fixed-value Object input, still `{}`.
    const moved = unwrap(setItemRoute(call!.flow, call!.m.uuid as CardId, null));
    const after = callerFieldsOf(moved.methods.find((x) => x.uuid === call!.m.uuid)!);
    expect(after.find((f) => f.key === 'Group')?.value).toMatchObject({
      proxy: { dynamic: false, path: null, dest: { key: 'Group', group: null } },
      data: {},
    });
    for (const f of after) expect(callerFieldProblems(call!.m, f)).toEqual([]);
  });
});
