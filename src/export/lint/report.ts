/**
 * Lint findings of flopack files as data: every flow of each file linted with the studio's
 * rules, each finding with the JSON path of its card, ready for text, JSON or SARIF output.
 */
import { flowKind } from '../../model/flows.ts';
import { signaturesOf } from '../../model/helperCalls.ts';
import { lintFlow } from '../../model/lint/lint.ts';
import type { Finding, FlowInfo, Severity } from '../../model/lint/lint.ts';
import type { RawScope } from '../../model/raw.ts';
import type { ScopePath } from '../../model/scope.ts';
import { depthOf } from '../../model/workspace.ts';
import type { Workspace } from '../../model/workspace.ts';

/** A finding with where it is in the file. */
export interface LocatedFinding {
  rule: string;
  severity: Severity;
  message: string;
  flowId: string;
  flowName: string;
  card: string | null;
  cardName: string | null;
  /** JSONPath of the card (or of the flow when the finding is about the flow). */
  jsonPath: string;
}

/** The findings of one file. */
export interface FileLint {
  file: string;
  findings: LocatedFinding[];
  errors: number;
  warnings: number;
}

const seg = (k: string): string => `[${JSON.stringify(k)}]`;

/** JSONPath of a card from its flow, following the scope path through inline flows. */
export function cardJsonPath(
  flowId: string,
  root: RawScope,
  path: ScopePath,
  card: string,
): string | null {
  let p = `$.data.flos${seg(flowId)}.data`;
  let scope: RawScope = root;
  for (const step of path) {
    const i = scope.methods.findIndex((m) => m.uuid === step.card);
    const m = scope.methods[i];
    if (!m) return null;
    p += `.methods[${i}].node.model`;
    if (step.slot.kind === 'error') {
      const flo = m.node.model.policy?.error?.flo;
      if (typeof flo !== 'object' || flo === null) return null;
      p += '.policy.error.flo';
      scope = flo as RawScope;
    } else {
      const field = m.node.model.inputs.data[step.slot.field];
      const data = field?.value.data;
      if (typeof data !== 'object' || data === null) return null;
      p += `.inputs.data${seg(step.slot.field)}.value.data`;
      scope = data as unknown as RawScope;
    }
  }
  const i = scope.methods.findIndex((m) => m.uuid === card);
  return i < 0 ? null : `${p}.methods[${i}]`;
}

function cardName(root: RawScope, path: ScopePath, card: string): string | null {
  let scope: RawScope | null = root;
  for (const step of path) {
    const m = scope?.methods.find((x) => x.uuid === step.card);
    const flo: unknown =
      step.slot.kind === 'error'
        ? m?.node.model.policy?.error?.flo
        : m?.node.model.inputs.data[step.slot.field]?.value.data;
    scope = typeof flo === 'object' && flo !== null ? (flo as RawScope) : null;
  }
  return scope?.methods.find((m) => m.uuid === card)?.node.data.name ?? null;
}

/** Lints every flow of a workspace read from `file`. */
export function lintWorkspace(file: string, ws: Workspace): FileLint {
  const flows: FlowInfo[] = Object.values(ws.flows).map((f) => ({
    id: f.id,
    name: f.name,
    folderId: f.folderId,
    active: null,
    kind: flowKind(f.data),
  }));
  const helpers = signaturesOf(Object.values(ws.flows));
  const findings: LocatedFinding[] = [];
  for (const flow of Object.values(ws.flows)) {
    const depth =
      flow.folderId && ws.folders[flow.folderId] ? depthOf(ws, flow.folderId) : undefined;
    const found: Finding[] = lintFlow(
      flow,
      depth === undefined
        ? { flows, helpers, configs: ws.configs }
        : { flows, helpers, configs: ws.configs, folderDepth: depth },
    );
    for (const f of found) {
      const path = f.path ?? [];
      const card = f.card ?? null;
      findings.push({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        flowId: flow.id,
        flowName: flow.name,
        card,
        cardName: card === null ? null : cardName(flow.data, path, card),
        jsonPath:
          (card === null ? null : cardJsonPath(flow.id, flow.data, path, card)) ??
          `$.data.flos${seg(flow.id)}`,
      });
    }
  }
  return {
    file,
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}
