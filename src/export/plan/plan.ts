/**
 * The import plan of a flopack: what importing it into an org creates, and what the admin
 * must do afterwards. Okta's import creates new flows (new ids, new invoke URLs and client
 * tokens), leaves every flow OFF, carries connections only as placeholders to reselect and
 * tables without their rows.
 */
import { isPause } from '../../model/cardRoles.ts';
import { flowKind } from '../../model/flows.ts';
import type { FlowKind } from '../../model/flows.ts';
import { forEachScope } from '../../model/scope.ts';
import type { Workspace } from '../../model/workspace.ts';
import { ACTIVE_FLOW_LIMIT } from '../../model/lint/rules.ts';
import { refsOf } from '../flopack/refs.ts';

/** A flow the file creates. */
export interface PlanFlow {
  id: string;
  name: string;
  kind: FlowKind;
}

/** A connection to reselect after import. */
export interface PlanConnection {
  id: string;
  /** The connector app (`okta`, `slack`, …). */
  app: string;
  /** The connection's name in the org it was exported from. */
  name: string;
  /** How many cards use it. */
  cards: number;
}

/** A flow to turn ON, in order: helper flows before the flows that call them. */
export interface PlanTurnOn {
  id: string;
  name: string;
  kind: FlowKind;
  /** Names of the flows in the file that call it. */
  calledBy: string[];
}

/** An API endpoint flow: its invoke URL and client token change on import. */
export interface PlanEndpoint {
  id: string;
  name: string;
  /** `medium`: secured with a client token; `open`: public. */
  security: string;
}

/** A table: its columns travel, its rows do not. */
export interface PlanTable {
  id: string;
  name: string;
  columns: string[];
}

/** The whole plan (the JSON of `flopack plan --format json`). */
export interface ImportPlanReport {
  flows: PlanFlow[];
  connections: PlanConnection[];
  turnOn: PlanTurnOn[];
  endpoints: PlanEndpoint[];
  tables: PlanTable[];
  warnings: string[];
}

const byName = <T extends { name: string; id: string }>(a: T, b: T): number =>
  a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Helpers in dependency order (callees first), then the other flows by name. */
function turnOnOrder(ws: Workspace, flows: PlanFlow[]): PlanTurnOn[] {
  const calledBy = new Map<string, string[]>();
  for (const f of Object.values(ws.flows))
    for (const ref of refsOf(f.data).flows)
      if (ws.flows[ref] && ref !== f.id) calledBy.set(ref, [...(calledBy.get(ref) ?? []), f.name]);
  const out: PlanTurnOn[] = [];
  const done = new Set<string>();
  const onPath = new Set<string>();
  // Depth-first over calls: a flow's callees go first. A call cycle is cut where it closes.
  const visit = (f: PlanFlow): void => {
    if (done.has(f.id) || onPath.has(f.id)) return;
    onPath.add(f.id);
    const flow = ws.flows[f.id];
    const callees = flow
      ? [...refsOf(flow.data).flows]
          .map((id) => flows.find((x) => x.id === id))
          .filter((x): x is PlanFlow => x !== undefined)
          .sort(byName)
      : [];
    for (const c of callees) visit(c);
    onPath.delete(f.id);
    done.add(f.id);
    out.push({
      id: f.id,
      name: f.name,
      kind: f.kind,
      calledBy: [...new Set(calledBy.get(f.id) ?? [])].sort(),
    });
  };
  const isHelper = (f: PlanFlow): boolean => f.kind === 'helper' || calledBy.has(f.id);
  for (const f of flows.filter(isHelper)) visit(f);
  for (const f of flows.filter((x) => !isHelper(x))) visit(f);
  return out;
}

/** What importing this workspace (read from a flopack) into an org creates and requires. */
export function importPlan(ws: Workspace): ImportPlanReport {
  const flows: PlanFlow[] = Object.values(ws.flows)
    .map((f) => ({ id: f.id, name: f.name, kind: flowKind(f.data) }))
    .sort(byName);
  const uses = new Map<string, number>();
  const pauses: { flow: string; card: string }[] = [];
  for (const f of Object.values(ws.flows)) {
    const delegated = flowKind(f.data) === 'delegated';
    forEachScope(f.data, (scope) => {
      for (const m of scope.methods) {
        const config = m.node.model.config;
        if (typeof config === 'string') uses.set(config, (uses.get(config) ?? 0) + 1);
        if (delegated && isPause(m)) pauses.push({ flow: f.name, card: m.node.data.name });
      }
    });
  }
  const connections: PlanConnection[] = Object.values(ws.configs)
    .map((c) => ({
      id: c.id,
      app: typeof c.module === 'string' ? c.module : '',
      name: typeof c.name === 'string' ? c.name : '',
      cards: uses.get(c.id) ?? 0,
    }))
    .sort((a, b) => a.app.localeCompare(b.app) || byName(a, b));
  const endpoints: PlanEndpoint[] = Object.values(ws.flows)
    .filter((f) => flowKind(f.data) === 'apiEndpoint')
    .map((f) => ({
      id: f.id,
      name: f.name,
      security: typeof f.data.security_level === 'string' ? f.data.security_level : 'unknown',
    }))
    .sort(byName);
  const tables: PlanTable[] = Object.values(ws.tables)
    .map((t) => ({
      id: t.id,
      name: t.name,
      columns: (Array.isArray(t.data.structure) ? t.data.structure : []).map((c) =>
        typeof c === 'object' && c !== null && !Array.isArray(c) && typeof c.name === 'string'
          ? c.name
          : '?',
      ),
    }))
    .sort(byName);
  const delegated = flows.filter((f) => f.kind === 'delegated');
  const warnings: string[] = [];
  if (delegated.length > 0)
    warnings.push(
      `${delegated.length} delegated flow(s) (${delegated.map((f) => `“${f.name}”`).join(', ')}) count toward the org's active-flow limit (${ACTIVE_FLOW_LIMIT} in older Okta orgs) once ON; entity risk policy rules that run them must be pointed at the new flows.`,
    );
  for (const p of pauses)
    warnings.push(
      `Delegated flow “${p.flow}” contains “${p.card}”: a delegated flow cannot pause — move it into a helper flow before turning the flow ON.`,
    );
  for (const c of connections.filter((x) => x.cards === 0))
    warnings.push(`Connection “${c.name}” (${c.app}) is in the file but no card uses it.`);
  return {
    flows,
    connections,
    turnOn: turnOnOrder(ws, flows),
    endpoints,
    tables,
    warnings,
  };
}
