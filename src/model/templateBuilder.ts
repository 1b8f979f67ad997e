/**
 * A small builder over the model operations, for flows assembled in code (the sample
 * templates, benchmarks). Every step is a model operation; a failed step throws, because a
 * template that does not build is a programming error, not user input.
 */
import type { Catalog } from './catalog.ts';
import { createCard } from './catalog.ts';
import { setCardTitle, setInputValue, setNoteText } from './cards.ts';
import { addComposeField, COMPOSE_TEXT, fieldToken, templateKeys } from './compose.ts';
import { addCustomOutput } from './customOutputs.ts';
import type { Result } from './errors.ts';
import { unwrap } from './errors.ts';
import { addEventInput } from './eventInputs.ts';
import { newFlowData, setEvent } from './flows.ts';
import type { HelperSignature } from './helperCalls.ts';
import { setCalledFlow } from './helperCalls.ts';
import type { CardId, FieldId, FlowId, IdSource } from './ids.ts';
import { insertCard } from './insert.ts';
import { mapField } from './mapping.ts';
import type { InsertAt } from './positions.ts';
import type { Json, RawFloData, RawMethod } from './raw.ts';
import type { ScopePath } from './scope.ts';
import { allCardIds, inlineFlows, scopeAt } from './scope.ts';
import { sequenceOf } from './sequence.ts';
import { mapFromOutside } from './wormholes.ts';

/** Builds one flow's content step by step. */
export class FlowBuilder {
  data: RawFloData;

  constructor(
    readonly catalog: Catalog,
    readonly ids: IdSource,
    id: FlowId,
  ) {
    this.data = newFlowData(id, null, ids);
  }

  private apply(r: Result<RawFloData>): void {
    this.data = unwrap(r);
  }

  /** Where each card added inside an inline flow lives (top-level cards are absent). */
  private paths = new Map<string, ScopePath>();

  private pathOf(id: CardId): ScopePath {
    return this.paths.get(id) ?? [];
  }

  private card(id: CardId): RawMethod {
    const m = scopeAt(this.data, this.pathOf(id))?.methods.find((x) => x.uuid === id);
    if (!m) throw new Error(`no card ${id}`);
    return m;
  }

  /** Sets the event card (by catalog id) and returns it. */
  event(catalogId: string): CardId {
    const card = createCard(this.catalog, catalogId, allCardIds(this.data), this.ids);
    this.apply(setEvent(this.data, card));
    return card.uuid as CardId;
  }

  /** Adds an input to the Delegated Flow / Helper Flow card; returns its output id. */
  input(name: string, type: Json): FieldId {
    const r = unwrap(addEventInput(this.data, { name, type }, this.ids));
    this.data = r.data;
    return r.output;
  }

  /** Inserts a catalog card (at the end by default), optionally renamed. */
  add(catalogId: string, title?: string, at: InsertAt = { kind: 'end' }): CardId {
    const card = createCard(this.catalog, catalogId, allCardIds(this.data), this.ids);
    const r = unwrap(insertCard(this.data, at, card, { catalog: this.catalog, ids: this.ids }));
    this.data = r.data;
    if (at.path?.length) this.paths.set(r.card, at.path);
    if (title !== undefined) this.apply(setCardTitle(this.data, r.card, title, at.path));
    return r.card;
  }

  /** Adds a card at the end of an inline flow (If Error's Try arm by default). */
  addInside(container: CardId, catalogId: string, title?: string): CardId {
    const path = this.inside(container);
    const scope = scopeAt(this.data, path);
    const seq = scope ? sequenceOf(scope) : null;
    // Before the inline flow's closing Return, if it has one.
    const steps = (seq?.steps ?? []).filter(
      (st) => scope?.methods.find((m) => m.uuid === st.id)?.node.key !== 'return',
    );
    const last = steps[steps.length - 1]?.id ?? seq?.event;
    if (!last) throw new Error('the inline flow has no event');
    return this.add(catalogId, title, { kind: 'after', card: last, path });
  }

  /** The path into a container card's first inline flow (If Error's Try arm). */
  inside(container: CardId): ScopePath {
    const slot = inlineFlows(this.card(container)).find((e) => e.slot.kind === 'input')?.slot;
    if (!slot) throw new Error('the card holds no inline flow');
    return [...this.pathOf(container), { card: container, slot }];
  }

  /** Adds a note with a title and text. */
  note(title: string, markdown: string): CardId {
    const id = this.add('root:kernel:control:comment');
    this.apply(setNoteText(this.data, id, { title, markdown }));
    return id;
  }

  /** The id of a card's field by key (and group, when keys repeat across groups). */
  field(card: CardId, io: 'inputs' | 'outputs', key: string, group?: string): FieldId {
    const f = Object.values(this.card(card).node.model[io].data).find(
      (x) => x.key === key && (group === undefined || x.group === group),
    );
    if (!f)
      throw new Error(`card ${this.card(card).node.data.name} has no ${io} ${group ?? ''}/${key}`);
    return f.id as FieldId;
  }

  /** Sets a literal input value. */
  set(card: CardId, key: string, value: Json, group?: string): void {
    this.apply(
      setInputValue(
        this.data,
        card,
        this.field(card, 'inputs', key, group),
        value,
        this.pathOf(card),
      ),
    );
  }

  /** Maps `from`'s output into `to`'s input. */
  map(from: CardId, output: string | FieldId, to: CardId, input: string, group?: string): void {
    const out = this.card(from).node.model.outputs.data[output]
      ? (output as FieldId)
      : this.field(from, 'outputs', output);
    const target = { card: to, input: this.field(to, 'inputs', input, group) };
    const fromPath = this.pathOf(from);
    const toPath = this.pathOf(to);
    if (toPath.length === fromPath.length + 1)
      this.apply(mapFromOutside(this.data, { card: from, output: out }, target, toPath, this.ids));
    else this.apply(mapField(this.data, { from: { card: from, output: out }, to: target }, toPath));
  }

  /** Gives a Compose card a sentence whose `{}` placeholders are fed by the given outputs. */
  compose(card: CardId, sentence: string, sources: readonly [CardId, string][]): void {
    for (let i = 0; i < sources.length; i++)
      this.data = unwrap(addComposeField(this.data, card, [], this.ids)).data;
    const text =
      this.card(card).node.model.inputs.data[this.field(card, 'inputs', COMPOSE_TEXT)]?.value.data;
    const keys = templateKeys(typeof text === 'string' ? text : '');
    let k = 0;
    this.set(
      card,
      COMPOSE_TEXT,
      sentence.replace(/\{\}/g, () => fieldToken(keys[k++] ?? '')),
    );
    sources.forEach(([from, output], i) => this.map(from, output, card, keys[i] ?? ''));
  }

  /** Adds a picked output (Object – Get Multiple). */
  pick(card: CardId, key: string, type = 'string'): FieldId {
    const r = unwrap(addCustomOutput(this.data, card, { key, type }, this.pathOf(card), this.ids));
    this.data = r.data;
    return r.output;
  }

  /** Points a Call Flow / For Each card at a helper flow. */
  calls(card: CardId, helper: HelperSignature): void {
    this.apply(setCalledFlow(this.data, card, helper, [], this.ids));
  }
}
