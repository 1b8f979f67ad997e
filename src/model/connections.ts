/**
 * Connections: named placeholders per app (`data.configs` entries `{id, name, module, data:
 * null}`), chosen on app cards through `node.model.config`. Okta never exports a connection's
 * secrets, so a placeholder is all a flopack carries; the org's admin reselects the real one on
 * import. Pure: every operation returns new data.
 */
import { appLabel } from '../catalog/labels.ts';
import { parseAddress } from './address.ts';
import type { Problem, Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { CardId, IdSource } from './ids.ts';
import { cleanName } from './names.ts';
import type { RawConfig, RawFloData, RawMethod } from './raw.ts';
import type { Flow } from './workspace.ts';
import type { ScopePath } from './scope.ts';
import { forEachScope, scopeAt, updateScope } from './scope.ts';

/** Longest connection name accepted. */
export const MAX_CONNECTION_NAME = 100;

/** Connections by id, in creation (or file) order. */
export type Connections = Readonly<Record<string, RawConfig>>;

/** The app whose connection a card takes (`okta`, `slack`…), or null: function and Tables
 * (`stash`) cards take none. */
export function connectionApp(m: RawMethod): string | null {
  const a = parseAddress(m.address);
  if (!a || a.namespace !== 'channels' || a.app === 'stash') return null;
  return a.app;
}

/** The connections of one app, in order. */
export const connectionsOf = (configs: Connections, module: string): RawConfig[] =>
  Object.values(configs).filter((c) => c.module === module);

/** Checks a typed name: trimmed, not empty, no control characters, ≤ 100 characters, unique
 * among the app's connections (other than `exceptId`). */
export function connectionName(
  configs: Connections,
  module: string,
  raw: unknown,
  exceptId: string | null = null,
): Result<string> {
  const name = cleanName(raw, 'connection');
  if (!name.ok) return name;
  if (name.value.length > MAX_CONNECTION_NAME)
    return fail(
      'CONN_E002',
      `The connection name has ${name.value.length} characters; the limit is ${MAX_CONNECTION_NAME} — shorten it.`,
    );
  const clash = connectionsOf(configs, module).find(
    (c) => c.id !== exceptId && c.name.toLowerCase() === name.value.toLowerCase(),
  );
  if (clash)
    return fail(
      'CONN_E003',
      `A ${module} connection named “${clash.name}” already exists — choose it or pick another name.`,
    );
  return ok(name.value);
}

/** A new placeholder, written with Okta's key order: id, name, module, data. */
export function createConnection(
  configs: Connections,
  spec: { id: string; name: string; module: string },
): Result<RawConfig> {
  if (!/^[a-z][a-z0-9_]*$/.test(spec.module) || spec.module === 'stash')
    return fail('CONN_E004', `“${spec.module}” is not an app that takes a connection.`);
  if (configs[spec.id] !== undefined)
    return fail('CONN_E005', `A connection with id ${spec.id} already exists.`);
  const name = connectionName(configs, spec.module, spec.name);
  if (!name.ok) return name;
  return ok({ id: spec.id, name: name.value, module: spec.module, data: null });
}

/** The connection renamed (same id, module and data). */
export function renameConnection(
  configs: Connections,
  id: string,
  raw: unknown,
): Result<RawConfig> {
  const c = configs[id];
  if (!c) return fail('CONN_E001', `Connection ${id} does not exist — reload the list.`);
  const name = connectionName(configs, c.module, raw, id);
  if (!name.ok) return name;
  return ok({ ...c, name: name.value });
}

/** A card that uses a connection. */
export interface ConnectionUse {
  flowId: string;
  flowName: string;
  card: CardId;
  cardName: string;
}

/** Where a connection is used in the given flows (inline flows included). */
export function connectionUses(
  flows: readonly { id: string; name: string; data: RawFloData }[],
  id: string,
): ConnectionUse[] {
  const out: ConnectionUse[] = [];
  for (const f of flows) {
    forEachScope(f.data, (scope) => {
      for (const m of scope.methods) {
        if (m.node.model.config === id)
          out.push({
            flowId: f.id,
            flowName: f.name,
            card: m.uuid as CardId,
            cardName: m.node.data.name,
          });
      }
    });
  }
  return out;
}

/** How many cards of one flow use a connection. */
export interface FlowUse {
  flowId: string;
  flowName: string;
  cards: number;
}

/**
 * Per connection id, the flows whose cards use it (in the order of `flows`) and how many
 * cards in each: what the Connections screen shows. Connections no card uses are absent.
 */
export function connectionUsage(
  flows: readonly { id: string; name: string; data: RawFloData }[],
): Record<string, FlowUse[]> {
  // A Map, so an id such as "__proto__" from a hostile file is just a key.
  const out = new Map<string, FlowUse[]>();
  for (const f of flows) {
    const counts = new Map<string, number>();
    forEachScope(f.data, (scope) => {
      for (const m of scope.methods) {
        const id = m.node.model.config;
        if (typeof id === 'string') counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    });
    for (const [id, cards] of counts) {
      const list = out.get(id) ?? [];
      list.push({ flowId: f.id, flowName: f.name, cards });
      out.set(id, list);
    }
  }
  return Object.fromEntries(out);
}

/** A connection's use in words: "2 cards in “Quarantine” (1) and “Notify” (1)", or "Not used". */
export function usageText(uses: readonly FlowUse[] | undefined): string {
  if (!uses || uses.length === 0) return 'Not used';
  const cards = uses.reduce((n, u) => n + u.cards, 0);
  const flows = uses.map((u) =>
    uses.length > 1 ? `“${u.flowName}” (${u.cards})` : `“${u.flowName}”`,
  );
  const list =
    flows.length === 1
      ? flows[0]
      : `${flows.slice(0, -1).join(', ')} and ${flows[flows.length - 1] ?? ''}`;
  return `${cards} card${cards === 1 ? '' : 's'} in ${list ?? ''}`;
}

/** Refuses to delete a connection that cards still use, naming them (up to five). */
export function deleteProblem(uses: readonly ConnectionUse[], name: string): Problem | null {
  if (uses.length === 0) return null;
  const named = uses
    .slice(0, 5)
    .map((u) => `“${u.cardName}” in “${u.flowName}”`)
    .join(', ');
  const more = uses.length > 5 ? ` and ${uses.length - 5} more` : '';
  return {
    code: 'CONN_E006',
    message: `The connection “${name}” is used by ${named}${more} — choose another connection on those cards, or clear them, before deleting it.`,
  };
}

function setConfig(
  data: RawFloData,
  path: ScopePath,
  card: CardId,
  fn: (m: RawMethod) => Result<string | null>,
): Result<RawFloData> {
  const m = scopeAt(data, path)?.methods.find((x) => x.uuid === card);
  if (!m) return fail('CARD_E002', `Card ${card} is not in this flow — reload it.`);
  const next = fn(m);
  if (!next.ok) return next;
  if (m.node.model.config === next.value) return ok(data); // unchanged: no undo step
  return ok(
    updateScope(data, path, (s) => ({
      ...s,
      methods: s.methods.map((x) =>
        x.uuid === card
          ? { ...x, node: { ...x.node, model: { ...x.node.model, config: next.value } } }
          : x,
      ),
    })),
  );
}

/** Points an app card at a connection of its own app (`node.model.config`, where Okta keeps it). */
export function chooseConnection(
  data: RawFloData,
  path: ScopePath,
  card: CardId,
  connection: RawConfig,
): Result<RawFloData> {
  return setConfig(data, path, card, (m) => {
    const app = connectionApp(m);
    if (app === null)
      return fail(
        'CONN_E007',
        `“${m.node.data.name}” is a function or Tables card — it takes no connection.`,
      );
    if (app !== connection.module)
      return fail(
        'CONN_E008',
        `“${connection.name}” is a ${connection.module} connection; “${m.node.data.name}” needs a ${app} one.`,
      );
    return ok(connection.id);
  });
}

/** Leaves a card without a connection (`config: null`). */
export function clearConnection(
  data: RawFloData,
  path: ScopePath,
  card: CardId,
): Result<RawFloData> {
  return setConfig(data, path, card, () => ok(null));
}

/** Clears a connection from every card of a flow that uses it (to delete the connection). */
export function clearConnectionEverywhere(data: RawFloData, id: string): RawFloData {
  const paths: ScopePath[] = [];
  forEachScope(data, (scope, path) => {
    if (scope.methods.some((m) => m.node.model.config === id)) paths.push(path);
  });
  let out = data;
  for (const path of paths)
    out = updateScope(out, path, (s) => ({
      ...s,
      methods: s.methods.map((m) =>
        m.node.model.config === id
          ? { ...m, node: { ...m.node, model: { ...m.node.model, config: null } } }
          : m,
      ),
    }));
  return out;
}

/**
 * Every app card without a connection pointed at one of its app: the first the given
 * connections hold for that app, else a new placeholder named after the app ("Okta",
 * "Slack", "Gmail"). Templates and generated packs carry connections as Okta's exports do.
 */
export function connectEveryAppCard(
  flows: readonly Flow[],
  configs: Connections,
  ids: IdSource,
): { flows: Flow[]; configs: Record<string, RawConfig> } {
  const out: Record<string, RawConfig> = { ...configs };
  const byApp = new Map<string, string>();
  for (const c of Object.values(configs)) if (!byApp.has(c.module)) byApp.set(c.module, c.id);
  const idFor = (app: string): string => {
    const known = byApp.get(app);
    if (known !== undefined) return known;
    const id = ids.uuid();
    byApp.set(app, id);
    out[id] = { id, name: appLabel(app), module: app, data: null };
    return id;
  };
  const next = flows.map((flow) => {
    const paths: ScopePath[] = [];
    forEachScope(flow.data, (scope, path) => {
      const bare = scope.methods.filter((m) => m.node.model.config === null && connectionApp(m));
      if (bare.length > 0) paths.push(path);
    });
    let data = flow.data;
    for (const path of paths)
      data = updateScope(data, path, (s) => ({
        ...s,
        methods: s.methods.map((m) => {
          const app = connectionApp(m);
          if (app === null || m.node.model.config !== null) return m;
          return { ...m, node: { ...m.node, model: { ...m.node.model, config: idFor(app) } } };
        }),
      }));
    return data === flow.data ? flow : { ...flow, data };
  });
  return { flows: next, configs: out };
}
