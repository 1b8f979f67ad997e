/**
 * Where each mapped input of a scope comes from, named as a reviewer reads it:
 * "Read User · ID", or "Read User · Profile.login" when a sub-field was mapped through one of
 * the hidden expand cards the console inserts.
 */
import { isExpand } from '../../model/cardRoles.ts';
import { viewField } from '../../model/cards.ts';
import type { RawField, RawFloData, RawMethod, RawScope } from '../../model/raw.ts';
import { cardIn, forEachScope, inlineFlows, scopeAt } from '../../model/scope.ts';
import { armLabel } from '../../model/summary.ts';
import { sequenceOf } from '../../model/sequence.ts';

/** The source of one mapped input. */
export interface Source {
  /** The card that produces the value (the expand card's source, for sub-fields). */
  card: string;
  cardTitle: string;
  /** The output's id on `card`. */
  outputId: string;
  /** The output's label, with a sub-field path after a dot when there is one. */
  output: string;
  /** `cardTitle · output`. */
  text: string;
}

const label = (f: RawField | undefined, fallback: string): string =>
  f ? viewField(f).label : fallback;

function pathOf(f: RawField | undefined): string[] {
  const p = f?.metadata['path'];
  return Array.isArray(p) ? p.filter((x): x is string => typeof x === 'string') : [];
}

/** Resolves one pinned output of `m` to the card and output a reviewer would name. */
function resolve(m: RawMethod, outputId: string, byId: Map<string, RawMethod>): Source {
  const field = m.node.model.outputs.data[outputId];
  if (isExpand(m)) {
    const meta = field?.metadata ?? {};
    const srcCard =
      typeof meta['srcMethodId'] === 'string' ? meta['srcMethodId'] : m.node.data.name;
    const src = byId.get(srcCard);
    const srcOut = typeof meta['srcOutputId'] === 'string' ? meta['srcOutputId'] : '';
    if (src) {
      const base = label(src.node.model.outputs.data[srcOut], srcOut);
      const output = [base, ...pathOf(field)].join('.');
      const cardTitle = src.node.data.name;
      return {
        card: src.uuid,
        cardTitle,
        outputId: srcOut,
        output,
        text: `${cardTitle} · ${output}`,
      };
    }
  }
  const cardTitle = m.node.data.name;
  const output = label(field, outputId);
  return { card: m.uuid, cardTitle, outputId, output, text: `${cardTitle} · ${output}` };
}

const cache = new WeakMap<RawScope, Map<string, Source>>();

/** Sources of every mapped input of a scope, keyed `cardUuid/inputId` (cached per scope). */
export function mappingSources(scope: RawScope): Map<string, Source> {
  const hit = cache.get(scope);
  if (hit) return hit;
  const byId = new Map(scope.methods.map((m) => [m.uuid, m]));
  const out = new Map<string, Source>();
  for (const m of scope.methods) {
    for (const [oid, targets] of Object.entries(m.pins)) {
      const source = resolve(m, oid, byId);
      for (const [card, list] of Object.entries(targets))
        for (const t of list) out.set(`${card}/${t.input}`, source);
    }
  }
  cache.set(scope, out);
  return out;
}

const flowCache = new WeakMap<RawFloData, Map<RawScope, Map<string, Source>>>();

/**
 * Sources of every mapped input in a flow and its inline flows. Inside an inline flow, values
 * arrive through a wormhole (a hidden input of the container card with the same key as an
 * output of the inline flow's event); those are named by the outer card that feeds them.
 */
export function flowSources(data: RawFloData): Map<RawScope, Map<string, Source>> {
  const hit = flowCache.get(data);
  if (hit) return hit;
  const out = new Map<RawScope, Map<string, Source>>();
  forEachScope(data, (scope, path) => {
    const own = mappingSources(scope);
    const step = path[path.length - 1];
    const parent = step ? scopeAt(data, path.slice(0, -1)) : null;
    const container = step && parent ? cardIn(parent, step.card) : undefined;
    const outer = parent ? out.get(parent) : undefined;
    const event = sequenceOf(scope).event;
    if (!container || !outer || event === null) {
      out.set(scope, own);
      return;
    }
    const eventCard = cardIn(scope, event);
    // An arm's own event is "Helper Flow" in every file; name it after the arm instead.
    const entry = inlineFlows(container).find((e) => e.flo === scope);
    const armTitle =
      eventCard?.node.data.name === 'Helper Flow' && entry
        ? armLabel(container, entry.group, entry.slot.kind)
        : null;
    const resolved = new Map<string, Source>();
    for (const [key, source] of own) {
      const field =
        source.card === event ? eventCard?.node.model.outputs.data[source.outputId] : undefined;
      const feed = field
        ? Object.values(container.node.model.inputs.data).find(
            (f) => f.key === field.key && f.group === field.group,
          )
        : undefined;
      const through = feed ? outer.get(`${container.uuid}/${feed.id}`) : undefined;
      resolved.set(
        key,
        through ??
          (armTitle !== null && source.card === event
            ? { ...source, cardTitle: armTitle, text: `${armTitle} · ${source.output}` }
            : source),
      );
    }
    out.set(scope, resolved);
  });
  flowCache.set(data, out);
  return out;
}
