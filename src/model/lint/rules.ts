/**
 * Rules for remediation flows. Each rule reads a flow and its context and returns findings;
 * none changes anything.
 */
import { isPause } from '../cardRoles.ts';
import { fieldsOf, viewField } from '../cards.ts';
import { eventInputs } from '../eventInputs.ts';
import { flowKind } from '../flows.ts';
import { MAX_FOLDER_DEPTH } from '../folders.ts';
import type { CardId } from '../ids.ts';
import { mappingsOf } from '../mapping.ts';
import { sameName } from '../names.ts';
import type { RawMethod } from '../raw.ts';
import type { ScopePath } from '../scope.ts';
import { forEachScope } from '../scope.ts';
import { sequenceOf } from '../sequence.ts';
import type { Flow } from '../workspace.ts';
import type { Finding, LintContext } from './types.ts';

/** A rule: an id, what it checks, and the check. */
export interface Rule {
  id: string;
  title: string;
  check: (flow: Flow, ctx: LintContext) => Finding[];
}

/** Okta's older limit of active flows per org (helper flows and OFF flows do not count). */
export const ACTIVE_FLOW_LIMIT = 100;

const DELEGATED_TYPES = new Set(['string', 'number', 'boolean', 'Date']);
/** Input types whose emptiness means "not set". */
const SCALARS = new Set(['string', 'number', 'Date', 'boolean']);

/** Every card of a flow with its scope, inline flows included. */
function cards(flow: Flow): { m: RawMethod; path: ScopePath }[] {
  const out: { m: RawMethod; path: ScopePath }[] = [];
  forEachScope(flow.data, (s, path) => {
    for (const m of s.methods) out.push({ m, path });
  });
  return out;
}

const at = (m: RawMethod, path: ScopePath): { card: CardId; path: ScopePath } => ({
  card: m.uuid as CardId,
  path,
});

const isEmpty = (v: unknown): boolean =>
  v === null ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && v !== null && Object.keys(v).length === 0);

/** The rules, in report order. */
export const RULES: readonly Rule[] = [
  {
    id: 'pause-in-delegated',
    title: 'No Pause in a delegated flow',
    check: (flow) =>
      flowKind(flow.data) !== 'delegated'
        ? []
        : cards(flow)
            .filter(({ m }) => isPause(m))
            .map(({ m, path }) => ({
              rule: 'pause-in-delegated',
              severity: 'error',
              message: `“${m.node.data.name}” cannot run in a delegated flow (one endpoint setting per flow) — move it into a helper flow.`,
              ...at(m, path),
            })),
  },
  {
    id: 'delegated-input-type',
    title: 'Delegated Flow inputs are Text, Number, True/False or Date & Time',
    check: (flow) =>
      flowKind(flow.data) !== 'delegated'
        ? []
        : eventInputs(flow.data)
            .filter((i) => i.collection || !DELEGATED_TYPES.has(i.type))
            .map((i) => ({
              rule: 'delegated-input-type',
              severity: 'error',
              message: `The input “${i.key}” is ${i.collection ? 'a list' : `of type ${i.type}`}; a Delegated Flow takes only Text, Number, True/False and Date & Time.`,
            })),
  },
  {
    id: 'security-level',
    title: 'Delegated flows carry security level high',
    check: (flow) =>
      flowKind(flow.data) === 'delegated' && flow.data.security_level !== 'high'
        ? [
            {
              rule: 'security-level',
              severity: 'warning',
              message:
                'A delegated flow should carry security_level "high", as every Okta export of one does.',
            },
          ]
        : [],
  },
  {
    id: 'no-event',
    title: 'A flow has an event',
    check: (flow) =>
      flowKind(flow.data) === 'none' && flow.data.methods.length > 1
        ? [
            {
              rule: 'no-event',
              severity: 'info',
              message:
                'This flow has no event: it runs only when started by hand in the console. For an entity risk policy, add a Delegated Flow event; to be called by other flows, a Helper Flow event.',
            },
          ]
        : [],
  },
  {
    id: 'required-input',
    title: 'Required inputs are set or mapped',
    check: (flow) => {
      const out: Finding[] = [];
      forEachScope(flow.data, (s, path) => {
        const event = sequenceOf(s).event;
        const mapped = new Set(mappingsOf(s).map((x) => `${x.to.card}/${x.to.input}`));
        for (const m of s.methods) {
          if (m.uuid === event) continue;
          for (const f of fieldsOf(m, 'inputs')) {
            // Objects and lists may rightly stay empty ({} headers); scalars may not.
            if (!f.required || f.hidden || !SCALARS.has(f.type) || f.collection) continue;
            if (mapped.has(`${m.uuid}/${f.id}`) || !isEmpty(f.value)) continue;
            out.push({
              rule: 'required-input',
              severity: 'warning',
              message: `“${m.node.data.name}” needs “${f.label}”: map an earlier output into it or type a value.`,
              ...at(m, path),
            });
          }
        }
      });
      return out;
    },
  },
  {
    id: 'helper-flow',
    title: 'Called helper flows exist and are ON',
    check: (flow, ctx) => {
      const out: Finding[] = [];
      for (const { m, path } of cards(flow)) {
        for (const raw of Object.values(m.node.model.inputs.data)) {
          const f = viewField(raw);
          if (f.type !== 'flo' || typeof f.value !== 'string' || f.value === '') continue;
          const helper = ctx.flows.find((x) => x.id === f.value);
          if (!helper)
            out.push({
              rule: 'helper-flow',
              severity: 'error',
              message: `“${m.node.data.name}” calls a flow that is not in the workspace — import it or choose another.`,
              ...at(m, path),
            });
          else if (helper.active === false && flow.active)
            out.push({
              rule: 'helper-flow',
              severity: 'warning',
              message: `“${m.node.data.name}” calls “${helper.name}”, which is OFF — helper flows must be ON too.`,
              ...at(m, path),
            });
        }
      }
      return out;
    },
  },
  {
    id: 'unreachable',
    title: 'Every card is reachable',
    check: (flow) => {
      const out: Finding[] = [];
      forEachScope(flow.data, (s, path) => {
        for (const id of sequenceOf(s).loose) {
          const m = s.methods.find((x) => x.uuid === id);
          if (m)
            out.push({
              rule: 'unreachable',
              severity: 'warning',
              message: `“${m.node.data.name}” is not connected to the flow, so it never runs.`,
              ...at(m, path),
            });
        }
      });
      return out;
    },
  },
  {
    id: 'name-clash',
    title: 'Flow names are unique in their folder',
    check: (flow, ctx) =>
      ctx.flows.some(
        (f) => f.id !== flow.id && f.folderId === flow.folderId && sameName(f.name, flow.name),
      )
        ? [
            {
              rule: 'name-clash',
              severity: 'error',
              message: `Another flow in this folder is also named “${flow.name}” — Okta needs unique names; rename one.`,
            },
          ]
        : [],
  },
  {
    id: 'limits',
    title: 'Folder depth and active flow limits',
    check: (flow, ctx) => {
      const out: Finding[] = [];
      if (ctx.folderDepth !== undefined && ctx.folderDepth > MAX_FOLDER_DEPTH)
        out.push({
          rule: 'limits',
          severity: 'warning',
          message: `The flow's folder is at level ${ctx.folderDepth}; Okta allows ${MAX_FOLDER_DEPTH}.`,
        });
      const counted = (f: { kind: string; active: boolean | null }): boolean =>
        f.active === true && f.kind !== 'helper';
      const active = ctx.flows.filter(counted).length;
      if (flow.active && flowKind(flow.data) !== 'helper' && active > ACTIVE_FLOW_LIMIT)
        out.push({
          rule: 'limits',
          severity: 'warning',
          message: `${active} flows are ON in this workspace; Okta's documented limit is ${ACTIVE_FLOW_LIMIT} active flows per org (helper and OFF flows do not count).`,
        });
      return out;
    },
  },
];
